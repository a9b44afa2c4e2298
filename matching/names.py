"""Telling a place's Ukrainian and Romanian name forms apart in GeoNames' untagged alternate names."""

from anyascii import anyascii

UKRAINIAN_ONLY = set("іїєґІЇЄҐ")
NOT_UKRAINIAN = set("ыэёъўЫЭЁЪЎ")
ROMANIAN_CEDILLAS = str.maketrans("şţŞŢ", "șțȘȚ")


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def ukrainian_form(country: str, alternate_names: list[str]) -> str:
    """The Ukrainian spelling, or "" where it cannot be told reliably.

    A form with a letter only Ukrainian uses is Ukrainian. For places in Ukraine, a single
    Cyrillic form without Russian or Belarusian letters is taken too: it spells the same in both.
    """
    cyrillic = [
        n for n in dict.fromkeys(alternate_names) if is_cyrillic(n) and " " not in n.strip()
    ]
    plausible = [n for n in cyrillic if not NOT_UKRAINIAN & set(n)]
    marked = [n for n in plausible if UKRAINIAN_ONLY & set(n)]
    if len(marked) == 1:
        return marked[0]
    if country == "UA" and not marked and len(plausible) == 1:
        return plausible[0]
    return ""


def romanian_form(country: str, name: str) -> str:
    """Moldovan places are named in Romanian; GeoNames writes the old cedilla letters."""
    return name.translate(ROMANIAN_CEDILLAS) if country == "MD" else ""


def folded(text: str) -> str:
    """A name as a search compares it: Latin letters, no accents, no case, single spaces.

    Both scripts meet in one form, so "harnosand" finds Härnösand and "кагул" finds Cahul's
    Ukrainian form on every database (SQLite folds the case of ASCII letters only).
    """
    return " ".join(anyascii(text).casefold().replace("|", " ").split())


def search_names(names: list[str]) -> str:
    """Every form of a city's name, folded, each between bars so a whole name can be matched."""
    forms = dict.fromkeys(folded(name) for name in names)
    forms.pop("", None)
    return f"|{'|'.join(forms)}|" if forms else ""

"""Matching reasons in the visitor's language: the engine's Reason kinds, worded with gettext."""

from collections.abc import Mapping

from django.utils.formats import number_format
from django.utils.text import get_text_list
from django.utils.translation import get_language, get_language_info, gettext, pgettext

from matching.taxonomy import Challenge, CultureTheme, term_labels

SEVERITY = {
    1: lambda: pgettext("challenge weight", "present"),
    2: lambda: pgettext("challenge weight", "serious"),
    3: lambda: pgettext("challenge weight", "critical"),
}


def language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def in_sentence(label: str) -> str:
    """A label as it reads mid-sentence: "Brain drain" becomes "brain drain", "CCS" stays."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def render_reason(reason: Mapping, names: Mapping[str, str] | None = None) -> str:
    """One stored reason ({kind, params}) as a sentence in the active language.

    `names` maps city names to their form in this language; labels come from the taxonomy.
    """
    kind, p = reason["kind"], reason["params"]
    language = get_language()
    names = names or {}
    city = names.get(p.get("city"), p.get("city"))
    partner = names.get(p.get("partner"), p.get("partner"))

    def themes(slugs) -> str:
        labels = term_labels(CultureTheme, language)
        return get_text_list([in_sentence(labels.get(s, s)) for s in slugs], gettext("and"))

    if kind == "shared_challenge":
        challenge = in_sentence(
            term_labels(Challenge, language).get(p["challenge"], p["challenge"])
        )
        mine, theirs = p["city_weight"], p["partner_weight"]
        if mine == theirs == 1:
            return gettext("Both face %(challenge)s") % {"challenge": challenge}
        if mine == theirs:
            return gettext("Both face %(challenge)s (%(severity)s in both)") % {
                "challenge": challenge,
                "severity": SEVERITY[mine](),
            }
        return gettext("Both face %(challenge)s (%(severity)s in %(city)s)") % {
            "challenge": challenge,
            "severity": SEVERITY[max(mine, theirs)](),
            "city": city if mine > theirs else partner,
        }
    if kind == "learns_from":
        return gettext("%(city)s can learn about %(themes)s from %(partner)s") % {
            "city": city,
            "themes": themes(p["themes"]),
            "partner": partner,
        }
    if kind == "offers_sought":
        return gettext("%(city)s can show %(themes)s, which %(partner)s wants to learn about") % {
            "city": city,
            "themes": themes(p["themes"]),
            "partner": partner,
        }
    if kind == "population_ratio":
        if p["ratio"] <= 1.0:
            return gettext("%(city)s and %(partner)s have about the same population") % {
                "city": city,
                "partner": partner,
            }
        larger, smaller = (
            (city, partner) if p["city_population"] > p["partner_population"] else (partner, city)
        )
        return gettext("%(larger)s has %(ratio)s times the population of %(smaller)s") % {
            "larger": larger,
            "ratio": number_format(p["ratio"], 1),
            "smaller": smaller,
        }
    if kind == "shared_language":
        languages = get_text_list([language_name(c) for c in p["languages"]], gettext("and"))
        return gettext("Both work in %(languages)s") % {"languages": languages}
    return ""


COMPONENT_LABELS = {
    "challenges": lambda: gettext("Shared challenges"),
    "population": lambda: gettext("Similar size"),
    "themes": lambda: gettext("Culture themes"),
    "text": lambda: gettext("Similar descriptions"),
    "language": lambda: gettext("Shared language"),
}


def component_label(name: str) -> str:
    return COMPONENT_LABELS[name]() if name in COMPONENT_LABELS else name

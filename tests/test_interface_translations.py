"""The interface's Ukrainian and Romanian catalogues are complete, not fuzzy, and keep placeholders.

`makemessages` merges new source strings into the .po files with an empty translation: this
suite then fails, naming them, until someone translates them; and it fails when a string in
the code or templates was never extracted into the catalogues at all. No database is needed.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LANGUAGES = ["uk", "ro"]
PLURAL_FORMS = {
    "uk": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
    "ro": "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);",
}
# Python-format conversions: %(name)s, %s, %d…; "%%" is a literal percent sign.
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[#0 +-]*\d*(?:\.\d+)?[a-zA-Z%]")


def catalogue(language: str) -> polib.POFile:
    path = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"
    return polib.pofile(str(path))


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text)) - {"%%"}


def label(entry: polib.POEntry) -> str:
    return f"{entry.msgctxt} | {entry.msgid!r}" if entry.msgctxt else repr(entry.msgid)


def problems(po: polib.POFile) -> dict[str, list[str]]:
    nplurals = int(re.search(r"nplurals\s*=\s*(\d+)", po.metadata["Plural-Forms"]).group(1))
    found = {"untranslated": [], "fuzzy": [], "placeholders differ": []}
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            found["fuzzy"].append(label(entry))
        if entry.msgid_plural:
            forms = [entry.msgstr_plural.get(i, "") for i in range(nplurals)]
            expected = placeholders(entry.msgid_plural)
        else:
            forms = [entry.msgstr]
            expected = placeholders(entry.msgid)
        if not all(forms):
            found["untranslated"].append(label(entry))
        elif any(placeholders(form) != expected for form in forms):
            found["placeholders differ"].append(label(entry))
    return {kind: entries for kind, entries in found.items() if entries}


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_header_names_the_language_and_its_plural_forms(language):
    po = catalogue(language)
    assert not po.metadata_is_fuzzy
    assert po.metadata["Language"] == language
    assert po.metadata["Plural-Forms"] == PLURAL_FORMS[language]
    assert "charset=UTF-8" in po.metadata["Content-Type"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_is_translated(language):
    found = problems(catalogue(language))
    report = "\n".join(
        f"{kind} ({len(entries)}):\n  " + "\n  ".join(entries) for kind, entries in found.items()
    )
    assert not found, f"locale/{language}/LC_MESSAGES/django.po needs work:\n{report}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_site_speaks_the_catalogue(language):
    expected = catalogue(language).find("Skip to main content").msgstr
    assert expected and expected != "Skip to main content"
    with translation.override(language):
        assert translation.gettext("Skip to main content") == expected


#: Where `makemessages` looks, as the README tells translators to run it.
EXTRACT_IGNORE = [".venv", "static_collected", "media", "benchmarks", "tests", "test-artefacts"]


def test_every_marked_string_is_in_the_catalogues(tmp_path):
    """Extract from a copy of the sources, so the project's own catalogues stay untouched."""
    root = Path(settings.BASE_DIR)
    copy = tmp_path / "src"
    shutil.copytree(
        root,
        copy,
        ignore=shutil.ignore_patterns(".git", "*.mo", "__pycache__", "db.sqlite3", *EXTRACT_IGNORE),
    )
    if not shutil.which("xgettext"):
        pytest.fail("GNU gettext (xgettext) is needed to extract messages: apt-get install gettext")
    subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "makemessages", "--no-location", "-l", "uk", "-l", "ro"]
        + [f"--ignore={pattern}" for pattern in EXTRACT_IGNORE],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    for language in LANGUAGES:
        known = {(e.msgctxt, e.msgid) for e in catalogue(language) if not e.obsolete}
        extracted = polib.pofile(str(copy / "locale" / language / "LC_MESSAGES" / "django.po"))
        missing = [
            label(e) for e in extracted if not e.obsolete and (e.msgctxt, e.msgid) not in known
        ]
        assert not missing, (
            f"Run makemessages (see README) and translate; not in the {language} catalogue:\n  "
            + "\n  ".join(missing)
        )

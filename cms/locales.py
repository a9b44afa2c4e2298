"""Interface translations: .po files are the source, .mo files are built from them with polib.

polib (a wagtail-localize dependency) compiles without GNU gettext, so a fresh machine needs
no system package to show the interface in Ukrainian and Romanian.
"""

from pathlib import Path

import polib
from django.conf import settings


def compile_translations(locale_dirs: list[Path] | None = None) -> list[Path]:
    """Compile every django.po below the locale directories whose .mo is missing or older."""
    built = []
    for directory in locale_dirs or [Path(p) for p in settings.LOCALE_PATHS]:
        for po_path in sorted(Path(directory).glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            built.append(mo_path)
    return built

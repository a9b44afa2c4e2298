"""Wording kept per language: each language gets its own, worked out once."""

from django.utils.translation import get_language, gettext, override

from matching.translated import per_language


def test_each_language_gets_its_own_wording_worked_out_once():
    calls = []

    @per_language
    def label(key: str) -> str:
        calls.append((get_language(), key))
        return gettext("Challenges")

    with override("uk"):
        ukrainian = label("challenges")
        assert label("challenges") == ukrainian
    with override("en"):
        english = label("challenges")

    assert english == "Challenges" and ukrainian not in ("", "Challenges")
    assert calls == [("uk", "challenges"), ("en", "challenges")]


def test_a_lookup_for_one_language_reads_in_it_whatever_is_active():
    calls = []

    @per_language
    def label(key: str) -> str:
        calls.append((get_language(), key))
        return gettext("Challenges")

    in_ukrainian = label.in_language("uk")
    with override("en"):
        ukrainian = in_ukrainian("challenges")
        assert label("challenges") == "Challenges"
    with override("uk"):
        assert label("challenges") == ukrainian  # kept from the first lookup

    assert ukrainian not in ("", "Challenges")
    assert calls == [("uk", "challenges"), ("en", "challenges")]

"""The finder's counted wording reads in the visitor's language, each time it is asked."""

from django.utils.translation import override

from matching.wording import inhabitants


def test_a_population_reads_in_each_visitors_language():
    read = {}
    for language in ("en", "uk", "ro", "en"):
        with override(language):
            read.setdefault(language, []).append((inhabitants(1), inhabitants(123456)))

    assert read["en"] == [("1 inhabitant", "123,456 inhabitants")] * 2
    assert read["uk"] == [("1 мешканець", "123\xa0456 мешканців")]
    assert read["ro"] == [("1 locuitor", "123.456 de locuitori")]

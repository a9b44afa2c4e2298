"""The finder's counted wording reads in the visitor's language, each time a card is drawn."""

from types import SimpleNamespace

from django.template.loader import render_to_string
from django.utils.html import strip_tags
from django.utils.translation import override


def population_line(population: int | None) -> str:
    """The line under a suggested partner's name, as the suggestion card prints it."""
    partner = SimpleNamespace(slug="se-harnosand", country="SE", population=population)
    item = {"partner": partner, "partner_name": "Härnösand", "score": 63.9}
    html = render_to_string("matching/includes/suggestion.html", {"item": item})
    meta = html.split('class="card__meta">', 1)[1].split("</p>", 1)[0]
    return strip_tags(meta).split(" · ", 1)[1]


def test_a_population_reads_in_each_visitors_language():
    read = {}
    for language in ("en", "uk", "ro", "en"):
        with override(language):
            read.setdefault(language, []).append((population_line(1), population_line(123456)))

    assert read["en"] == [("1 inhabitant", "123,456 inhabitants")] * 2
    assert read["uk"] == [("1 мешканець", "123\xa0456 мешканців")]
    assert read["ro"] == [("1 locuitor", "123.456 de locuitori")]


def test_a_missing_population_reads_as_zero_rather_than_breaking_the_card():
    with override("uk"):
        assert population_line(None) == "0 мешканців"

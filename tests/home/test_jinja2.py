"""The public templates' own image tag and dates print exactly what Wagtail and Django do."""

import datetime as dt

import pytest
from django.template import defaultfilters
from django.templatetags.tz import do_timezone
from django.utils import translation
from django.utils.timezone import template_localtime
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.jinja2 import date, image, img_tag

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "extra",
    [
        {"alt": 'Tom & Jerry\'s "hall" <1>', "loading": "lazy"},
        {"alt": "", "hidden": True, "data-caption": None, "decoding": False},
    ],
)
def test_an_image_reads_as_wagtail_draws_it(extra):
    picture = Image.objects.create(title="Reading room", file=get_test_image_file())
    rendition = picture.get_rendition("fill-64x36")

    assert img_tag(rendition, extra) == rendition.img_tag(extra)
    assert image(picture, "fill-64x36", **extra) == rendition.img_tag(extra)
    assert image(picture, "width-32", alt="x") == picture.get_rendition("width-32").img_tag(
        {"alt": "x"}
    )


def test_no_image_prints_nothing():
    assert image(None, "fill-64x36", alt="x") == ""


def test_templates_read_dict_keys_and_methods_as_jinja_does():
    from types import SimpleNamespace

    from django.template import engines

    template = engines["jinja2"].env.from_string(
        "{{ d.name }}{{ d.missing }}|{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}"
        "|{{ o.name }}|{{ d.get('name') }}"
    )
    assert template.render(d={"name": "Kiel"}, o=SimpleNamespace(name="Cahul")) == (
        "Kiel|name=Kiel;|Cahul|Kiel"
    )


def test_a_templates_own_globals_reach_it_alone():
    from django.template import engines

    env = engines["jinja2"].env
    own = env.from_string("{{ city }}|{{ _('Search') }}", globals={"city": "Kiel", "_": str.upper})
    other = env.from_string("{{ city }}|{{ _('Search') }}")

    assert own.render() == "Kiel|SEARCH"
    with translation.override("uk"):
        assert other.render() == "|Пошук"
    assert "city" not in env.globals


def test_a_page_reads_its_wording_in_the_language_it_renders_in(rf, home_page):
    from django.template import engines

    template = engines["jinja2"].from_string("{{ _('Search') }} {{ pageurl(page) }}")
    request = rf.get("/")

    renders = []
    for language in ("uk", "ro", "uk", "en"):
        with translation.override(language):
            renders.append(template.render({"page": home_page}, request))

    assert renders == ["Пошук /en/", "Căutare /en/", "Пошук /en/", "Search /en/"]


@pytest.mark.parametrize("language", ["en", "uk", "ro"])
@pytest.mark.parametrize("fmt", ["j E Y", "j E Y, H:i", "Y-m-d", "c", None])
def test_dates_read_as_djangos_date_filter_writes_them(language, fmt):
    night = dt.datetime(2027, 3, 27, 23, 5, tzinfo=dt.UTC)
    values = [
        do_timezone(night, "Europe/Kyiv"),  # an event's own zone: the 28th, 01:05
        night,  # shown in the site's zone
        dt.datetime(2026, 12, 3, 9, 30),  # naive
        dt.date(2026, 5, 1),
        None,
        "",
    ]
    with translation.override(language):
        for value in values:
            if type(value) is dt.date and fmt in ("j E Y, H:i", "c"):
                continue  # Django refuses an hour for a day alone
            assert date(value, fmt) == defaultfilters.date(template_localtime(value), fmt)
    with translation.override("uk"):
        assert date(do_timezone(night, "Europe/Kyiv"), "j E Y, H:i") == "28 березня 2027, 01:05"

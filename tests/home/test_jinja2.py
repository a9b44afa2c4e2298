"""The public templates' own image tag prints exactly what Wagtail's does."""

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.jinja2 import image, img_tag

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

"""Property-based fuzzing of every public form, filter and API parameter: never a 500.

Bounded (few examples per target, no deadline) so the whole module runs in well under a
minute; the API's OpenAPI description is also exercised by schemathesis in tests/matching.
"""

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from home.matching_pages import ensure_matching_pages
from matching.models import City, CityApplication, CityStatus, IntroductionRequest
from matching.reference_data import load_taxonomy
from matching.services import recompute_suggestions
from tests.cms.factories import (
    EventIndexPageFactory,
    LabIndexPageFactory,
    StandardPageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)
from tests.html_forms import form_fields
from tests.matching.factories import CityFactory

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Anything a query string or form can carry: NUL bytes, control and non-Latin characters,
# huge numbers, markup; and now and then a real value, so filters are also combined.
junk = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="\x00\r\n\t<>\"'&%;/\\", max_size=10),
    st.integers().map(str),
    st.sampled_from(
        ["", " ", '"', "\x00", "0", "-1", "999999999999999999999", "NaN", "\u202e", "x" * 500]
    ),
    st.sampled_from(["brain-drain", "libraries", "root", "SE", "MD", "2024", "webinar", "en"]),
)


def query(*names: str):
    return st.dictionaries(st.sampled_from(names), junk, max_size=len(names))


@pytest.fixture
def site(home_page):
    """One of each public page, a story, and an approved pair of cities with a suggestion."""
    cache.clear()
    list(load_taxonomy())
    ensure_matching_pages(home_page)
    stories = StoryIndexPageFactory(parent=home_page)
    StoryPageFactory(parent=stories, challenges=["brain-drain"])
    LabIndexPageFactory(parent=home_page)
    EventIndexPageFactory(parent=home_page)
    CityFactory(name="Cahul", slug="md-cahul", country="MD", challenges={"brain-drain": 3})
    CityFactory(name="Härnösand", slug="se-harnosand", country="SE", challenges={"ageing": 2})
    City.objects.create(name="Ungheni", slug="md-ungheni", country="MD")
    recompute_suggestions()
    return home_page


GET_TARGETS = {
    "/en/search/": ("q", "type", "page"),
    "/uk/stories/": ("challenge", "theme", "role", "country", "year", "page"),
    "/ro/learning-labs/": ("format", "attendance", "year", "challenge", "theme", "page"),
    "/en/events/": ("when", "activity", "attendance", "language", "page"),
    "/en/cities/": ("country", "page"),
    "/uk/partner-finder/": ("q", "city", "country", "band", "theme"),
    "/en/register/": ("city", "sent"),
    "/api/v1/cities/": ("country", "region", "q", "page"),
    "/api/v1/cities/md-cahul/partners": ("top", "lang"),
    "/api/v2/pages/": (
        "type",
        "fields",
        "order",
        "limit",
        "offset",
        "search",
        "search_operator",
        "locale",
        "slug",
        "child_of",
        "descendant_of",
        "translation_of",
        "has_children",
        "id",
        "title",
        "first_published_at",
        "show_in_menus",
    ),
    "/api/v2/images/": ("fields", "order", "limit", "offset", "search", "search_operator", "id"),
    "/api/v2/documents/": ("fields", "order", "limit", "offset", "search", "id", "title"),
}


@pytest.mark.parametrize("url", list(GET_TARGETS))
def test_no_query_string_breaks_a_page_or_the_api(site, url):
    client = Client()

    @FUZZ
    @given(params=query(*GET_TARGETS[url]))
    def check(params):
        response = client.get(url, params)
        assert response.status_code < 500, (url, params)
        if any("\x00" in key + value for key, value in params.items()):
            assert response.status_code == 400, (url, params)  # no database can read it
        elif not url.startswith("/api/"):
            assert response.status_code == 200, (url, params)  # bad filters are dropped

    check()


HUGE = "9" * 30  # past what the database's integers hold (2**63)
ABSURD_V2_PARAMETERS = [
    {"limit": HUGE},
    {"limit": "-1"},
    {"offset": "-5"},
    {"offset": "1e9"},
    {"search": "x" * 50_000},
    {"search": "a " * 5_000},
    {"search": "story", "limit": HUGE},
    {"id": HUGE},
    {"child_of": HUGE},
    {"descendant_of": HUGE},
    {"translation_of": HUGE},
    {"first_published_at": HUGE},
    {"first_published_at": "2024-13-45"},
    {"fields": "*," * 2_000},
    {"fields": "title(" * 500},
    {"order": "x" * 10_000},
    {"type": "cms." + "x" * 10_000},
]


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"])
@pytest.mark.parametrize("params", ABSURD_V2_PARAMETERS, ids=lambda p: ",".join(p))
def test_absurd_page_api_parameters_are_answered_not_a_500(client, site, url, params):
    response = client.get(url, params)
    assert response.status_code in (200, 400), params
    if response.status_code == 400:
        assert response.json()["message"]  # Wagtail's API says what was wrong


@pytest.mark.parametrize("offset", [HUGE, "9223372036854775808", " 99999999999999999999 "])
@pytest.mark.parametrize("search", [None, "story"])
def test_an_offset_past_the_end_is_an_empty_page_however_large(client, site, offset, search):
    params = {"offset": offset} | ({"search": search} if search else {})
    everything = client.get("/api/v2/pages/", {"search": search} if search else {}).json()
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200
    assert response.json() == {"meta": everything["meta"], "items": []}


def test_a_malformed_date_filter_says_which_field(client, site):
    response = client.get("/api/v2/pages/", {"first_published_at": "yesterday"})
    assert response.status_code == 400
    assert "yesterday" in response.json()["message"]


REGISTRATION_FIELDS = (
    "city", "name", "country", "population", "offers", "seeks", "roles", "languages",
    "host_capacity", "description", "contact_name", "contact_role", "contact_email",
    "consent", "website", "challenge_brain-drain", "challenge_ageing",
)  # fmt: skip
form_values = st.one_of(junk, st.lists(junk, max_size=3))


def test_no_registration_post_breaks_the_form(site):
    client = Client()

    @FUZZ
    @given(data=st.dictionaries(st.sampled_from(REGISTRATION_FIELDS), form_values))
    def check(data):
        cache.clear()  # the rate limit would soon answer every post with 429
        response = client.post("/ro/register/", data)
        assert response.status_code in (200, 302), data

    check()


def test_no_introduction_post_breaks_the_form(site):
    City.objects.filter(slug="md-cahul").update(status=CityStatus.APPROVED)
    client = Client()
    url = "/uk/partner-finder/introduce/md-cahul/se-harnosand/"
    fields = ("message", "contact_name", "contact_role", "contact_email", "consent", "website")

    @FUZZ
    @given(data=st.dictionaries(st.sampled_from(fields), form_values))
    def check(data):
        cache.clear()
        response = client.post(url, data)
        assert response.status_code in (200, 302), data

    check()


@pytest.mark.parametrize(
    ("page_form", "fields"),
    [
        ("contact", ("topic", "about", "message", "contact_name", "contact_role",
                     "contact_email", "consent", "website")),
        ("accessibility", ("page_address", "message", "email", "consent", "website")),
    ],
)  # fmt: skip
def test_no_post_breaks_a_standard_pages_form(home_page, page_form, fields):
    page = StandardPageFactory(parent=home_page, slug=page_form, page_form=page_form)
    client = Client()

    @FUZZ
    @given(data=st.dictionaries(st.sampled_from(fields), form_values), about=junk)
    def check(data, about):
        cache.clear()
        # A NUL byte is answered with a clear 400 before any page (see below).
        assert client.get(page.url, {"about": about, "topic": about}).status_code in (200, 400)
        response = client.post(page.url, data)
        assert response.status_code in (200, 302), data

    check()


typed = st.text(
    alphabet="abcxyz АБВабвґєїії ăâîșț ĂÂÎȘȚ <>&\"'-.,", min_size=1, max_size=60
).filter(lambda s: s.strip() == s and s)


@pytest.mark.parametrize("language", ["uk", "ro"])
def test_invalid_registration_keeps_what_was_typed_and_explains_in_the_visitors_language(
    site, language
):
    client = Client()
    with translation.override(language):
        required = translation.gettext("This field is required.")
    assert required != "This field is required."

    @settings(FUZZ, max_examples=8)
    @given(name=typed, role=typed, description=typed)
    def check(name, role, description):
        cache.clear()
        data = {
            "name": name,
            "contact_name": name,
            "contact_role": role,
            "description": description,
            "population": "12000",
        }  # no e-mail address, no consent: invalid
        response = client.post(f"/{language}/register/", data)
        html = response.content.decode()
        assert response.status_code == 200
        kept = form_fields(html, "form.register-form")  # as the browser reads the page
        assert kept["contact_name"] == [name] and kept["contact_role"] == [role]
        assert kept["description"] == [description]
        assert required in html
        assert not CityApplication.objects.exists()

    check()
    assert not IntroductionRequest.objects.exists()


@pytest.mark.parametrize(
    "url", ["/api/v1/cities/a%00b/", "/uk/cities/a%00b/", "/uk/register/?city=a%00b"]
)
def test_a_nul_byte_in_the_address_gets_a_clear_400(client, site, url):
    response = client.get(url)
    assert response.status_code == 400
    if url.startswith("/api/"):
        assert response.json()["detail"]
    else:
        assert '<html lang="uk">' in response.content.decode()

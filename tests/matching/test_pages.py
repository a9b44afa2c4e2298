import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from wagtail.models import Locale

from matching.models import (
    City,
    CityApplication,
    CityStatus,
    CityText,
    IntroductionRequest,
    StoredSuggestion,
)
from matching.services import recompute_suggestions
from tests.html_forms import assert_forms_are_each_visitors_own
from tests.html_pages import texts
from tests.matching.factories import CityFactory

pytestmark = pytest.mark.django_db


def registration(**extra) -> dict:
    data = {
        "city": "md-cahul",
        "population": "34000",
        "challenge_brain-drain": "3",
        "challenge_ageing": "2",
        "offers": ["folk-traditions"],
        "seeks": ["libraries"],
        "roles": ["root"],
        "languages": ["ro", "en"],
        "host_capacity": "0",
        "description": "A town on the Prut with a strong house of culture.",
        "contact_name": "Ana Sentinel",
        "contact_role": "Culture officer",
        "contact_email": "ana.sentinel@example.org",
        "consent": "on",
        "website": "",
    }
    return data | extra


def test_the_journey_from_registration_to_an_introduction(
    client, site, django_user_model, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/register/", registration())
    assert response.status_code == 302
    cahul = City.objects.get(slug="md-cahul")
    assert cahul.status == CityStatus.PENDING
    assert CityApplication.objects.get(city=cahul).contact_email == "ana.sentinel@example.org"
    to_staff = [m for m in mail.outbox if m.to == ["moderators@rescom.test"]]
    assert to_staff and "Cahul" in to_staff[0].subject
    assert "ana.sentinel" not in to_staff[0].body

    # Pending: not public anywhere yet.
    assert client.get("/en/cities/md-cahul/").status_code == 404
    pending = client.get("/en/partner-finder/", {"city": "md-cahul"}).content.decode()
    assert "being reviewed" in pending
    assert client.get("/api/v1/cities/md-cahul/").status_code == 404

    # Staff approve it in the admin; suggestions are recomputed in the background.
    staff = django_user_model.objects.create_superuser("staff", "staff@rescom.test", "pw")
    client.force_login(staff)
    cahul.status = CityStatus.APPROVED
    with django_capture_on_commit_callbacks(execute=True):
        cahul.save()
    client.logout()

    finder = client.get("/en/partner-finder/", {"city": "md-cahul"}).content.decode()
    assert "Härnösand" in finder
    assert "Both face Brain drain (critical in Cahul)" in finder or "Both face" in finder
    assert StoredSuggestion.objects.filter(partner=cahul).exists()
    assert "ana.sentinel" not in finder

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/partner-finder/introduce/md-cahul/se-harnosand/",
            {
                "message": "We want to learn how their library reaches young people.",
                "contact_name": "Ana Sentinel",
                "contact_email": "ana.sentinel@example.org",
                "consent": "on",
            },
        )
    assert response.status_code == 302
    introduction = IntroductionRequest.objects.get()
    assert (introduction.from_city.slug, introduction.to_city.slug) == ("md-cahul", "se-harnosand")
    to_staff = [m for m in mail.outbox if m.to == ["moderators@rescom.test"]]
    assert "Introduction requested" in to_staff[-1].subject
    client.force_login(staff)
    listing = client.get("/admin/snippets/matching/introductionrequest/").content.decode()
    assert "Cahul" in listing


def test_form_errors_are_shown_per_field_and_keep_what_was_typed(client, site):
    response = client.post(
        "/uk/register/", registration(contact_email="not-an-address", consent="", population="-5")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'value="Ana Sentinel"' in html
    assert "A town on the Prut" in html
    assert City.objects.get(slug="md-cahul").status == CityStatus.UNCLAIMED
    assert not CityApplication.objects.exists()


def test_every_problem_is_shown_on_the_first_submit(client, site):
    no_challenge = {k: "0" for k in registration() if k.startswith("challenge_")}
    response = client.post(
        "/en/register/", registration(contact_email="not-an-address", **no_challenge)
    )
    html = response.content.decode()
    assert "Enter a valid email address." in html
    assert "Choose at least one challenge your city faces." in html


def summary_and_page_order(html: str) -> tuple[list[str], list[str]]:
    """The error summary's links, and the same ids in the order the form shows them."""
    soup = BeautifulSoup(html, "html.parser")
    links = [a["href"][1:] for a in soup.select("#form-errors a[href^='#']")]
    in_page = [e["id"] for e in soup.select("form[method=post] [id]") if e["id"] in links]
    return links, in_page


@pytest.mark.parametrize("language", ["en", "uk"])
def test_error_summary_lists_problems_in_the_order_of_the_page(client, site, language):
    no_challenge = {k: "0" for k in registration() if k.startswith("challenge_")}
    invalid = registration(
        city="", name="", population="-5", contact_name="", consent="", **no_challenge
    )
    links, in_page = summary_and_page_order(
        client.post(f"/{language}/register/", invalid).content.decode()
    )
    assert links[:3] == ["id_name", "id_country", "id_population"]
    assert {"challenges", "id_contact_name", "id_consent"} <= set(links)
    assert links == in_page

    City.objects.filter(slug="md-cahul").update(status=CityStatus.APPROVED)
    recompute_suggestions()
    url = f"/{language}/partner-finder/introduce/md-cahul/se-harnosand/"
    html = client.post(url, {"contact_email": "not-an-address"}).content.decode()
    links, in_page = summary_and_page_order(html)
    assert links[0] == "id_message" and links == in_page


def test_consent_box_starts_unticked(client, site):
    html = client.get("/en/register/").content.decode()
    consent = html[html.find('name="consent"') - 200 : html.find('name="consent"') + 60]
    assert "checked" not in consent


def test_honeypot_catches_bots(client, site):
    response = client.post("/en/register/", registration(website="http://spam.example"))
    assert response.status_code == 200
    assert not CityApplication.objects.exists()


def test_registration_is_rate_limited_per_address(client, site):
    for n in range(10):
        new_city = registration(city="", name=f"Town {n}", country="PL")
        assert client.post("/en/register/", new_city).status_code == 302
    response = client.post("/en/register/", registration())
    assert response.status_code == 429
    assert "Too many submissions" in response.content.decode()
    assert not CityApplication.objects.filter(city__slug="md-cahul").exists()


def test_a_person_correcting_mistakes_is_not_locked_out(client, site):
    for _ in range(12):
        response = client.post("/en/register/", registration(city="", name="", country=""))
        assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    assert client.post("/en/register/", registration()).status_code == 302
    assert CityApplication.objects.filter(city__slug="md-cahul").exists()


def post_with_and_without_csrf_token(url: str, data: dict) -> tuple:
    """A browser-like client that enforces CSRF: first a post with no token, then with the form's."""
    strict = Client(enforce_csrf_checks=True)
    refused = strict.post(url, data)
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', strict.get(url).content.decode()
    )
    accepted = strict.post(url, data | {"csrfmiddlewaretoken": token.group(1)})
    return refused, accepted


@pytest.mark.parametrize("language", ["en", "uk"])
def test_registration_refuses_posts_without_a_csrf_token(site, language):
    refused, accepted = post_with_and_without_csrf_token(f"/{language}/register/", registration())
    assert refused.status_code == 403
    assert f'<html lang="{language}">' in refused.content.decode()
    assert "CSRF verification failed" not in refused.content.decode()
    assert accepted.status_code == 302
    assert CityApplication.objects.count() == 1


def test_introduction_request_refuses_posts_without_a_csrf_token(site):
    City.objects.filter(slug="md-cahul").update(status=CityStatus.APPROVED)
    recompute_suggestions()
    url = "/ro/partner-finder/introduce/md-cahul/se-harnosand/"
    data = {
        "message": "We want to learn from their library.",
        "contact_name": "Ana",
        "contact_email": "ana@example.org",
        "consent": "on",
    }
    refused, accepted = post_with_and_without_csrf_token(url, data)
    assert refused.status_code == 403
    assert "Treceți la conținutul principal" in refused.content.decode()  # the site's own frame
    assert accepted.status_code == 302
    assert IntroductionRequest.objects.count() == 1


@pytest.mark.parametrize("status", [CityStatus.APPROVED, CityStatus.PENDING])
def test_registration_of_a_registered_city_says_so_before_anything_is_filled_in(
    client, site, status
):
    City.objects.filter(slug="md-cahul").update(status=status)
    html = client.get("/en/register/", {"city": "md-cahul"}).content.decode()
    assert "This city already has a profile" in html and "Cahul" in html
    assert "register-form" not in html  # nothing to fill in for nothing
    response = client.post("/en/register/?city=md-cahul", registration())
    assert "register-form" not in response.content.decode()
    assert not CityApplication.objects.exists()


def test_a_typed_city_the_directory_has_is_that_city_not_a_new_one(client, site):
    ukrainian, _ = Locale.objects.get_or_create(language_code="uk")
    CityText.objects.create(city=City.objects.get(slug="md-cahul"), locale=ukrainian, name="Кагул")
    response = client.post("/uk/register/", registration(city="", name="кагул", country="MD"))
    assert response.status_code == 302
    assert CityApplication.objects.get().city.slug == "md-cahul"
    assert City.objects.filter(country="MD").count() == 1  # no second Cahul in the directory

    # Now registered: typing it again is refused at once, on the name, with every other problem.
    response = client.post(
        "/en/register/", registration(city="", name="Cahul", country="MD", contact_email="x")
    )
    html = response.content.decode()
    assert "This city already has a profile" in html and "Enter a valid email address." in html
    assert CityApplication.objects.count() == 1


def test_unclaimed_city_is_invited_to_register(client, site):
    html = client.get("/en/partner-finder/", {"city": "md-cahul"}).content.decode()
    assert "has no profile yet" in html
    assert "/en/register/?city=md-cahul" in html


def test_finder_search_lists_directory_matches(client, site):
    html = client.get("/en/partner-finder/", {"q": "cah"}).content.decode()
    assert "?city=md-cahul" in html


def test_finder_search_finds_a_city_by_its_name_in_the_visitors_language(client, site):
    ukrainian, _ = Locale.objects.get_or_create(language_code="uk")
    CityText.objects.create(city=City.objects.get(slug="md-cahul"), locale=ukrainian, name="Кагул")
    html = client.get("/uk/partner-finder/", {"q": "Кагул"}).content.decode()
    assert "?city=md-cahul" in html
    assert "Кагул" in html


@pytest.mark.parametrize("typed", ["harnosand", "HÄRNÖ", "Härnösand "])
def test_finder_search_ignores_accents_and_case(client, site, typed):
    html = client.get("/en/partner-finder/", {"q": typed}).content.decode()
    assert "?city=se-harnosand" in html


@pytest.mark.parametrize("typed", ["кагул", "КАГУ"])
def test_finder_search_ignores_the_case_and_script_of_a_name_in_another_language(
    client, site, typed
):
    ukrainian, _ = Locale.objects.get_or_create(language_code="uk")
    text = CityText.objects.create(
        city=City.objects.get(slug="md-cahul"), locale=ukrainian, name="Кагул"
    )
    html = client.get("/uk/partner-finder/", {"q": typed}).content.decode()
    assert "?city=md-cahul" in html
    # A name form removed is no longer found.
    text.delete()
    html = client.get("/uk/partner-finder/", {"q": "кагул"}).content.decode()
    assert "?city=md-cahul" not in html


def test_finder_says_when_a_linked_city_is_not_in_the_directory(client, site):
    html = client.get("/en/partner-finder/", {"city": "nope"}).content.decode()
    assert "No city of that name is in the directory yet." in html
    assert 'name="q"' in html  # the search to find it by name


@pytest.mark.parametrize(
    "query",
    [
        {"city": "se-harnosand", "band": "huge"},
        {"city": "x" * 500},
        {"country": "ZZ", "theme": "nope"},
    ],
)
def test_bad_finder_parameters_never_break_the_page(client, site, query):
    assert client.get("/en/partner-finder/", query).status_code == 200


def test_finder_filters_partners_by_size(client, site):
    site.refresh_from_db()
    cahul = City.objects.get(slug="md-cahul")
    CityFactory._meta.model.objects.filter(pk=cahul.pk).update(status=CityStatus.APPROVED)
    recompute_suggestions()
    small = client.get(
        "/en/partner-finder/", {"city": "md-cahul", "band": "10-30k"}
    ).content.decode()
    assert "Härnösand" in small and "Kiel" not in small
    large = client.get(
        "/en/partner-finder/", {"city": "md-cahul", "band": "large"}
    ).content.decode()
    assert "Kiel" in large and "Härnösand" not in large


def test_finder_names_the_city_and_its_partners_in_the_visitors_language(client, site):
    City.objects.filter(slug="md-cahul").update(status=CityStatus.APPROVED)
    recompute_suggestions()
    ukrainian, _ = Locale.objects.get_or_create(language_code="uk")
    for slug, name in (("md-cahul", "Кагул"), ("se-harnosand", "Гернесанд")):
        CityText.objects.create(city=City.objects.get(slug=slug), locale=ukrainian, name=name)

    ukrainian_page = client.get("/uk/partner-finder/", {"city": "md-cahul"})
    assert texts(ukrainian_page, "#results-heading") == ["Партнери для міста Кагул"]
    # Kiel has no Ukrainian name: it keeps its own.
    assert set(texts(ukrainian_page, ".suggestion .card__title")) == {"Гернесанд", "Kiel"}
    assert "Гернесанд" in " ".join(texts(ukrainian_page, ".reasons li"))
    english_page = client.get("/en/partner-finder/", {"city": "md-cahul"})
    assert texts(english_page, "#results-heading") == ["Partners for Cahul"]
    assert set(texts(english_page, ".suggestion .card__title")) == {"Härnösand", "Kiel"}


def test_finder_offers_only_countries_its_partners_are_in(client, site):
    City.objects.filter(slug="md-cahul").update(status=CityStatus.APPROVED)
    recompute_suggestions()
    html = client.get("/en/partner-finder/", {"city": "md-cahul"}).content.decode()
    countries = re.findall(r'<option value="([A-Z]{2})"', html)
    assert set(countries) == set(
        StoredSuggestion.objects.filter(city__slug="md-cahul").values_list(
            "partner__country", flat=True
        )
    )
    assert "UA" not in countries and "MD" not in countries
    # An old link filtering by a country no partner is in: dropped, with a word, not 0 results.
    html = client.get("/en/partner-finder/", {"city": "md-cahul", "country": "UA"}).content.decode()
    assert "have been ignored" in html and "Härnösand" in html


def test_finder_country_filter_follows_the_partners_at_once(client, site):
    City.objects.filter(slug="md-cahul").update(status=CityStatus.APPROVED)
    recompute_suggestions()

    def offered() -> set[str]:
        html = client.get("/en/partner-finder/", {"city": "md-cahul"}).content.decode()
        return set(re.findall(r'<option value="([A-Z]{2})"', html))

    assert offered() == {"SE", "DE"}
    tartu = CityFactory(name="Tartu", slug="ee-tartu", country="EE", challenges={"ageing": 2})
    recompute_suggestions()
    assert offered() == {"SE", "DE", "EE"}
    tartu.status = CityStatus.DRAFT  # taken back by staff: no longer suggested
    tartu.save()
    assert offered() == {"SE", "DE"}


@pytest.mark.parametrize("code", ["DE", "de"])
def test_finder_filters_partners_by_country_in_any_case(client, site, code):
    City.objects.filter(slug="md-cahul").update(status=CityStatus.APPROVED)
    recompute_suggestions()
    html = client.get("/en/partner-finder/", {"city": "md-cahul", "country": code}).content.decode()
    assert "have been ignored" not in html
    assert "Kiel" in html and "Härnösand" not in html


def test_finder_links_only_to_listings_with_something_to_read(client, site, home_page):
    from tests.cms.factories import (
        LabConclusionsPageFactory,
        LabIndexPageFactory,
        LabPageFactory,
        StoryIndexPageFactory,
        StoryPageFactory,
    )

    stories = StoryIndexPageFactory(parent=home_page)
    StoryPageFactory(parent=stories, city=site, challenges=["brain-drain"])
    lab = LabPageFactory(parent=LabIndexPageFactory(parent=home_page))
    LabConclusionsPageFactory(parent=lab, challenges=["security"])
    CityFactory(name="Soroca", country="MD", challenges={"brain-drain": 3, "ageing": 2})
    recompute_suggestions()
    html = client.get("/en/partner-finder/", {"city": "md-soroca"}).content.decode()
    assert "Härnösand" in html
    assert f'href="{stories.url}?challenge=brain-drain"' in html
    assert "?challenge=ageing" not in html  # shared too, but no story or lab on it
    assert "lab conclusions on" not in html  # the only conclusions are on another challenge


def test_city_page_shows_profile_and_partners(client, site):
    html = client.get("/en/cities/se-harnosand/").content.decode()
    assert "Härnösand" in html
    assert "Libraries" in html or "libraries" in html.lower()


@pytest.mark.parametrize("code", ["DE", "de"])
def test_city_directory_filters_by_country_in_any_case(client, site, code):
    listing = client.get("/en/cities/", {"country": code}).content.decode()
    assert "Kiel" in listing and "Härnösand" not in listing


def test_only_approved_cities_reach_the_sitemap_and_the_city_pages(client, site):
    CityFactory(name="Ungheni", slug="md-ungheni", country="MD", status=CityStatus.PENDING)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/cities/se-harnosand/" in sitemap
    assert "md-ungheni" not in sitemap and "md-cahul" not in sitemap
    assert client.get("/en/cities/md-ungheni/").status_code == 404
    listing = client.get("/en/cities/").content.decode()
    assert "Härnösand" in listing and "Ungheni" not in listing


def test_introduction_messages_and_contacts_never_reach_public_pages(client, site):
    from django.utils import timezone

    cahul = City.objects.get(slug="md-cahul")
    cahul.status = CityStatus.APPROVED
    cahul.save()
    recompute_suggestions()
    IntroductionRequest.objects.create(
        from_city=cahul,
        to_city=site,
        message="Secret sentinel message",
        contact_name="Sentinel Person",
        contact_email="sentinel@example.org",
        consent_given_at=timezone.now(),
        consent_language="en",
    )
    for url in (
        "/en/cities/md-cahul/",
        "/en/partner-finder/?city=md-cahul",
        "/en/cities/",
        "/sitemap.xml",
        "/api/v1/cities/md-cahul/partners",
        "/en/search/?q=secret",
    ):
        body = client.get(url).content.decode().lower()
        assert "sentinel" not in body, url


@pytest.mark.parametrize("crash_in", ["scoring", "writing"])
def test_pages_keep_the_last_good_suggestions_when_a_recompute_crashes(
    client, site, monkeypatch, django_capture_on_commit_callbacks, crash_in
):
    from matching import services
    from matching.models import RecomputeRun

    soroca = CityFactory(
        name="Soroca",
        slug="md-soroca",
        country="MD",
        population=22_000,
        challenges={"brain-drain": 3},
        seeks=["libraries"],
    )
    recompute_suggestions()
    finder = "/en/partner-finder/"
    assert "Härnösand" in client.get(finder, {"city": "md-soroca"}).content.decode()
    assert "Soroca" in client.get("/en/cities/se-harnosand/").content.decode()

    def crash(*args, **kwargs):
        raise RuntimeError("recompute crashed")

    if crash_in == "scoring":
        monkeypatch.setattr(services.PairScorer, "fit", crash)
    else:  # after the old suggestions were deleted, inside the same transaction
        monkeypatch.setattr(StoredSuggestion.objects, "bulk_create", crash)
    with django_capture_on_commit_callbacks(execute=True):
        soroca.population = 23_000
        soroca.save()  # an approved profile changed: the background task recomputes, and fails

    assert RecomputeRun.objects.latest("pk").status == RecomputeRun.Status.FAILED
    assert "Härnösand" in client.get(finder, {"city": "md-soroca"}).content.decode()
    assert "Soroca" in client.get("/en/cities/se-harnosand/").content.decode()


def test_a_stored_registration_is_confirmed_even_when_the_staff_email_fails(
    client, site, monkeypatch, django_capture_on_commit_callbacks
):
    import smtplib

    def mail_server_down(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("mail server down")

    monkeypatch.setattr("contacts.notifications.send_mail", mail_server_down)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/register/", registration())
    assert response.status_code == 302  # stored: told so, and never asked to send it again
    assert CityApplication.objects.filter(city__slug="md-cahul").count() == 1


def form_key(client, url: str) -> str:
    html = client.get(url).content.decode()
    return re.search(r'name="submission" value="([^"]+)"', html).group(1)


@pytest.mark.parametrize("address", ["/en/register/", "/en/register/?city=md-cahul"])
def test_a_registration_sent_twice_is_stored_and_told_once(
    client, site, address, django_capture_on_commit_callbacks
):
    """A reload or a retry after a lost answer: the city now has a profile, yet the second
    copy gets the same thank-you, not "this city already has a profile"."""
    key = form_key(client, address)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(address, registration(submission=key))
        again = client.post(address, registration(submission=key))
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    assert CityApplication.objects.count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ana.sentinel@example.org",
        "moderators@rescom.test",
    ]
    assert client.post(address, registration(submission=form_key(client, "/en/register/")))
    assert CityApplication.objects.count() == 1  # a new form for the same city is refused


def test_an_introduction_sent_twice_is_stored_once(client, site):
    City.objects.filter(slug="md-cahul").update(status=CityStatus.APPROVED)
    recompute_suggestions()
    url = "/en/partner-finder/introduce/md-cahul/se-harnosand/"
    data = {
        "message": "We would like to see the library's youth work.",
        "contact_name": "Ana",
        "contact_email": "ana@example.org",
        "consent": "on",
        "submission": form_key(client, url),
    }
    first, again = client.post(url, data), client.post(url, data)
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    assert IntroductionRequest.objects.count() == 1


@pytest.mark.parametrize(
    "url", ["/en/register/", "/en/partner-finder/introduce/md-cahul/se-harnosand/"]
)
def test_every_visitor_gets_a_form_with_their_own_token(site, url):
    City.objects.filter(slug="md-cahul").update(status=CityStatus.APPROVED)
    recompute_suggestions()
    assert_forms_are_each_visitors_own(url)

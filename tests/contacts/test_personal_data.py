import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.editorial.roles import EDITORS, MODERATORS, ensure_editorial_roles
from matching.models import CityApplication, IntroductionRequest
from tests.matching.factories import CityFactory

pytestmark = pytest.mark.django_db

EMAIL = "ana.sentinel@example.org"
URL = "/admin/contacts/personal-data/"


def perms(*dotted: str) -> list[Permission]:
    return [
        Permission.objects.get(content_type__app_label=d.split(".")[0], codename=d.split(".")[1])
        for d in dotted
    ]


def denied(response) -> bool:
    """Wagtail answers a refused admin view by sending the user back to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def staff(django_user_model, name: str, *permissions: str, group: Group | None = None):
    user = django_user_model.objects.create_user(name, f"{name}@rescom.test", "pw")
    if group is None:
        group = Group.objects.create(name=f"{name} group")
        group.permissions.set(perms("wagtailadmin.access_admin", *permissions))
    user.groups.add(group)
    return user


@pytest.fixture
def person(home_page):
    cahul = CityFactory(name="Cahul", slug="md-cahul", country="MD")
    kiel = CityFactory(name="Kiel", slug="de-kiel", country="DE")
    contact = {
        "contact_name": "Ana Sentinel",
        "contact_role": "Culture officer",
        "contact_email": EMAIL,
        "consent_given_at": timezone.now(),
        "consent_language": "ro",
    }
    application = CityApplication.objects.create(city=cahul, **contact)
    introduction = IntroductionRequest.objects.create(
        from_city=cahul, to_city=kiel, message="Sentinel message", **contact
    )
    other = CityApplication.objects.create(
        city=kiel, **(contact | {"contact_name": "Bo", "contact_email": "bo@example.org"})
    )
    return application, introduction, other


def test_only_staff_with_the_permission_see_the_tool(client, django_user_model, person):
    officer = staff(django_user_model, "officer", "contacts.manage_personal_data")
    editor = staff(django_user_model, "editor", group=ensure_editorial_roles()[EDITORS])
    client.force_login(editor)
    assert URL not in client.get("/admin/").content.decode()
    for response in (client.get(URL), client.post(URL, {"email": EMAIL, "action": "export"})):
        assert denied(response)
    client.force_login(officer)
    assert URL in client.get("/admin/").content.decode()
    assert client.get(URL).status_code == 200


def test_staff_find_and_export_every_record_of_one_address(client, django_user_model, person):
    application = person[0]
    client.force_login(staff(django_user_model, "officer", "contacts.manage_personal_data"))
    found = client.post(URL, {"email": "Ana.Sentinel@Example.org", "action": "find"})
    html = found.content.decode()
    assert "2 records hold this address" in html
    assert "<td>Bo</td>" not in html and "<td>Ana Sentinel</td>" in html

    response = client.post(URL, {"email": EMAIL, "action": "export"})
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert EMAIL not in response["Content-Disposition"]
    data = json.loads(response.content)
    [app] = data["city_applications"]
    [intro] = data["introduction_requests"]
    assert app["id"] == application.pk and app["city"]["name"] == "Cahul"
    assert app["consent"]["language"] == "ro" and app["contact"]["email"] == EMAIL
    assert intro["message"] == "Sentinel message" and intro["to_city"]["name"] == "Kiel"
    assert ModelLogEntry.objects.filter(action="matching.export_personal_data").count() == 2


def test_erasure_needs_confirmation_and_leaves_no_address_in_the_logs(
    client, django_user_model, person
):
    application, introduction, other = person
    client.force_login(staff(django_user_model, "officer", "contacts.manage_personal_data"))
    unconfirmed = client.post(URL, {"email": EMAIL, "action": "erase", "reason": "request"})
    assert "Tick the box" in unconfirmed.content.decode()
    application.refresh_from_db()
    assert application.erased_at is None

    response = client.post(
        URL, {"email": EMAIL, "action": "erase", "reason": "withdrawal", "confirm": "on"}
    )
    assert response.status_code == 302
    for record in (application, introduction):
        record.refresh_from_db()
        assert record.erased_at is not None and record.consent_withdrawn_at is not None
        assert "sentinel" not in f"{record.contact_name} {record.contact_email}".lower()
    assert introduction.message == ""
    other.refresh_from_db()
    assert other.contact_email == "bo@example.org"

    entries = ModelLogEntry.objects.filter(action="matching.withdraw_consent")
    assert entries.count() == 2
    logged = " ".join(f"{e.label} {e.data}" for e in entries).lower()
    assert "sentinel" not in logged
    sessions = " ".join(str(s.get_decoded()) for s in Session.objects.all()).lower()
    assert "sentinel" not in sessions
    assert client.post(URL, {"email": EMAIL, "action": "find"}).context["records"] == []


def test_staff_without_the_contact_permission_see_no_names_addresses_or_messages(
    client, django_user_model, person
):
    application, introduction, _ = person
    IntroductionRequest.objects.filter(pk=introduction.pk).update(outcome_note="Sentinel note")
    handler = staff(
        django_user_model,
        "handler",
        "matching.view_cityapplication",
        "matching.view_introductionrequest",
        "matching.change_introductionrequest",
    )
    client.force_login(handler)
    pages = [
        "/admin/",
        "/admin/snippets/matching/cityapplication/",
        f"/admin/snippets/matching/cityapplication/inspect/{application.pk}/",
        "/admin/snippets/matching/introductionrequest/",
        f"/admin/snippets/matching/introductionrequest/inspect/{introduction.pk}/",
        f"/admin/snippets/matching/introductionrequest/edit/{introduction.pk}/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode().lower()
        assert "sentinel" not in html, url
        assert "culture officer" not in html, url

    # Recording an outcome still works, and keeps what the handler could not see.
    client.post(
        f"/admin/snippets/matching/introductionrequest/edit/{introduction.pk}/",
        {"outcome": "introduced"},
    )
    introduction.refresh_from_db()
    assert introduction.outcome == "introduced"
    assert introduction.message == "Sentinel message"
    assert introduction.outcome_note == "Sentinel note"

    handler.groups.first().permissions.add(*perms("contacts.view_contact"))
    handler = django_user_model.objects.get(pk=handler.pk)  # fresh permission cache
    client.force_login(handler)
    inspect = client.get(f"/admin/snippets/matching/introductionrequest/inspect/{introduction.pk}/")
    assert EMAIL in inspect.content.decode() and "Sentinel message" in inspect.content.decode()


@pytest.mark.parametrize("role", [EDITORS, MODERATORS])
def test_editorial_groups_cannot_grant_themselves_more(client, django_user_model, home_page, role):
    group = ensure_editorial_roles()[role]
    before = set(group.permissions.values_list("pk", flat=True))
    user = staff(django_user_model, "member", group=group)
    client.force_login(user)
    group_edit = reverse("wagtailusers_groups:edit", args=[group.pk])
    user_edit = reverse("wagtailusers_users:edit", args=[user.pk])
    for url in (reverse("wagtailusers_groups:index"), group_edit, user_edit):
        assert denied(client.get(url)), url
    everything = Permission.objects.filter(codename__in=["view_contact", "change_group"])
    assert denied(
        client.post(group_edit, {"name": role, "permissions": [p.pk for p in everything]})
    )
    assert denied(client.post(user_edit, {"username": "member", "is_superuser": "on"}))
    assert set(group.permissions.values_list("pk", flat=True)) == before
    user.refresh_from_db()
    assert not user.is_superuser
    assert not user.has_perm("contacts.view_contact")
    assert not user.has_perm("auth.change_group")


def test_a_mistyped_address_is_a_form_error(client, django_user_model, person):
    client.force_login(staff(django_user_model, "officer", "contacts.manage_personal_data"))
    response = client.post(URL, {"email": "not-an-address", "action": "erase", "confirm": "on"})
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert CityApplication.objects.filter(erased_at__isnull=True).count() == 2


def test_the_tool_names_itself_in_the_browser_tab(client, django_user_model, home_page):
    client.force_login(staff(django_user_model, "officer", "contacts.manage_personal_data"))
    assert "<title>Personal data - " in client.get(reverse("contacts_personal_data")).text

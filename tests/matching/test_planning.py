import csv
import io
import itertools

import pytest
from django.utils import timezone

from matching.models import IntroductionRequest, MatchingWeights, PlannedPartnership, ShadowingRound
from matching.planning import MIN_OUTCOMES_TO_LEARN, learning_report
from tests.matching.factories import CityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model, home_page):
    client.force_login(django_user_model.objects.create_superuser("staff", "s@example.org", "pw"))
    return client


@pytest.fixture
def cities(home_page):
    east = [
        CityFactory(
            name="Cahul",
            slug="md-cahul",
            country="MD",
            challenges={"brain-drain": 3},
            seeks=["libraries"],
        ),
        CityFactory(
            name="Dubno", slug="ua-dubno", country="UA", challenges={"security": 3}, seeks=["music"]
        ),
        CityFactory(
            name="Varash",
            slug="ua-varash",
            country="UA",
            challenges={"brain-drain": 2},
            seeks=["libraries"],
        ),
    ]
    bsr = [
        CityFactory(
            name="Härnösand",
            slug="se-harnosand",
            country="SE",
            host_capacity=1,
            challenges={"brain-drain": 2},
            offers=["libraries"],
        ),
        CityFactory(
            name="Vejle",
            slug="dk-vejle",
            country="DK",
            host_capacity=2,
            challenges={"security": 1},
            offers=["music"],
        ),
    ]
    return east, bsr


def plan(client, **extra):
    data = {
        "new_round": "Spring",
        "visitors": ["md-cahul", "ua-dubno", "ua-varash"],
        "hosts": ["se-harnosand", "dk-vejle"],
        "min_score": "0",
        "avoid_earlier": "on",
        "action": "plan",
    }
    return client.post("/admin/matching/cohort-planner/", data | extra)


def test_planner_finds_a_plan_within_each_hosts_capacity(staff_client, cities):
    response = plan(staff_client)
    html = response.content.decode()
    assert response.status_code == 200
    assert "3 pairs" in html
    assert html.count("Härnösand (SE)") == 1  # capacity 1


def test_planner_respects_the_minimum_score(staff_client, cities):
    html = plan(staff_client, min_score="100").content.decode()
    assert "Without a host this round" in html
    assert "0 pairs" in html


def test_plan_downloads_as_csv(staff_client, cities):
    response = plan(staff_client, action="csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["visitor", "visitor_country", "host", "host_country", "score"]
    assert {row[0] for row in rows[1:]} == {"Cahul", "Dubno", "Varash"}


def test_saved_plans_become_planned_partnerships_and_are_avoided_next_round(staff_client, cities):
    plan(staff_client, action="save")
    first = ShadowingRound.objects.get(name="Spring")
    pairs = set(first.partnerships.values_list("visitor__slug", "host__slug"))
    assert len(pairs) == 3
    plan(staff_client, new_round="Autumn", action="save")
    second = set(
        ShadowingRound.objects.get(name="Autumn").partnerships.values_list(
            "visitor__slug", "host__slug"
        )
    )
    assert not pairs & second
    assert PlannedPartnership.objects.count() == 3 + len(second)


def test_planner_form_errors_are_shown(staff_client, cities):
    html = plan(staff_client, new_round="", min_score="150").content.decode()
    assert "Choose a round or name a new one." in html
    assert "less than or equal to 100" in html


def record_outcomes(east, bsr, grade_of):
    for visitor, host in itertools.product(east, bsr):
        IntroductionRequest.objects.create(
            from_city=visitor,
            to_city=host,
            message="",
            contact_name="x",
            contact_email="x@example.org",
            consent_given_at=timezone.now(),
            consent_language="en",
            outcome=grade_of(visitor, host),
        )


def test_learning_waits_for_enough_outcomes(staff_client, cities):
    html = staff_client.get("/admin/matching/learned-weights/").content.decode()
    assert f"learning needs at least {MIN_OUTCOMES_TO_LEARN} outcomes" in html
    assert not learning_report().ready


def test_learned_weights_are_compared_and_can_be_adopted(staff_client, cities):
    east, bsr = cities
    more_east = [
        CityFactory(name=f"East {i}", country="UA", challenges={"brain-drain": 1 + i % 3})
        for i in range(4)
    ]
    # Pairs that share challenges went further: the learner should lean on challenges.
    record_outcomes(
        east + more_east,
        bsr,
        lambda v, h: (
            "signed"
            if {c.challenge.slug for c in v.challenges.all()}
            & {c.challenge.slug for c in h.challenges.all()}
            else "declined"
        ),
    )
    html = staff_client.get("/admin/matching/learned-weights/").content.decode()
    assert "precision@5" in html and "NDCG@5" in html
    staff_client.post("/admin/matching/learned-weights/")
    weights = MatchingWeights.load()
    assert weights.challenges > weights.population

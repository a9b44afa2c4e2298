import pytest

from matching import services
from matching.models import CityStatus, RecomputeRun, StoredSuggestion
from tests.matching.factories import CityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cities(home_page):
    return {
        "cahul": CityFactory(
            name="Cahul",
            country="MD",
            population=34_000,
            challenges={"brain-drain": 3, "ageing": 2},
            offers=["folk-traditions"],
            seeks=["libraries"],
        ),
        "dubno": CityFactory(
            name="Dubno",
            country="UA",
            population=37_000,
            challenges={"security": 3, "displaced-people": 3},
            offers=["museums-heritage"],
        ),
        "harnosand": CityFactory(
            name="Härnösand",
            slug="se-harnosand",
            country="SE",
            population=25_000,
            challenges={"brain-drain": 2, "ageing": 2},
            offers=["libraries"],
            seeks=["folk-traditions"],
        ),
        "kiel": CityFactory(
            name="Kiel",
            country="DE",
            population=250_000,
            challenges={"security": 1},
        ),
        "pending": CityFactory(
            name="Ungheni",
            country="MD",
            population=34_000,
            status=CityStatus.PENDING,
            challenges={"brain-drain": 3},
        ),
    }


def test_recompute_stores_explained_cross_divide_suggestions(cities):
    run = services.recompute_suggestions()
    assert run.status == RecomputeRun.Status.SUCCEEDED
    cahul = list(StoredSuggestion.objects.filter(city=cities["cahul"]).select_related("partner"))
    assert [s.partner.name for s in cahul] == ["Härnösand", "Kiel"]
    best = cahul[0]
    assert best.score > cahul[1].score
    assert {"challenges", "population", "themes"} <= set(best.components)
    kinds = {r["kind"] for r in best.reasons}
    assert {"shared_challenge", "learns_from", "offers_sought", "population_ratio"} <= kinds


def test_pending_cities_are_neither_ranked_nor_suggested(cities):
    services.recompute_suggestions()
    assert not StoredSuggestion.objects.filter(city=cities["pending"]).exists()
    assert not StoredSuggestion.objects.filter(partner=cities["pending"]).exists()


def test_a_failed_recompute_keeps_the_last_good_suggestions(cities, monkeypatch):
    services.recompute_suggestions()
    before = list(StoredSuggestion.objects.values_list("city_id", "partner_id", "score"))

    def broken_fit(self, profiles, y=None):
        raise RuntimeError("engine crashed")

    monkeypatch.setattr(services.PairScorer, "fit", broken_fit)
    run = services.recompute_suggestions()
    assert run.status == RecomputeRun.Status.FAILED
    assert "engine crashed" in run.error
    assert list(StoredSuggestion.objects.values_list("city_id", "partner_id", "score")) == before


def test_weights_from_settings_change_the_scores(cities):
    from matching.models import MatchingWeights

    services.recompute_suggestions()
    before = StoredSuggestion.objects.get(city=cities["dubno"], partner=cities["kiel"]).score
    weights = MatchingWeights.load()
    weights.population, weights.themes = 0.0, 0.0
    weights.save()
    services.recompute_suggestions()
    after = StoredSuggestion.objects.get(city=cities["dubno"], partner=cities["kiel"]).score
    assert after > before


def test_approving_a_city_recomputes_suggestions_in_the_background(
    cities, django_capture_on_commit_callbacks
):
    services.recompute_suggestions()
    ungheni = cities["pending"]
    with django_capture_on_commit_callbacks(execute=True):
        ungheni.status = CityStatus.APPROVED
        ungheni.save()
    assert StoredSuggestion.objects.filter(city=ungheni).exists()
    assert StoredSuggestion.objects.filter(partner=ungheni).count() >= 1


def test_withdrawing_an_approved_city_removes_it_from_others_suggestions(
    cities, django_capture_on_commit_callbacks
):
    services.recompute_suggestions()
    harnosand = cities["harnosand"]
    harnosand.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        harnosand.status = CityStatus.WITHDRAWN
        harnosand.save()
    assert not StoredSuggestion.objects.filter(partner=harnosand).exists()


def test_withdrawing_an_approved_city_read_afresh_removes_it_from_others_suggestions(
    cities, django_capture_on_commit_callbacks
):
    """As staff do in the admin: the city is read from the database, then withdrawn."""
    from matching.models import City

    services.recompute_suggestions()
    harnosand = City.objects.get(pk=cities["harnosand"].pk)
    with django_capture_on_commit_callbacks(execute=True):
        harnosand.status = CityStatus.WITHDRAWN
        harnosand.save()
    assert not StoredSuggestion.objects.filter(partner=harnosand).exists()


def test_unclaimed_directory_edits_do_not_queue_work(cities, django_capture_on_commit_callbacks):
    from matching import tasks
    from matching.models import City

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        City.objects.create(name="Ystad", slug="se-ystad", country="SE", population=20_000)
    assert [f for f in callbacks if getattr(f, "__module__", "") == tasks.__name__] == []

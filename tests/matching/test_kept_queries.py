import threading

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from matching.kept_queries import KeptListing, KeptQuery
from matching.models import City, CityStatus, StoredSuggestion

from .factories import CityFactory

pytestmark = pytest.mark.django_db


def _cities_in(country: str, status: str, *, by: str):
    return (
        City.objects.filter(country=country, status=status).prefetch_related("offers").order_by(by)
    )


CITIES_IN = KeptQuery(_cities_in)


def test_each_call_reads_the_rows_its_own_arguments_select():
    CityFactory(name="Kiel", country="DE", offers=["libraries"])
    CityFactory(name="Lund", country="SE")
    CityFactory(name="Umeå", country="SE")
    CityFactory(name="Ystad", country="SE", status=CityStatus.DRAFT)

    approved = str(CityStatus.APPROVED)
    assert [c.name for c in CITIES_IN("SE", approved, by="name")] == ["Lund", "Umeå"]
    assert [c.name for c in CITIES_IN("SE", approved, by="-name")] == ["Umeå", "Lund"]
    assert [c.name for c in CITIES_IN("SE", str(CityStatus.DRAFT), by="name")] == ["Ystad"]
    [kiel] = CITIES_IN("DE", approved, by="name")
    # The prefetch rides along: the offers are there without another query.
    with CaptureQueriesContext(connection) as queries:
        assert [t.slug for t in kiel.offers.all()] == ["libraries"]
    assert len(queries) == 0


def test_related_rows_come_in_the_same_query_and_lists_of_any_length_work():
    kiel, lund, umea = (CityFactory(name=n) for n in ("Kiel", "Lund", "Umeå"))
    for rank, partner in enumerate((lund, umea), 1):
        StoredSuggestion.objects.create(
            city=kiel,
            partner=partner,
            rank=rank,
            score=1 / rank,
            components={},
            reasons=[],
            computed_at=timezone.now(),
        )
    partners = KeptQuery(
        lambda ids: (
            StoredSuggestion.objects.filter(partner_id__in=ids)
            .select_related("partner")
            .order_by("rank")
        )
    )

    with CaptureQueriesContext(connection) as queries:
        assert [s.partner.name for s in partners([lund.pk])] == ["Lund"]
        assert [s.partner.name for s in partners([umea.pk, lund.pk])] == ["Lund", "Umeå"]
        assert partners([]) == []
    assert len(queries) == 2


def test_arguments_equal_to_the_querys_own_constants_or_small_columns_still_select_rightly():
    CityFactory(name="Kiel", host_capacity=1, population=1)
    CityFactory(name="Lund", host_capacity=1, population=90_000)
    CityFactory(name="Umeå", host_capacity=2, population=90_000)
    hosting_one = KeptQuery(
        lambda people: City.objects.filter(host_capacity=1, population__gte=people).order_by("name")
    )
    assert [c.name for c in hosting_one(1)] == ["Kiel", "Lund"]
    assert [c.name for c in hosting_one(50_000)] == ["Lund"]

    by_weight = KeptQuery(
        lambda weight: City.objects.filter(challenges__weight=weight).order_by("name")
    )
    CityFactory(name="Ystad", challenges={"ageing": 3})
    assert [c.name for c in by_weight(3)] == ["Ystad"]
    assert by_weight(2) == []


def test_an_argument_the_sql_does_not_carry_unchanged_is_refused_by_name():
    CityFactory(name="Kiel")
    named_like = KeptQuery(lambda text: City.objects.filter(name__icontains=text))

    with pytest.raises(
        ValueError, match=r"argument of .*<lambda> does not reach the SQL unchanged"
    ):
        named_like("kie")
    with pytest.raises(TypeError, match="not NoneType"):
        CITIES_IN(None, "approved", by="name")


def test_a_kept_listing_pages_and_counts_like_the_queryset_it_stands_for():
    for n in range(7):
        CityFactory(name=f"Town {n:02}", country="SE" if n % 2 else "DE")
    towns = KeptQuery(lambda country: City.objects.filter(country=country).order_by("name"))

    pages = Paginator(KeptListing(towns, "DE"), per_page=3)
    assert pages.count == 4
    assert [c.name for c in pages.page(2).object_list] == ["Town 06"]
    assert [c.name for c in Paginator(KeptListing(towns, "SE"), 2).page(2)] == ["Town 05"]
    assert Paginator(KeptListing(towns, "MD"), 3).page(1).object_list == []


@pytest.mark.parametrize(
    ("per_page", "queries", "count", "names"),
    [
        (5, 1, 4, ["Town 00", "Town 02", "Town 04", "Town 06"]),  # all on the first page
        (4, 2, 4, ["Town 00", "Town 02", "Town 04", "Town 06"]),  # exactly full: counted
        (2, 2, 4, ["Town 00", "Town 02"]),
    ],
)
def test_a_first_page_read_ahead_counts_a_short_listing_without_a_count(
    per_page, queries, count, names
):
    for n in range(7):
        CityFactory(name=f"Town {n:02}", country="SE" if n % 2 else "DE")
    towns = KeptQuery(lambda country: City.objects.filter(country=country).order_by("name"))
    listing = KeptListing(towns, "DE")

    with CaptureQueriesContext(connection) as captured:
        listing.read_first(per_page)
        pages = Paginator(listing, per_page)
        first = pages.page(1)
        assert (pages.count, [c.name for c in first.object_list]) == (count, names)
    assert len(captured) == queries
    if pages.num_pages == 2:
        assert [c.name for c in pages.page(2).object_list] == ["Town 04", "Town 06"]


@pytest.mark.django_db(transaction=True)
def test_a_query_kept_in_one_thread_runs_in_another():
    CityFactory(name="Kiel", country="DE")
    approved = str(CityStatus.APPROVED)
    assert [c.name for c in CITIES_IN("DE", approved, by="name")] == ["Kiel"]
    found = {}

    def visit():
        try:
            found["names"] = [c.name for c in CITIES_IN("DE", approved, by="name")]
        finally:
            connection.close()

    worker = threading.Thread(target=visit)
    worker.start()
    worker.join()
    assert found["names"] == ["Kiel"]

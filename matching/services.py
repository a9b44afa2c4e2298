"""Database rows → engine → stored suggestions. The only place the engine meets Django."""

import logging

from django.db import transaction
from django.utils import timezone

from matching.engine.components import Weights
from matching.engine.profiles import Profile
from matching.engine.scoring import PairScorer
from matching.models import City, CityStatus
from matching.suggestions import MatchingWeights, RecomputeRun, StoredSuggestion

logger = logging.getLogger(__name__)

#: Enough partners per city for the finder's filters (country, size, theme) to still show some.
STORED_PER_CITY = 50
ENGINE_STATUS = {CityStatus.APPROVED: "approved", CityStatus.PENDING: "pending"}


def profile_of(city: City) -> Profile:
    """A City row (challenges, offers, seeks, roles prefetched) in the engine's exchange format."""
    return Profile(
        id=city.slug,
        name=city.name,
        country=city.country.code,
        population=city.population or 1,
        lat=city.latitude,
        lon=city.longitude,
        challenges={c.challenge.slug: c.weight for c in city.challenges.all()},
        offers={t.slug for t in city.offers.all()},
        seeks={t.slug for t in city.seeks.all()},
        roles={r.slug for r in city.roles.all()},
        languages=set(city.languages or ()),
        host_capacity=city.host_capacity,
        status=ENGINE_STATUS.get(city.status, "draft"),
    )


def profile_cities():
    """Every city with a filled-in profile: approved ones as partners, pending ones to preview."""
    return (
        City.objects.filter(status__in=ENGINE_STATUS, population__isnull=False)
        .prefetch_related("challenges__challenge", "offers", "seeks", "roles")
        .order_by("slug")
    )


def current_weights() -> Weights:
    return Weights(**MatchingWeights.load().as_dict())


def recompute_suggestions(k: int = STORED_PER_CITY) -> RecomputeRun:
    """Score every approved city and replace the stored suggestions in one transaction.

    A failure is recorded on the run and leaves the last good suggestions in place.
    """
    run = RecomputeRun.objects.create()
    try:
        cities = [c for c in profile_cities() if c.status == CityStatus.APPROVED]
        by_slug = {c.slug: c for c in cities}
        profiles = [profile_of(c) for c in cities]
        rows = []
        now = timezone.now()
        if profiles:
            scorer = PairScorer(weights=current_weights()).fit(profiles)
            for slug, suggestions in scorer.top_k(k).items():
                for rank, s in enumerate(suggestions, start=1):
                    rows.append(
                        StoredSuggestion(
                            city=by_slug[slug],
                            partner=by_slug[s.partner],
                            rank=rank,
                            score=s.score,
                            components=s.components,
                            reasons=[{"kind": r.kind, "params": r.params} for r in s.reasons],
                            computed_at=now,
                        )
                    )
        with transaction.atomic():
            StoredSuggestion.objects.all().delete()
            StoredSuggestion.objects.bulk_create(rows, batch_size=1000)
    except Exception as error:
        logger.exception("Recomputing partner suggestions failed")
        run.status = RecomputeRun.Status.FAILED
        run.error = f"{type(error).__name__}: {error}"
    else:
        run.status = RecomputeRun.Status.SUCCEEDED
        run.cities, run.suggestions = len(profiles), len(rows)
    run.finished_at = timezone.now()
    run.save()
    return run

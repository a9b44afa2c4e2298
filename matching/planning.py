"""Staff planning from the database: cohort plans for a shadowing round and learned weights.

Both run the engine over the approved profiles; they are staff actions, bounded by the
number of approved cities, never part of a public request.
"""

from dataclasses import asdict, dataclass

from django.db import transaction
from django.db.models import Q

from matching.engine.cohort import CohortPlan, plan_cohort
from matching.engine.learning import Evaluation, Outcome, evaluate
from matching.engine.scoring import PairScorer
from matching.models import City, CityStatus, IntroductionOutcome, IntroductionRequest
from matching.rounds import PlannedPartnership, ShadowingRound
from matching.services import current_weights, profile_cities, profile_of

#: How introductions map onto the engine's graded relevance.
OUTCOME_GRADES = {
    IntroductionOutcome.DECLINED: "declined",
    IntroductionOutcome.INTRODUCED: "introduced",
    IntroductionOutcome.MET: "met",
    IntroductionOutcome.VISITED: "visited",
    IntroductionOutcome.SIGNED: "partnership-signed",
}
#: Outcomes that mean two cities already met: a new round need not pair them again.
MET = [IntroductionOutcome.MET, IntroductionOutcome.VISITED, IntroductionOutcome.SIGNED]
MIN_OUTCOMES_TO_LEARN = 10


def approved_scorer(weights=None) -> tuple[PairScorer, dict[str, City]]:
    cities = {c.slug: c for c in profile_cities() if c.status == CityStatus.APPROVED}
    scorer = PairScorer(weights=weights or current_weights()).fit(
        [profile_of(c) for c in cities.values()]
    )
    return scorer, cities


def earlier_pairs(before: ShadowingRound | None = None) -> set[tuple[str, str]]:
    """(visitor, host) slugs that were planned in another round or already met."""
    planned = PlannedPartnership.objects.all()
    if before is not None:
        planned = planned.exclude(shadowing_round=before)
    pairs = set(planned.values_list("visitor__slug", "host__slug"))
    met = IntroductionRequest.objects.filter(outcome__in=MET)
    for a, a_region, b in met.values_list("from_city__slug", "from_city__region", "to_city__slug"):
        pairs.add((a, b) if a_region == "east" else (b, a))
    return pairs


def plan_round(
    visitors: list[str],
    hosts: list[str],
    min_score: float,
    avoid_earlier: bool,
    round_: ShadowingRound | None,
) -> tuple[CohortPlan, dict[str, City]]:
    scorer, cities = approved_scorer()
    visitors = sorted(v for v in visitors if v in cities and cities[v].region == "east")
    hosts = sorted(h for h in hosts if h in cities and cities[h].region == "bsr")
    capacities = {h: cities[h].host_capacity for h in hosts}
    exclude = earlier_pairs(round_) if avoid_earlier else set()
    plan = plan_cohort(
        scorer, visitors, hosts, capacities, min_score=min_score, exclude_pairs=exclude
    )
    return plan, cities


@transaction.atomic
def save_plan(round_: ShadowingRound, plan: CohortPlan, cities: dict[str, City]) -> int:
    """Replace the round's planned partnerships with the plan."""
    round_.partnerships.all().delete()
    PlannedPartnership.objects.bulk_create(
        [
            PlannedPartnership(
                shadowing_round=round_,
                visitor=cities[a.visitor],
                host=cities[a.host],
                score=a.score,
            )
            for a in plan.assignments
        ]
    )
    return len(plan.assignments)


@dataclass(frozen=True)
class LearningReport:
    outcomes: int
    evaluation: Evaluation | None

    @property
    def ready(self) -> bool:
        return self.evaluation is not None


def recorded_outcomes(known: set[str]) -> list[Outcome]:
    """Graded outcomes of introductions between cities the scorer knows, East city first."""
    rows = IntroductionRequest.objects.filter(outcome__in=OUTCOME_GRADES).values_list(
        "from_city__slug", "to_city__slug", "outcome"
    )
    return [
        Outcome(city=a, partner=b, outcome=OUTCOME_GRADES[outcome])
        for a, b, outcome in rows
        if a in known and b in known
    ]


def learning_report(k: int = 5) -> LearningReport:
    """Learned against current weights on held-out cities, once there are enough outcomes."""
    scorer, cities = approved_scorer()
    outcomes = recorded_outcomes(set(cities))
    distinct_cities = len({o.city for o in outcomes})
    if len(outcomes) < MIN_OUTCOMES_TO_LEARN or distinct_cities < 3:
        return LearningReport(len(outcomes), None)
    return LearningReport(len(outcomes), evaluate(scorer, outcomes, k=k, random_state=0))


def weights_dict(weights) -> dict[str, float]:
    return {name: round(value, 3) for name, value in asdict(weights).items()}


def approved_choices(region: str) -> list[tuple[str, str]]:
    cities = City.objects.approved().filter(region=region)
    if region == "bsr":
        cities = cities.filter(~Q(host_capacity=0))
    return list(cities.order_by("name").values_list("slug", "name"))

"""Shadowing rounds planned as a whole: an optimal assignment, not first come first served.

Hosts are expanded into one slot per visitor they can receive, every visitor also gets a
"stays home" slot worth nothing, and scipy's linear_sum_assignment finds the plan with
the largest total score. Among plans with that total it prefers the one that places
the most visitors. Scores are whole tenths (as reported), so the optimum is exact.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

from matching.engine.components import SCORE_DECIMALS


@dataclass(frozen=True)
class Assignment:
    visitor: str
    host: str
    score: float


@dataclass(frozen=True)
class CohortPlan:
    """Assignments ordered by visitor id, their total, and the visitors left without host."""

    assignments: list[Assignment] = field(hash=False)
    total_score: float
    unassigned: list[str] = field(hash=False)

    def to_dict(self) -> dict:
        """The command line's JSON shape."""
        return {
            "assignments": [
                {"visitor": a.visitor, "host": a.host, "score": a.score} for a in self.assignments
            ],
            "total_score": self.total_score,
            "unassigned": list(self.unassigned),
        }


def plan_cohort(
    scorer_or_scores: object,
    visitors: Sequence[str],
    hosts: Sequence[str],
    capacities: Mapping[str, int] | Sequence[int],
    min_score: float = 0.0,
    exclude_pairs: Iterable[tuple[str, str]] = (),
) -> CohortPlan:
    """Assign each visitor at most one host, each host at most its capacity, maximising
    the total score. A pair scoring below min_score, not crossing the divide (a nan
    score) or listed in exclude_pairs (visitor, host) -- say, one that met in an earlier
    round -- is never used; a pair scoring exactly min_score may be.

    scorer_or_scores is a fitted PairScorer or a visitors x hosts array of scores.
    """
    visitors, hosts = list(visitors), list(hosts)
    for name, ids in (("visitor", visitors), ("host", hosts)):
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate {name} ids")
    if hasattr(scorer_or_scores, "score_grid"):
        scores = scorer_or_scores.score_grid(visitors, hosts)
    else:
        scores = np.asarray(scorer_or_scores, dtype=np.float64)
    if scores.shape != (len(visitors), len(hosts)):
        raise ValueError(f"scores must be {len(visitors)} x {len(hosts)}, got {scores.shape}")
    if isinstance(capacities, Mapping):
        capacities = [capacities.get(h, 0) for h in hosts]
    capacity = np.asarray(capacities, dtype=np.int64)
    if capacity.shape != (len(hosts),) or (capacity < 0).any():
        raise ValueError("capacities must give every host a number >= 0")
    allowed = np.isfinite(scores) & (np.nan_to_num(scores, nan=-np.inf) >= min_score)
    position = {h: j for j, h in enumerate(hosts)}
    row = {v: i for i, v in enumerate(visitors)}
    for visitor, host in exclude_pairs:
        if visitor in row and host in position:
            allowed[row[visitor], position[host]] = False

    # Slot s belongs to host slot_host[s]; nobody needs more slots than there are visitors.
    slot_host = np.repeat(np.arange(len(hosts)), np.minimum(capacity, len(visitors)))
    tenths = np.rint(np.nan_to_num(scores) * 10**SCORE_DECIMALS).astype(np.int64)
    # Lexicographic: a tenth of score outweighs placing every visitor; then one more placed.
    gain = tenths[:, slot_host] * (len(visitors) + 1) + 1
    cost = np.where(allowed[:, slot_host], -gain, 1)
    cost = np.hstack([cost, np.zeros((len(visitors), len(visitors)), dtype=np.int64)])
    chosen_rows, chosen_slots = linear_sum_assignment(cost)

    assignments = []
    for i, s in zip(chosen_rows, chosen_slots, strict=True):
        if s < len(slot_host) and allowed[i, slot_host[s]]:
            j = slot_host[s]
            assignments.append(Assignment(visitors[i], hosts[j], float(scores[i, j])))
    assignments.sort(key=lambda a: a.visitor)
    placed = {a.visitor for a in assignments}
    total = round(float(sum(a.score for a in assignments)), SCORE_DECIMALS)
    return CohortPlan(
        assignments=assignments,
        total_score=total,
        unassigned=sorted(v for v in visitors if v not in placed),
    )

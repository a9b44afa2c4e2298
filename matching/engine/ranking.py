"""Top-k as arrays, and how each city's k best are kept from its scored candidates."""

from dataclasses import dataclass

import numpy as np

from matching.engine.components import SCORE_DECIMALS, round_components


@dataclass(frozen=True)
class Ranking:
    """Top-k as arrays (indices into the scorer's ``profiles_``): cheap to store in bulk."""

    cities: np.ndarray  # (n,) profile index of each city ranked
    partners: np.ndarray  # (n, k) profile index, -1 where a city has fewer partners
    scores: np.ndarray  # (n, k) rounded scores, nan where there is no partner
    components: np.ndarray  # (n, k, len(component_names)) rounded
    component_names: tuple[str, ...]

    @classmethod
    def empty(cls, cities: np.ndarray, k: int, component_names: tuple[str, ...]) -> "Ranking":
        """No partner yet for any of the cities."""
        n = len(cities)
        return cls(
            cities=cities,
            partners=np.full((n, k), -1, dtype=np.intp),
            scores=np.full((n, k), np.nan),
            components=np.full((n, k, len(component_names)), np.nan),
            component_names=component_names,
        )

    def keep_best(
        self,
        city: np.ndarray,
        partner: np.ndarray,
        total: np.ndarray,
        values: np.ndarray,
        row_of: np.ndarray,
    ) -> None:
        """Fill the rows of these candidate pairs' cities with each city's k best of them.

        total holds the pairs' rounded scores, values their unrounded components, and
        row_of[profile index] the city's row. Best means score falling, then partner
        index, which is partner id order (profiles are sorted by id). A city's candidates
        come in one call; calls for other cities may run at the same time.
        """
        k = self.partners.shape[1]
        # One integer key: city, then score (in tenths) falling, then partner index.
        # Keys are unique.
        best = 100 * 10**SCORE_DECIMALS
        falling = best - np.rint(total * 10**SCORE_DECIMALS).astype(np.int64)
        key = (row_of[city] * (best + 1) + falling) * len(row_of) + partner
        # Keys are unique, so any sort gives this order; the stable one is fastest on
        # keys that arrive nearly sorted, city by city.
        order = np.argsort(key, kind="stable")
        city = city[order]
        starts = np.flatnonzero(np.r_[True, city[1:] != city[:-1]])
        place = np.arange(len(city)) - np.repeat(starts, np.diff(np.r_[starts, len(city)]))
        keep = place < k
        at, kept = (row_of[city[keep]], place[keep]), order[keep]
        self.partners[at] = partner[kept]
        self.scores[at] = total[kept]
        self.components[at] = round_components(np.take(values, kept, axis=0))

"""The pair scorer: a scikit-learn style estimator over city profiles.

``fit`` learns the vocabularies and IDF; ``rank`` finds every city's best partners
blockwise (float32 products to find candidates, exact float64 scores for them, never an
all-pairs float64 matrix); ``top_k`` adds the explanations.
"""

import gc
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted

from .blocks import BlockScorer
from .components import (
    COMPONENTS,
    DEFAULT_POPULATION_SCALE,
    SCORE_DECIMALS,
    Weights,
    pair_components,
    population_rate,
    round_components,
    round_scores,
    total_score,
)
from .features import ProfileVectorizer
from .profiles import Profile
from .reasons import Reason, explain, render_reason
from .regions import BSR, EAST, other_side
from .search import Side, search
from .threads import run_parallel, thread_count


@dataclass(slots=True)
class Suggestion:
    """A partner for a city: score 0-100 (one decimal), components 0-1, reasons."""

    partner: str
    score: float
    components: dict[str, float]
    reasons: list[Reason] = field(default_factory=list)

    def to_dict(self, labels: Mapping[str, str] | None = None) -> dict:
        """The command line's JSON shape, reasons rendered as English sentences."""
        return {
            "partner": self.partner,
            "score": self.score,
            "components": dict(self.components),
            "reasons": [render_reason(r, labels) for r in self.reasons],
        }


@dataclass(frozen=True)
class Ranking:
    """Top-k as arrays (indices into the scorer's ``profiles_``): cheap to store in bulk."""

    cities: np.ndarray  # (n,) profile index of each city ranked
    partners: np.ndarray  # (n, k) profile index, -1 where a city has fewer partners
    scores: np.ndarray  # (n, k) rounded scores, nan where there is no partner
    components: np.ndarray  # (n, k, len(component_names)) rounded
    component_names: tuple[str, ...]


class PairScorer(BaseEstimator):
    """Scores (East, BSR) city pairs and ranks every city's approved partners.

    Pairs are scored in tiles of block_size cities x tile_width partners (sized to stay
    in cache); n_jobs threads share the tiles (None: one; -1: every CPU).
    """

    def __init__(
        self,
        weights: Weights | None = None,
        population_scale: float = DEFAULT_POPULATION_SCALE,
        block_size: int = 512,
        tile_width: int = 256,
        n_jobs: int | None = None,
        ngram_range: tuple[int, int] = (3, 5),
    ):
        self.weights = weights
        self.population_scale = population_scale
        self.block_size = block_size
        self.tile_width = tile_width
        self.n_jobs = n_jobs
        self.ngram_range = ngram_range

    def fit(self, profiles: Iterable[Profile], y: object = None) -> "PairScorer":
        """Learn vocabularies and IDF; the order of profiles makes no difference."""
        population_rate(self.population_scale)
        for name in ("block_size", "tile_width"):
            if not (isinstance(getattr(self, name), int) and getattr(self, name) >= 1):
                raise ValueError(f"{name} must be a positive integer")
        weights = self.weights if self.weights is not None else Weights()
        ordered = sorted(profiles, key=lambda p: p.id)
        for before, after in pairwise(ordered):
            if before.id == after.id:
                raise ValueError(f"duplicate profile id {after.id!r}")
        self.weights_ = weights
        self.profiles_ = tuple(ordered)
        self.index_ = {p.id: i for i, p in enumerate(ordered)}
        self.vectorizer_ = ProfileVectorizer(text=weights.text > 0, ngram_range=self.ngram_range)
        self.matrices_ = self.vectorizer_.fit(ordered).transform(ordered)
        self.component_names_ = weights.reported()
        self.idf_ = dict(zip(self.vectorizer_.challenge_slugs, self.matrices_.idf, strict=True))
        self.regions_ = np.array([p.region for p in ordered], dtype=object)
        approved = np.array([p.is_approved for p in ordered], dtype=bool)
        self.partners_ = {
            region: np.flatnonzero(approved & (self.regions_ == region)) for region in (BSR, EAST)
        }
        # The search's layout: each region approved first, each part by population (so
        # that most tiles pair smaller with larger cities; see blocks.py).
        by_size = np.lexsort((np.arange(len(ordered)), self.matrices_.population))
        self.order_ = {
            region: np.r_[
                by_size[approved[by_size] & (self.regions_[by_size] == region)],
                by_size[~approved[by_size] & (self.regions_[by_size] == region)],
            ]
            for region in (BSR, EAST)
        }
        # block_scorers_[region] scores anyone against that region's cities.
        self.block_scorers_ = {
            region: BlockScorer(self.matrices_, weights, self.population_scale, order)
            for region, order in self.order_.items()
        }
        return self

    def rank(self, k: int = 10, ids: Iterable[str] | None = None) -> Ranking:
        """Each city's k best approved partners across the divide, as arrays.

        Cities default to every fitted profile, whatever its status; equal scores are
        ordered by partner id.
        """
        check_is_fitted(self, "matrices_")
        if not (isinstance(k, int) and not isinstance(k, bool) and k >= 1):
            raise ValueError(f"k must be a positive integer, got {k!r}")
        everyone = np.arange(len(self.profiles_))
        cities = everyone if ids is None else self._indices(ids)
        names = self.component_names_
        row_of = np.full(len(self.profiles_), -1, dtype=np.int64)
        row_of[cities] = np.arange(len(cities))
        partners = np.full((len(cities), k), -1, dtype=np.intp)
        scores = np.full((len(cities), k), np.nan)
        components = np.full((len(cities), k, len(names)), np.nan)

        def select(pairs: tuple[np.ndarray, np.ndarray]) -> None:
            # Exact scores of one piece's candidates, then each city's k best: its rows
            # of the result are its own, so pieces run in parallel.
            city, partner = pairs
            values = pair_components(self.matrices_, city, partner, names, self.population_scale)
            total = round_scores(total_score(values, names, self.weights_))
            # One integer key: city, then score (in tenths) falling, then partner index,
            # which is partner id order since profiles are sorted by id. Keys are unique.
            best = 100 * 10**SCORE_DECIMALS
            falling = best - np.rint(total * 10**SCORE_DECIMALS).astype(np.int64)
            key = (row_of[city] * (best + 1) + falling) * len(self.profiles_) + partner
            # Keys are unique, so any sort gives this order; the stable one is fastest on
            # keys that arrive nearly sorted, city by city.
            order = np.argsort(key, kind="stable")
            city = city[order]
            starts = np.flatnonzero(np.r_[True, city[1:] != city[:-1]])
            place = np.arange(len(city)) - np.repeat(starts, np.diff(np.r_[starts, len(city)]))
            keep = place < k
            at, kept = (row_of[city[keep]], place[keep]), order[keep]
            partners[at] = partner[kept]
            scores[at] = total[kept]
            components[at] = round_components(np.take(values, kept, axis=0))

        pieces = [pairs for pairs in self._candidate_pairs(cities, k) if len(pairs[0])]
        run_parallel(select, pieces, self._threads())
        return Ranking(cities, partners, scores, components, names)

    def top_k(self, k: int = 10, ids: Iterable[str] | None = None) -> dict[str, list[Suggestion]]:
        """City id -> its k best approved partners across the divide, explained."""
        ranking = self.rank(k, ids)
        # Hundreds of thousands of small acyclic objects: without a pause, the cyclic
        # collector would rescan them again and again (it doubles the time at 25k cities).
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._explained(ranking)
        finally:
            if collecting:
                gc.enable()

    def _explained(self, ranking: Ranking) -> dict[str, list[Suggestion]]:
        result: dict[str, list[Suggestion]] = {}
        # Plain Python numbers, converted a row at a time.
        rows = zip(
            ranking.cities.tolist(),
            ranking.partners.tolist(),
            ranking.scores.tolist(),
            ranking.components.tolist(),
            strict=True,
        )
        for city_index, partners, scores, components in rows:
            city = self.profiles_[city_index]
            result[city.id] = [
                self._suggestion(city, self.profiles_[p], score, values)
                for p, score, values in zip(partners, scores, components, strict=True)
                if p >= 0
            ]
        return result

    def score_pair(self, city_id: str, partner_id: str) -> Suggestion:
        """Score one cross-divide pair, whatever the statuses, from city_id's side."""
        check_is_fitted(self, "matrices_")
        i, j = self._indices([city_id, partner_id], sort=False)
        if self.regions_[i] == self.regions_[j]:
            raise ValueError(f"{city_id!r} and {partner_id!r} are on the same side of the divide")
        values = pair_components(
            self.matrices_, [i], [j], self.component_names_, self.population_scale
        )
        total = round_scores(total_score(values, self.component_names_, self.weights_))
        return self._suggestion(
            self.profiles_[i],
            self.profiles_[j],
            float(total[0]),
            round_components(values[0]).tolist(),
        )

    def score_grid(self, city_ids: Sequence[str], partner_ids: Sequence[str]) -> np.ndarray:
        """Rounded scores (cities x partners), nan where a pair does not cross the divide."""
        check_is_fitted(self, "matrices_")
        rows = self._indices(city_ids, sort=False)
        cols = self._indices(partner_ids, sort=False)
        i, j = np.repeat(rows, len(cols)), np.tile(cols, len(rows))
        names = self.component_names_
        values = pair_components(self.matrices_, i, j, names, self.population_scale)
        grid = round_scores(total_score(values, names, self.weights_))
        grid[self.regions_[i] == self.regions_[j]] = np.nan
        return grid.reshape(len(rows), len(cols))

    def pair_components(
        self, pairs: Sequence[tuple[str, str]], names: Sequence[str] | None = None
    ) -> np.ndarray:
        """Unrounded components (pairs x names), e.g. to learn weights from outcomes.

        names default to every component this scorer can compute (text only when fitted
        with a text weight).
        """
        check_is_fitted(self, "matrices_")
        if names is None:
            names = tuple(c for c in COMPONENTS if c != "text" or self.matrices_.text is not None)
        i = self._indices([a for a, _ in pairs], sort=False)
        j = self._indices([b for _, b in pairs], sort=False)
        return pair_components(self.matrices_, i, j, tuple(names), self.population_scale)

    def _candidate_pairs(self, cities: np.ndarray, k: int) -> list[tuple[np.ndarray, np.ndarray]]:
        """(city, partner) index pairs that may be in the cities' top k."""
        pool = {region: len(approved) for region, approved in self.partners_.items()}
        options = {
            "block_rows": self.block_size,
            "tile_cols": self.tile_width,
            "threads": self._threads(),
        }
        if len(cities) == len(self.profiles_):
            # Everyone: one pass over the East x BSR pairs serves both sides.
            big, small = sorted((BSR, EAST), key=lambda r: (-len(self.order_[r]), r))
            rows = Side(self.order_[big], self.block_scorers_[small], pool[small])
            cols = Side(self.order_[small], self.block_scorers_[big], pool[big])
            (r_city, r_partner), (c_city, c_partner) = search(rows, cols, k, **options)
            # The rows' candidates come city by city, the columns' chunk by chunk: put
            # the columns' in city order too, then cut all into equal pieces between
            # cities, for the threads to share evenly.
            by_city = np.argsort(c_city, kind="stable")
            city = np.r_[rows.cities[r_city], cols.cities[c_city[by_city]]]
            partner = np.r_[
                rows.scorer.partners[r_partner], cols.scorer.partners[c_partner[by_city]]
            ]
            starts = np.flatnonzero(np.diff(city)) + 1
            even = np.linspace(0, len(city), 2 * self._threads() + 1)[1:-1]
            after = np.searchsorted(starts, even)
            cuts = np.unique(starts[after[after < len(starts)]])
            return list(zip(np.split(city, cuts), np.split(partner, cuts), strict=True))
        found = []
        for region in (BSR, EAST):
            chosen = cities[self.regions_[cities] == region]
            if not len(chosen):
                continue
            chosen = chosen[np.argsort(self.matrices_.population[chosen], kind="stable")]
            side = Side(chosen, self.block_scorers_[other_side(region)], pool[other_side(region)])
            (city, partner), _ = search(side, None, k, **options)
            found.append((chosen[city], side.scorer.partners[partner]))
        return found

    def _threads(self) -> int:
        return thread_count(self.n_jobs)

    def _indices(self, ids: Iterable[str], sort: bool = True) -> np.ndarray:
        try:
            found = [self.index_[i] for i in ids]
        except KeyError as error:
            raise ValueError(f"unknown city id {error.args[0]!r}") from None
        return np.array(sorted(set(found)) if sort else found, dtype=np.intp)

    def _suggestion(
        self, city: Profile, partner: Profile, score: float, values: list[float]
    ) -> Suggestion:
        return Suggestion(
            partner=partner.id,
            score=score,
            components=dict(zip(self.component_names_, values, strict=True)),
            reasons=explain(city, partner, self.weights_, self.idf_),
        )

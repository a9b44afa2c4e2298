"""The pair scorer: a scikit-learn style estimator over city profiles.

``fit`` learns the vocabularies and IDF; ``rank`` finds every city's best partners
blockwise (float32 products to find candidates, exact float64 scores for them, never an
all-pairs float64 matrix); ``top_k`` adds the explanations.
"""

from collections.abc import Iterable, Sequence
from itertools import pairwise

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted

from matching.engine.blocks import BlockScorer
from matching.engine.components import (
    COMPONENTS,
    DEFAULT_POPULATION_SCALE,
    Weights,
    pair_components,
    population_rate,
    round_components,
    round_scores,
    total_score,
)
from matching.engine.features import ProfileVectorizer
from matching.engine.profiles import Profile
from matching.engine.ranking import Ranking
from matching.engine.regions import BSR, EAST, other_side
from matching.engine.search import Side, search
from matching.engine.suggestions import Suggestion, explain_ranking, suggestion
from matching.engine.threads import run_parallel, thread_count


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
        ranking = Ranking.empty(cities, k, names)

        def select(pairs: tuple[np.ndarray, np.ndarray]) -> None:
            # Exact scores of one piece's candidates, then each city's k best: its rows
            # of the result are its own, so pieces run in parallel.
            city, partner = pairs
            values = pair_components(self.matrices_, city, partner, names, self.population_scale)
            total = round_scores(total_score(values, names, self.weights_))
            ranking.keep_best(city, partner, total, values, row_of)

        pieces = [pairs for pairs in self._candidate_pairs(cities, k) if len(pairs[0])]
        run_parallel(select, pieces, self._threads())
        return ranking

    def top_k(self, k: int = 10, ids: Iterable[str] | None = None) -> dict[str, list[Suggestion]]:
        """City id -> its k best approved partners across the divide, explained."""
        return explain_ranking(self.rank(k, ids), self.profiles_, self.weights_, self.idf_)

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
        return suggestion(
            self.profiles_[i],
            self.profiles_[j],
            float(total[0]),
            round_components(values[0]).tolist(),
            self.component_names_,
            self.weights_,
            self.idf_,
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

"""Profiles as matrices: the one place that turns slugs and texts into numbers.

Vocabularies are sorted and learned from the profiles themselves, so any slug an editor
adds is a feature, and the matrices do not depend on the order of the input.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.utils.validation import check_is_fitted

from matching.engine.profiles import Profile

#: Populations are capped where float64 stops holding integers exactly; no city is near it.
MAX_POPULATION = 2.0**53


@dataclass(frozen=True)
class ProfileMatrices:
    """Row i describes profile i; every array is float64 (text: CSR, L2-normalised rows)."""

    challenges: np.ndarray  # (n, m) weight 1-3, 0 when absent
    idf: np.ndarray  # (m,) rarer challenges weigh more
    offers: np.ndarray  # (n, t) 0/1
    seeks: np.ndarray  # (n, t) 0/1
    languages: np.ndarray  # (n, l) 0/1
    population: np.ndarray  # (n,)
    text: sparse.csr_matrix | None  # (n, v) or None when text is not used
    challenge_mass: np.ndarray  # (n,) IDF-weighted challenge weight: each city's mass
    sought_count: np.ndarray  # (n,) number of themes sought
    challenge_share: np.ndarray  # (n, m) idf x weight / mass: each challenge's share, 0-1
    challenge_present: np.ndarray  # (n, m) 0/1
    sought_share: np.ndarray  # (n, t) seeks / number sought


class ProfileVectorizer(TransformerMixin, BaseEstimator):
    """Learn the vocabularies and challenge IDF from profiles; turn profiles into matrices.

    ``text=True`` adds character n-gram TF-IDF of the descriptions, which compares texts
    across English, Ukrainian and Romanian spellings without a tokeniser per language.
    """

    def __init__(self, text: bool = False, ngram_range: tuple[int, int] = (3, 5)):
        self.text = text
        self.ngram_range = ngram_range

    def fit(self, profiles: Sequence[Profile], y: object = None) -> "ProfileVectorizer":
        profiles = list(profiles)
        self.challenge_vectorizer_ = DictVectorizer(dtype=np.float64, sort=True)
        # DictVectorizer refuses an empty list; an empty file is still a valid file.
        counts = self.challenge_vectorizer_.fit_transform([p.challenges for p in profiles] or [{}])
        # smooth_idf keeps every IDF >= 1, so a shared challenge always adds mass.
        transformer = TfidfTransformer(norm=None, smooth_idf=True)
        self.idf_ = transformer.fit(counts).idf_ if counts.shape[1] else np.zeros(0)
        themes = sorted(set().union(*(p.offers | p.seeks for p in profiles)))
        self.theme_binarizer_ = MultiLabelBinarizer(classes=themes).fit([themes])
        languages = sorted(set().union(*(p.languages for p in profiles)))
        self.language_binarizer_ = MultiLabelBinarizer(classes=languages).fit([languages])
        self.text_vectorizer_ = None
        if self.text and any(p.description.strip() for p in profiles):
            self.text_vectorizer_ = TfidfVectorizer(
                analyzer="char_wb", ngram_range=self.ngram_range, sublinear_tf=True
            ).fit([p.description for p in profiles])
        return self

    def transform(self, profiles: Sequence[Profile]) -> ProfileMatrices:
        check_is_fitted(self, "idf_")
        profiles = list(profiles)
        challenges = self.challenge_vectorizer_.transform([p.challenges for p in profiles] or [{}])
        challenges = challenges[: len(profiles)]
        text = None
        if self.text:
            if self.text_vectorizer_ is None:
                text = sparse.csr_matrix((len(profiles), 0), dtype=np.float64)
            else:
                text = self.text_vectorizer_.transform([p.description for p in profiles])
                text = sparse.csr_matrix(text, dtype=np.float64)
                text.sort_indices()
        weights = np.asarray(challenges.toarray(), dtype=np.float64)
        idf = np.asarray(self.idf_, dtype=np.float64)
        seeks = self._binary(self.theme_binarizer_, [p.seeks for p in profiles])
        # Row-wise numpy sums: the same float for a city in every call.
        mass = (weights * idf).sum(axis=1)
        sought = seeks.sum(axis=1)
        return ProfileMatrices(
            challenges=weights,
            idf=idf,
            offers=self._binary(self.theme_binarizer_, [p.offers for p in profiles]),
            seeks=seeks,
            languages=self._binary(self.language_binarizer_, [p.languages for p in profiles]),
            population=np.array(
                [float(min(p.population, MAX_POPULATION)) for p in profiles], dtype=np.float64
            ),
            text=text,
            challenge_mass=mass,
            sought_count=sought,
            challenge_share=_rows_over(weights * idf, mass),
            challenge_present=(weights > 0).astype(np.float64),
            sought_share=_rows_over(seeks, sought),
        )

    @property
    def challenge_slugs(self) -> list[str]:
        check_is_fitted(self, "idf_")
        return list(self.challenge_vectorizer_.feature_names_)

    @staticmethod
    def _binary(binarizer: MultiLabelBinarizer, sets: list[frozenset[str]]) -> np.ndarray:
        known = set(binarizer.classes_)
        # Slugs unseen at fit time are dropped quietly rather than warned about.
        rows = [sorted(s & known) for s in sets]
        if not binarizer.classes_.size:
            return np.zeros((len(sets), 0), dtype=np.float64)
        return binarizer.transform(rows).astype(np.float64)


def _rows_over(values: np.ndarray, totals: np.ndarray) -> np.ndarray:
    """values / totals row by row, 0 where the total is 0."""
    safe = np.where(totals > 0, totals, 1.0)
    return np.where((totals > 0)[:, None], values / safe[:, None], 0.0)

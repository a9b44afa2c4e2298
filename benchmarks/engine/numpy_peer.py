"""The command line's plain numpy peer: the same scores and top-k, written the obvious way.

    python -m benchmarks.engine.numpy_peer --input PROFILES.json [--top K]

The stdlib loads the JSON and prints it (laid out as the engine's command line prints),
the feature matrices are the engine's (IDF-weighted challenge shares, themes offered and
sought shares), one matrix product scores every East x BSR pair, the population kernel is
added elementwise, and argpartition takes each city's top k, both sides. It prints each
city's partners and scores only: no components, no reasons, no schema check.
"""

import argparse
import json
import math
import sys

import numpy as np

EAST_COUNTRIES = ("UA", "MD")
SHARE = {"challenges": 0.45, "population": 0.20, "themes": 0.35}  # the default weights
RATE = math.log(2) / math.log(4.0)  # a city four times larger halves the population term


def features(profiles: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(query side, partner side, log population): the score is query @ partner.T + kernel."""
    slugs = sorted({s for p in profiles for s in p.get("challenges", {})})
    themes = sorted({t for p in profiles for t in p.get("offers", []) + p.get("seeks", [])})
    c_col = {s: i for i, s in enumerate(slugs)}
    t_col = {t: i for i, t in enumerate(themes)}
    n = len(profiles)
    weight = np.zeros((n, len(slugs)))
    offers = np.zeros((n, len(themes)))
    seeks = np.zeros((n, len(themes)))
    for i, p in enumerate(profiles):
        for slug, w in p.get("challenges", {}).items():
            weight[i, c_col[slug]] = w
        offers[i, [t_col[t] for t in p.get("offers", [])]] = 1
        seeks[i, [t_col[t] for t in p.get("seeks", [])]] = 1
    present = (weight > 0).astype(float)
    idf = np.log((1 + n) / (1 + present.sum(axis=0))) + 1  # smoothed, as scikit-learn's
    mass = (weight * idf).sum(axis=1, keepdims=True)
    share = np.divide(weight * idf, mass, out=np.zeros_like(weight), where=mass > 0)
    sought = seeks.sum(axis=1, keepdims=True)
    sought_share = np.divide(seeks, sought, out=np.zeros_like(seeks), where=sought > 0)
    wc, wt = 50 * SHARE["challenges"], 50 * SHARE["themes"]
    query = np.hstack([wc * share, wc * present, wt * offers, wt * sought_share])
    partner = np.hstack([present, share, sought_share, offers])
    population = np.array([p["population"] for p in profiles], dtype=float)
    return query, partner, np.log(population)


def best(scores: np.ndarray, ids: np.ndarray, k: int) -> list[list[tuple[str, float]]]:
    """Each row's k best columns (rounded score falling, then id), -inf never listed."""
    k = min(k, scores.shape[1])
    if k == 0:
        return [[] for _ in range(scores.shape[0])]
    top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    rounded = np.round(np.take_along_axis(scores, top, axis=1), 1)
    found = []
    for row, values in zip(top.tolist(), rounded.tolist(), strict=True):
        pairs = sorted(zip(values, ids[row].tolist(), strict=True), key=lambda x: (-x[0], x[1]))
        found.append([(partner, score) for score, partner in pairs if score > -math.inf])
    return found


def rank(profiles: list[dict], k: int) -> dict:
    query, partner, logs = features(profiles)
    ids = np.array([p["id"] for p in profiles])
    east = np.array([p["country"] in EAST_COUNTRIES for p in profiles])
    approved = np.array([p.get("status", "approved") == "approved" for p in profiles])
    e, b = np.flatnonzero(east), np.flatnonzero(~east)
    scores = query[e] @ partner[b].T  # the one product: every East x BSR pair
    scores += 100 * SHARE["population"] * np.exp(-RATE * np.abs(logs[e, None] - logs[None, b]))
    east_rows = np.where(approved[b][None, :], scores, -np.inf)
    bsr_rows = np.where(approved[e][:, None], scores, -np.inf).T
    suggestions = {}
    for rows, cities, partners in ((east_rows, e, b), (bsr_rows, b, e)):
        for city, found in zip(ids[cities], best(rows, ids[partners], k), strict=True):
            suggestions[str(city)] = [{"partner": p, "score": s} for p, s in found]
    return {"suggestions": dict(sorted(suggestions.items()))}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="plain numpy top-k, for comparison")
    parser.add_argument("--input", required=True)
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args(argv)
    with open(args.input, encoding="utf-8") as file:
        profiles = json.load(file)
    text = json.dumps(rank(profiles, args.top), ensure_ascii=False, indent=2)
    sys.stdout.write(text + "\n")


if __name__ == "__main__":
    main()

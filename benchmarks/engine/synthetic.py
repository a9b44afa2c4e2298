"""Synthetic city profiles for the benchmark: fixed random state, realistic proportions."""

import math

import numpy as np

from matching.engine.profiles import Profile
from matching.engine.regions import BSR_COUNTRIES

# fmt: off
CHALLENGES = [
    "security", "climate-change", "political-tension", "economic-downturn",
    "attracting-people", "attracting-investment", "tourism", "ageing", "brain-drain",
    "segregation", "unemployment", "political-engagement", "displaced-people",
]
THEMES = [
    "libraries", "museums-heritage", "performing-arts", "music", "festivals", "visual-arts",
    "crafts-design", "film-media", "literature", "folk-traditions", "youth-culture",
    "creative-industries", "digital-culture", "participatory-methods",
]
# fmt: on


def synthetic_profiles(n_bsr: int, n_east: int, random_state: int = 0) -> list[Profile]:
    """Mid-sized cities: log-uniform 5k-300k people, challenges of uneven frequency."""
    rng = np.random.default_rng(random_state)
    frequency = rng.uniform(0.05, 0.6, len(CHALLENGES))
    bsr = sorted(BSR_COUNTRIES)
    profiles = []
    for i in range(n_bsr + n_east):
        east = i >= n_bsr
        country = str(rng.choice(["UA", "MD"] if east else bsr))
        chosen = [c for c, f in zip(CHALLENGES, frequency, strict=True) if rng.random() < f]
        profiles.append(
            Profile(
                id=f"{country.lower()}-{i:06d}",
                name=f"City {i}",
                country=country,
                population=int(math.exp(rng.uniform(math.log(5_000), math.log(300_000)))),
                challenges={c: int(rng.integers(1, 4)) for c in chosen},
                offers=[t for t in THEMES if rng.random() < 0.2],
                seeks=[t for t in THEMES if rng.random() < 0.2],
                languages=["en", country.lower()],
                host_capacity=0 if east else int(rng.integers(0, 4)),
                status="approved" if rng.random() < 0.95 else "pending",
            )
        )
    return profiles

"""Shared builders for the engine's tests: a city factory and hypothesis strategies.

Plain Python: these tests need neither Django nor a database.
"""

import numpy as np
from hypothesis import strategies as st

from matching.engine.profiles import Profile

CHALLENGES = [
    "security",
    "climate-change",
    "economic-downturn",
    "tourism",
    "ageing",
    "brain-drain",
    "unemployment",
    "displaced-people",
    "an-editors-new-challenge",
]
THEMES = ["libraries", "museums-heritage", "music", "festivals", "youth-culture", "crafts-design"]
DESCRIPTIONS = [
    "",
    "A harbour town with a busy library and a summer festival.",
    "Бібліотека, музей і фестиваль для молоді.",
    "Oraș cu o casă de cultură și un festival de folclor.",
    "A library town.",
]
BSR_COUNTRIES = ["SE", "FI", "DK", "DE", "LV", "PL"]
EAST_COUNTRIES = ["UA", "MD"]


def city(
    id: str,
    country: str = "SE",
    population: int = 30_000,
    challenges: dict[str, int] | None = None,
    offers: tuple[str, ...] = (),
    seeks: tuple[str, ...] = (),
    languages: tuple[str, ...] = ("en",),
    status: str = "approved",
    host_capacity: int = 0,
    name: str | None = None,
    description: str = "",
) -> Profile:
    """A profile with plain defaults; tests spell out only what they are about."""
    return Profile(
        id=id,
        name=name or id.title(),
        country=country,
        population=population,
        challenges=challenges or {},
        offers=offers,
        seeks=seeks,
        languages=languages,
        status=status,
        host_capacity=host_capacity,
        description=description,
    )


challenge_maps = st.dictionaries(st.sampled_from(CHALLENGES), st.integers(1, 3), max_size=6)
theme_sets = st.frozensets(st.sampled_from(THEMES), max_size=4)
populations = st.integers(1_000, 3_000_000)


@st.composite
def cities(
    draw: st.DrawFn,
    min_size: int = 2,
    max_size: int = 10,
    statuses: tuple[str, ...] = ("approved", "approved", "pending", "draft"),
) -> list[Profile]:
    """Profiles with unique ids, at least one on each side of the divide."""
    n = draw(st.integers(min_size, max_size))
    sides = [False, True, *draw(st.lists(st.booleans(), min_size=n - 2, max_size=n - 2))]
    found = []
    for i, east in enumerate(sides):
        country = draw(st.sampled_from(EAST_COUNTRIES if east else BSR_COUNTRIES))
        found.append(
            city(
                f"{country.lower()}-{i:02d}",
                country=country,
                population=draw(populations),
                challenges=draw(challenge_maps),
                offers=tuple(draw(theme_sets)),
                seeks=tuple(draw(theme_sets)),
                languages=tuple(draw(st.frozensets(st.sampled_from(["en", "uk", "sv"])))),
                status=draw(st.sampled_from(statuses)),
                host_capacity=draw(st.integers(0, 2)),
                description=draw(st.sampled_from(DESCRIPTIONS)),
            )
        )
    return found


def random_cities(n_bsr: int, n_east: int, seed: int = 0, approved: float = 0.9) -> list[Profile]:
    """Seeded varied profiles, for checks on more cities than hypothesis should draw."""
    rng = np.random.default_rng(seed)
    found = []
    for i in range(n_bsr + n_east):
        country = str(rng.choice(EAST_COUNTRIES if i >= n_bsr else BSR_COUNTRIES))
        found.append(
            city(
                f"{country.lower()}-{i:04d}",
                country=country,
                population=int(rng.integers(5_000, 300_000)),
                challenges={c: int(rng.integers(1, 4)) for c in CHALLENGES if rng.random() < 0.3},
                offers=tuple(t for t in THEMES if rng.random() < 0.25),
                seeks=tuple(t for t in THEMES if rng.random() < 0.25),
                status="approved" if rng.random() < approved else "pending",
                host_capacity=int(rng.integers(0, 3)),
                description=str(rng.choice(DESCRIPTIONS)),
            )
        )
    return found

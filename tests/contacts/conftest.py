"""The matching tests' fixtures: people write to the programme about cities."""

from tests.matching.conftest import site  # noqa: F401

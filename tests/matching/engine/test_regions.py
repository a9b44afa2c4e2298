import pytest

from matching.engine.regions import BSR, EAST, other_side, region_of


@pytest.mark.parametrize("country", ["DK", "EE", "FI", "DE", "IS", "LV", "LT", "NO", "PL", "SE"])
def test_every_cbss_state_is_bsr(country):
    assert region_of(country) == BSR


@pytest.mark.parametrize("country", ["UA", "MD"])
def test_ukraine_and_moldova_are_east(country):
    assert region_of(country) == EAST


@pytest.mark.parametrize("country", ["RU", "BY", "US", "se", ""])
def test_any_other_country_is_rejected_naming_it(country):
    with pytest.raises(ValueError, match=repr(country)):
        region_of(country)


def test_partners_come_from_the_other_side():
    assert other_side(BSR) == EAST
    assert other_side(EAST) == BSR

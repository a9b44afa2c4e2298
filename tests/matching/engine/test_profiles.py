import copy
import json
import re

import pytest

from matching.engine.profiles import (
    Profile,
    ProfileError,
    load_profiles,
    parse_profiles_json,
    profiles_to_json,
)

DUBNO = {
    "id": "ua-dubno",
    "name": "Dubno",
    "country": "UA",
    "population": 37000,
    "lat": 50.42,
    "lon": 25.75,
    "challenges": {"security": 3, "brain-drain": 2},
    "offers": ["museums-heritage"],
    "seeks": ["libraries"],
    "roles": ["root"],
    "languages": ["uk", "en"],
    "host_capacity": 0,
    "description": "A town in Rivne oblast.",
    "status": "approved",
}
HARNOSAND = {"id": "se-harnosand", "name": "Härnösand", "country": "SE", "population": 25000}


def changed(index: int, key: str, value: object) -> list[dict]:
    data = [copy.deepcopy(DUBNO), copy.deepcopy(HARNOSAND)]
    if value is KeyError:
        del data[index][key]
    else:
        data[index][key] = value
    return data


def test_a_full_profile_is_read_field_by_field():
    dubno = load_profiles([DUBNO])[0]
    assert dubno == Profile(
        id="ua-dubno",
        name="Dubno",
        country="UA",
        population=37000,
        lat=50.42,
        lon=25.75,
        challenges={"brain-drain": 2, "security": 3},
        offers=frozenset({"museums-heritage"}),
        seeks=frozenset({"libraries"}),
        roles=frozenset({"root"}),
        languages=frozenset({"uk", "en"}),
        host_capacity=0,
        description="A town in Rivne oblast.",
        status="approved",
    )
    assert dubno.region == "east"


def test_missing_optional_keys_take_the_schema_defaults():
    harnosand = load_profiles([HARNOSAND])[0]
    assert harnosand.status == "approved"
    assert harnosand.host_capacity == 0
    assert harnosand.challenges == {}
    assert harnosand.offers == harnosand.seeks == frozenset()
    assert harnosand.lat is None
    assert harnosand.region == "bsr"


def test_unknown_keys_and_unknown_slugs_are_accepted():
    data = changed(0, "challenges", {"a-slug-editors-added": 2})
    data[0]["favourite_colour"] = "green"
    assert load_profiles(data)[0].challenges == {"a-slug-editors-added": 2}


@pytest.mark.parametrize(
    ("index", "key", "value", "field", "says"),
    [
        (1, "population", KeyError, "population", "required"),
        (0, "name", KeyError, "name", "required"),
        (0, "country", "US", "country", "neither a BSR country"),
        (0, "country", "se", "country", "does not match"),
        (1, "population", 0, "population", "less than the minimum of 1"),
        (1, "population", 2.5, "population", "not of type 'integer'"),
        (0, "challenges", {"security": 4}, "challenges.security", "greater than the maximum"),
        (0, "challenges", {"security": 0}, "challenges.security", "less than the minimum"),
        (0, "roles", ["root", "king"], "roles[1]", "'king' is not one of"),
        (0, "status", "rejected", "status", "'rejected' is not one of"),
        (0, "lat", 90.5, "lat", "greater than the maximum of 90"),
        (0, "lon", -180.5, "lon", "less than the minimum of -180"),
        (0, "offers", ["music", "music"], "offers", "non-unique"),
        (0, "host_capacity", -1, "host_capacity", "less than the minimum of 0"),
        (0, "id", "", "id", "non-empty"),
    ],
)
def test_bad_fields_are_rejected_in_one_line_naming_profile_and_field(
    index, key, value, field, says
):
    with pytest.raises(ProfileError) as caught:
        load_profiles(changed(index, key, value))
    message = str(caught.value)
    assert "\n" not in message
    assert f"index {index}" in message
    if key != "id":
        assert json.dumps([DUBNO, HARNOSAND][index]["id"], ensure_ascii=False) in message
    assert f'field "{field}"' in message
    assert says in message


def test_a_duplicate_id_names_both_places():
    with pytest.raises(
        ProfileError, match=r'"ua-dubno" \(index 2\), field "id": duplicate .* index 0'
    ):
        load_profiles([DUBNO, HARNOSAND, {**HARNOSAND, "id": "ua-dubno"}])


@pytest.mark.parametrize("data", [{"profiles": []}, "cities", 3, None])
def test_anything_but_an_array_is_rejected(data):
    with pytest.raises(ProfileError, match="expected a JSON array"):
        load_profiles(data)


def test_an_array_item_that_is_not_an_object_is_named_by_index():
    with pytest.raises(ProfileError, match="profile at index 1: expected a profile object"):
        load_profiles([DUBNO, ["not", "a", "profile"]])


@pytest.mark.parametrize("text", ["[", "", "[{'id': 1}]", '[{"population": NaN}]', "[Infinity]"])
def test_text_that_is_not_json_is_rejected_as_such(text):
    with pytest.raises(ProfileError, match=r"^not valid JSON"):
        parse_profiles_json(text)


def test_the_exchange_format_round_trips():
    profiles = load_profiles([DUBNO, HARNOSAND])
    assert load_profiles(profiles_to_json(profiles)) == profiles


def test_a_profile_outside_both_regions_cannot_be_built():
    with pytest.raises(ValueError, match="neither a BSR country"):
        Profile(id="x", name="X", country="BY", population=1000)


def test_a_syntax_error_is_reported_where_the_standard_library_finds_it():
    with pytest.raises(ProfileError) as caught:
        parse_profiles_json('[\n  {"id": "ua-dubno",\n   "name": }\n]')
    assert str(caught.value) == ("not valid JSON: Expecting value (line 3, column 12)")


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        # The compiled check reads the pattern's $ as the end of the text; jsonschema, like
        # Python's re, lets it match before a final newline: the regions then refuse it.
        ("country", "SE\n", "field \"country\": 'SE\\n' is neither a BSR country"),
        # Both read 3.0 as an integer; the engine keeps 3.
        ("population", 3.0, None),
    ],
)
def test_input_is_judged_as_jsonschema_judges_it_whatever_the_compiled_check_says(
    key, value, expected
):
    data = changed(1, key, value)
    if expected is None:
        assert load_profiles(data)[1].population == 3
    else:
        with pytest.raises(ProfileError, match=re.escape(expected)):
            load_profiles(data)


def test_one_bad_profile_among_many_good_ones_is_named():
    data = [{**DUBNO, "id": f"ua-{i}", "population": 1000 + i} for i in range(300)]
    data[250]["challenges"] = {"security": 0}
    with pytest.raises(ProfileError) as caught:
        parse_profiles_json(json.dumps(data))
    assert str(caught.value).startswith(
        'profile "ua-250" (index 250), field "challenges.security": 0 is less than the minimum'
    )
    assert len(parse_profiles_json(json.dumps(data[:250]))) == 250

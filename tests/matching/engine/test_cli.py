"""The command line, run as users run it: ``python -m matching.engine`` in a subprocess."""

import json
import os
import random
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from matching.engine.cli import main
from matching.engine.profiles import profiles_to_json
from tests.matching.engine import city, random_cities

ROOT = Path(__file__).resolve().parents[3]
OUTPUT_SCHEMA = json.loads(
    resources.files("matching.engine").joinpath("output.schema.json").read_text("utf-8")
)

SAMPLE = profiles_to_json(
    [
        city(
            "md-cahul",
            "MD",
            challenges={"brain-drain": 3, "ageing": 2},
            seeks=("libraries",),
            name="Cahul",
        ),
        city("ua-dubno", "UA", population=37_000, challenges={"security": 3}),
        city("ua-draft", "UA", status="draft", challenges={"ageing": 1}),
        city(
            "se-harnosand",
            "SE",
            25_000,
            {"brain-drain": 2, "ageing": 2},
            offers=("libraries",),
            host_capacity=2,
            name="Härnösand",
        ),
        city("fi-jakobstad", "FI", 19_700, {"ageing": 3}, host_capacity=1),
        city("dk-svendborg", "DK", 27_300, {"tourism": 2}, host_capacity=0),
        city("lv-pending", "LV", 15_000, {"brain-drain": 3}, status="pending", host_capacity=3),
        # Two identical hosts: equal scores, to be ordered by partner id.
        city("pl-twin-b", "PL", 30_000, {"security": 1}, host_capacity=1),
        city("pl-twin-a", "PL", 30_000, {"security": 1}, host_capacity=1),
    ]
)


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "matching.engine", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def write(tmp_path: Path, data: object, name: str = "profiles.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def with_change(index: int, key: str, value: object) -> list[dict]:
    data = json.loads(json.dumps(SAMPLE))
    if value is KeyError:
        del data[index][key]
    else:
        data[index][key] = value
    return data


def assert_bad_input(result, *expected: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for text in expected:
        assert text in lines[0]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ('[{"id": "md-cahul",', ["not valid JSON", "line 1"]),
        (with_change(1, "population", KeyError), ['"ua-dubno"', 'field "population"', "missing"]),
        (with_change(3, "country", "RU"), ['"se-harnosand"', 'field "country"', "'RU'"]),
        (with_change(0, "population", 0), ['"md-cahul"', 'field "population"', "minimum of 1"]),
        (
            with_change(0, "challenges", {"brain-drain": 4}),
            ['"md-cahul"', 'field "challenges.brain-drain"', "maximum of 3"],
        ),
        (with_change(4, "roles", ["healer"]), ['"fi-jakobstad"', 'field "roles[0]"', "'healer'"]),
        (with_change(5, "status", "withdrawn"), ['"dk-svendborg"', 'field "status"']),
        (with_change(1, "lat", -95), ['"ua-dubno"', 'field "lat"', "minimum of -90"]),
        (with_change(1, "lon", 200), ['"ua-dubno"', 'field "lon"', "maximum of 180"]),
        (with_change(8, "id", "md-cahul"), ['"md-cahul" (index 8)', 'field "id"', "duplicate"]),
        ({"profiles": SAMPLE}, ["expected a JSON array"]),
    ],
    ids=[
        "not-json",
        "missing-key",
        "unknown-country",
        "population-below-1",
        "challenge-weight-outside-1-3",
        "unknown-role",
        "unknown-status",
        "latitude-out-of-range",
        "longitude-out-of-range",
        "duplicate-id",
        "not-an-array",
    ],
)
def test_bad_input_exits_2_with_one_line_naming_profile_and_field(tmp_path, data, expected):
    assert_bad_input(run("rank", "--input", write(tmp_path, data)), *expected)


def test_cohort_reads_its_input_as_strictly(tmp_path):
    data = with_change(0, "challenges", {"ageing": "high"})
    result = run("cohort", "--input", write(tmp_path, data))
    assert_bad_input(result, '"md-cahul"', 'field "challenges.ageing"', "not of type")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["rank", "--input", "SAMPLE", "--top", "0"], ["--top", "at least 1"]),
        (["rank", "--input", "SAMPLE", "--top", "ten"], ["--top", "invalid int value"]),
        (["cohort", "--input", "SAMPLE", "--min-score", "100.5"], ["--min-score", "0-100"]),
        (["cohort", "--input", "SAMPLE", "--min-score", "-1"], ["--min-score", "0-100"]),
        (["rank", "--input", "no-such-file.json"], ["no-such-file.json", "no such file"]),
        (["rank", "--input", "."], ["is a directory"]),
        (["rank"], ["--input"]),
        (["suggest"], ["invalid choice"]),
    ],
)
def test_bad_options_exit_2_with_one_line_naming_the_option(tmp_path, args, expected):
    sample = write(tmp_path, SAMPLE)
    assert_bad_input(run(*[sample if a == "SAMPLE" else a for a in args]), *expected)


def test_a_file_that_is_not_utf8_text_is_bad_input(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('[{"name": "Härnösand"}]'.encode("latin-1"))
    assert_bad_input(run("rank", "--input", str(path)), "not UTF-8")


@pytest.fixture(scope="module")
def ranked(tmp_path_factory):
    """rank on SAMPLE, run once for the tests that read it."""
    return run("rank", "--input", write(tmp_path_factory.mktemp("rank"), SAMPLE))


def test_rank_lists_every_city_with_approved_partners_across_the_divide(ranked):
    assert ranked.returncode == 0, ranked.stderr
    assert ranked.stderr == ""
    output = json.loads(ranked.stdout)
    jsonschema.validate(output, OUTPUT_SCHEMA)
    suggestions = output["suggestions"]
    by_id = {p["id"]: p for p in SAMPLE}
    assert set(suggestions) == set(by_id)  # drafts and pending cities too
    east = {i for i, p in by_id.items() if p["country"] in ("UA", "MD")}
    for city_id, found in suggestions.items():
        partners = [s["partner"] for s in found]
        assert all(by_id[p]["status"] == "approved" for p in partners)
        assert all((p in east) != (city_id in east) for p in partners)
        scores = [s["score"] for s in found]
        assert scores == sorted(scores, reverse=True)
    dubno = [s["partner"] for s in suggestions["ua-dubno"]]
    assert dubno.index("pl-twin-a") + 1 == dubno.index("pl-twin-b")
    cahul = suggestions["md-cahul"][0]
    assert cahul["partner"] == "se-harnosand"
    assert "Both face brain drain (critical in Cahul)" in cahul["reasons"]
    assert "Cahul can learn about libraries from Härnösand" in cahul["reasons"]


def test_rank_top_limits_the_partners_per_city(tmp_path):
    result = run("rank", "--input", write(tmp_path, SAMPLE), "--top", "1")
    output = json.loads(result.stdout)
    jsonschema.validate(output, OUTPUT_SCHEMA)
    assert {len(found) for found in output["suggestions"].values()} == {1}


def test_the_output_is_the_same_whatever_the_input_order(tmp_path):
    profiles = profiles_to_json(random_cities(40, 15, seed=8))
    shuffled = profiles[:]
    random.Random(1).shuffle(shuffled)
    first = run("rank", "--input", write(tmp_path, profiles, "a.json"))
    second = run("rank", "--input", write(tmp_path, shuffled, "b.json"))
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout


def test_cohort_plans_within_capacity_and_minimum_score(tmp_path, ranked):
    result = run("cohort", "--input", write(tmp_path, SAMPLE), "--min-score", "20")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    jsonschema.validate(plan, OUTPUT_SCHEMA)
    capacity = {p["id"]: p.get("host_capacity", 0) for p in SAMPLE}
    received = {}
    for a in plan["assignments"]:
        received[a["host"]] = received.get(a["host"], 0) + 1
        assert a["score"] >= 20
        assert a["visitor"] in ("md-cahul", "ua-dubno")  # approved East cities only
        assert a["host"] != "lv-pending"
    assert all(n <= capacity[h] for h, n in received.items())
    assert plan["total_score"] == round(sum(a["score"] for a in plan["assignments"]), 1)
    placed = {a["visitor"] for a in plan["assignments"]}
    assert sorted({"md-cahul", "ua-dubno"} - placed) == plan["unassigned"]
    suggestions = json.loads(ranked.stdout)["suggestions"]
    for a in plan["assignments"]:  # the scores rank prints
        listed = next(s for s in suggestions[a["visitor"]] if s["partner"] == a["host"])
        assert listed["score"] == a["score"]


def test_runs_where_django_cannot_even_be_imported(tmp_path):
    path = write(tmp_path, SAMPLE)
    code = (
        "import runpy, sys; sys.modules['django'] = None; "
        f"sys.argv = ['matching.engine', 'rank', '--input', {path!r}, '--top', '2']; "
        "runpy.run_module('matching.engine', run_name='__main__')"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["suggestions"]) == len(SAMPLE)


def test_an_empty_array_is_valid_input(tmp_path, capsys):
    path = write(tmp_path, [])
    assert main(["rank", "--input", path]) == 0
    assert json.loads(capsys.readouterr().out) == {"suggestions": {}}
    assert main(["cohort", "--input", path]) == 0
    plan = json.loads(capsys.readouterr().out)
    jsonschema.validate(plan, OUTPUT_SCHEMA)
    assert plan == {"assignments": [], "total_score": 0.0, "unassigned": []}


def test_rank_prints_byte_for_byte_what_the_suggestions_say(tmp_path, capsys):
    """The output is json.dumps(..., ensure_ascii=False, indent=2) of every to_dict()."""
    from matching.engine.scoring import PairScorer

    profiles = [
        *random_cities(30, 12, seed=11),
        city("ua-kyiv-oblast", "UA", challenges={"security": 3}, name="Київщина"),
        city("se-harnosand", "SE", 25_000, {"security": 2}, name="Härnösand"),
    ]
    path = write(tmp_path, profiles_to_json(profiles))
    assert main(["rank", "--input", path, "--top", "4"]) == 0
    found = PairScorer().fit(profiles).top_k(4)
    expected = {"suggestions": {c: [s.to_dict() for s in f] for c, f in found.items()}}
    assert capsys.readouterr().out == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def test_cohort_prints_byte_for_byte_what_the_plan_says(tmp_path, capsys):
    path = write(tmp_path, SAMPLE)
    assert main(["cohort", "--input", path, "--min-score", "20"]) == 0
    printed = capsys.readouterr().out
    plan = json.loads(printed)
    assert printed == json.dumps(plan, ensure_ascii=False, indent=2) + "\n"
    assert plan["assignments"]

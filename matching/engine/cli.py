"""The command line: rank and cohort, as fixed by ../shared/matching/README.md.

Bad input exits with status 2 and one line on standard error naming the profile and the
field (or the option); nothing is printed on standard output unless all went well.
"""

import argparse
import gc
import math
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import orjson

from matching.engine.profiles import Profile, ProfileError, parse_profiles_json
from matching.engine.regions import BSR, EAST

if TYPE_CHECKING:
    from matching.engine.ranking import Ranking
    from matching.engine.scoring import PairScorer

PROG = "python -m matching.engine"
BAD_INPUT = 2


class UsageError(Exception):
    """A command-line mistake, reported in one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would print the usage first
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Partner suggestions and cohort plans.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="{rank,cohort}")
    rank = commands.add_parser("rank", help="every city's best approved partners")
    rank.add_argument("--input", required=True, metavar="PROFILES.json")
    rank.add_argument("--top", type=int, default=10, metavar="K", help="partners per city")
    cohort = commands.add_parser("cohort", help="an optimal shadowing round")
    cohort.add_argument("--input", required=True, metavar="PROFILES.json")
    cohort.add_argument("--min-score", type=float, default=0.0, metavar="S")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    try:
        args = build_parser().parse_args(argv)
        if args.command == "rank" and args.top < 1:
            raise UsageError(f"argument --top: must be at least 1, got {args.top}")
        if args.command == "cohort" and not (
            math.isfinite(args.min_score) and 0 <= args.min_score <= 100
        ):
            raise UsageError(f"argument --min-score: must be within 0-100, got {args.min_score}")
        profiles = _read(args.input)
    except UsageError as error:
        return _fail(str(error))
    except ProfileError as error:
        return _fail(f"{args.input}: {error}")
    # Hundreds of thousands of small acyclic objects: the cyclic collector would only
    # rescan them again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        result = _rank(profiles, args.top) if args.command == "rank" else _cohort(profiles, args)
        # Laid out as json.dumps(result, ensure_ascii=False, indent=2) lays it out (the
        # floats too: scores have one decimal, components four, none below 1e-4 but 0).
        text = orjson.dumps(result, option=orjson.OPT_INDENT_2)
    except Exception as error:  # never a traceback, as the contract says
        return _fail(f"internal error: {type(error).__name__}: {error}", status=1)
    finally:
        if collecting:
            gc.enable()
    try:
        sys.stdout.buffer.write(text)
        sys.stdout.buffer.write(b"\n")
        sys.stdout.flush()
    except BrokenPipeError:
        return 1
    return 0


def _read(path: str) -> list[Profile]:
    try:
        with open(path, encoding="utf-8-sig") as file:  # tolerate a byte-order mark
            text = file.read()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise UsageError(f"{path}: permission denied") from None
    except UnicodeDecodeError as error:
        raise UsageError(f"{path}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot be read ({error.strerror or error})") from None
    return parse_profiles_json(text)


def _rank(profiles: list[Profile], top: int) -> dict:
    from matching.engine.scoring import PairScorer  # scikit-learn loads only once the input is good

    scorer = PairScorer().fit(profiles)
    return rank_output(scorer, scorer.rank(top))


def rank_output(scorer: "PairScorer", ranking: "Ranking") -> dict:
    """What rank prints: the same as every Suggestion.to_dict() of top_k, built in bulk."""
    from matching.engine.sentences import english_reasons

    found = ranking.partners >= 0  # each row's partners come first
    counts = found.sum(axis=1).tolist()
    partners = ranking.partners[found]
    reasons = english_reasons(scorer, ranking.cities.repeat(counts), partners)
    ids = [p.id for p in scorer.profiles_]
    names = ranking.component_names
    items = [
        {
            "partner": ids[j],
            "score": score,
            "components": dict(zip(names, values, strict=True)),
            "reasons": r,
        }
        for j, score, values, r in zip(
            partners.tolist(),
            ranking.scores[found].tolist(),
            ranking.components[found].tolist(),
            reasons,
            strict=True,
        )
    ]
    suggestions, start = {}, 0
    for city, count in zip(ranking.cities.tolist(), counts, strict=True):
        suggestions[ids[city]] = items[start : start + count]
        start += count
    return {"suggestions": suggestions}


def _cohort(profiles: list[Profile], args: argparse.Namespace) -> dict:
    from matching.engine.cohort import plan_cohort
    from matching.engine.scoring import PairScorer

    # A round is among approved cities: visitors from the East, hosts with room.
    scorer = PairScorer().fit(profiles)
    approved = sorted((p for p in profiles if p.is_approved), key=lambda p: p.id)
    visitors = [p.id for p in approved if p.region == EAST]
    hosts = [p for p in approved if p.region == BSR and p.host_capacity > 0]
    plan = plan_cohort(
        scorer,
        visitors,
        [h.id for h in hosts],
        {h.id: h.host_capacity for h in hosts},
        min_score=args.min_score,
    )
    return plan.to_dict()


def _fail(message: str, status: int = BAD_INPUT) -> int:
    print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)
    return status

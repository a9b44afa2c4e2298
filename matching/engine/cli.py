"""The command line: rank and cohort, as fixed by ../shared/matching/README.md.

Bad input exits with status 2 and one line on standard error naming the profile and the
field (or the option); nothing is printed on standard output unless all went well.
"""

import argparse
import json
import math
import sys
from collections.abc import Sequence

from .profiles import Profile, ProfileError, parse_profiles_json
from .regions import BSR, EAST

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
    try:
        result = _rank(profiles, args.top) if args.command == "rank" else _cohort(profiles, args)
        text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    except Exception as error:  # never a traceback, as the contract says
        return _fail(f"internal error: {type(error).__name__}: {error}", status=1)
    try:
        sys.stdout.buffer.write(text.encode("utf-8"))
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
    from .scoring import PairScorer  # scikit-learn loads only once the input is good

    suggestions = PairScorer().fit(profiles).top_k(top)
    return {
        "suggestions": {city: [s.to_dict() for s in found] for city, found in suggestions.items()}
    }


def _cohort(profiles: list[Profile], args: argparse.Namespace) -> dict:
    from .cohort import plan_cohort
    from .scoring import PairScorer

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

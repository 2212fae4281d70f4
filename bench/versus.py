#!/usr/bin/env python3
"""Paired, interleaved wall-clock timing of two different commands.

Usage: versus.py [--rounds N] [--warmup N] -- LEFT... ::: RIGHT...

Like timing.py (same alternation, same paired ratios), for commands that
differ in more than the binary: replint against squawk, or against the C
floor. Prints one JSON object: left_ms, right_ms, ratio = median of the
per-round left/right ratios, its quartiles and both exit codes.
"""
import json
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import interleave, quartiles  # noqa: E402


def main():
    argv = sys.argv[1:]
    rounds, warmup = 10, 1
    while argv and argv[0] in ("--rounds", "--warmup"):
        if len(argv) < 2 or not argv[1].isdigit():
            sys.exit(f"versus.py: {argv[0]} wants a number")
        if argv[0] == "--rounds":
            rounds = max(1, int(argv[1]))
        else:
            warmup = int(argv[1])
        argv = argv[2:]
    if not argv or argv[0] != "--" or ":::" not in argv:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        sys.exit(2)
    split = argv.index(":::")
    commands = {"left": argv[1:split], "right": argv[split + 1:]}
    if not commands["left"] or not commands["right"]:
        sys.exit("versus.py: both commands are needed")
    codes, times, ratios = interleave(commands, rounds, warmup, dict(os.environ))
    q1, q3 = quartiles(ratios)
    print(json.dumps({
        "rounds": rounds,
        "left_ms": round(statistics.median(times["left"]), 3),
        "right_ms": round(statistics.median(times["right"]), 3),
        "ratio": round(statistics.median(ratios), 4),
        "ratio_q1": round(q1, 4),
        "ratio_q3": round(q3, 4),
        "exit_left": sorted(codes["left"]),
        "exit_right": sorted(codes["right"]),
    }))


if __name__ == "__main__":
    main()

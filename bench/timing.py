#!/usr/bin/env python3
"""Paired, interleaved wall-clock timing of two binaries on the same arguments.

Usage: timing.py [--rounds N] [--warmup N] [--env K=V]... CURRENT PREVIOUS -- ARGS...

Runs CURRENT ARGS and PREVIOUS ARGS alternately (the order flips every round,
so neither always runs second on a warm cache), from the working directory
timing.py is started in, output to /dev/null. Each round gives one ratio
current/previous; the median of those paired ratios is far steadier on a
shared, noisy machine than either absolute median. Prints one JSON object.

Exit codes: 0 measured; 2 bad usage, a binary that cannot be started, or a
binary whose exit code changes from one run to the next (the measurement
would compare different work).
"""
import json
import os
import statistics
import sys
import time


def usage(message):
    print(f"timing.py: {message}", file=sys.stderr)
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    sys.exit(2)


def parse(argv):
    rounds, warmup, env = 20, 2, dict(os.environ)
    positional = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            return rounds, warmup, env, positional, argv[i + 1:]
        if arg in ("--rounds", "--warmup", "--env"):
            if i + 1 >= len(argv):
                usage(f"{arg} needs a value")
            value = argv[i + 1]
            if arg == "--env":
                key, sep, val = value.partition("=")
                if not sep:
                    usage(f"--env wants K=V, not {value!r}")
                env[key] = val
            else:
                try:
                    number = int(value)
                except ValueError:
                    usage(f"{arg} wants a number, not {value!r}")
                if arg == "--rounds":
                    rounds = max(1, number)
                else:
                    warmup = max(0, number)
            i += 2
            continue
        positional.append(arg)
        i += 1
    usage("missing `--` before the arguments")


def run_once(binary, args, env, devnull):
    """Wall time in milliseconds and the exit code of one run."""
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
    start = time.perf_counter_ns()
    try:
        pid = os.posix_spawn(binary, [binary, *args], env, file_actions=actions)
    except OSError as error:
        print(f"timing.py: cannot start {binary}: {error}", file=sys.stderr)
        sys.exit(2)
    _, status = os.waitpid(pid, 0)
    elapsed = (time.perf_counter_ns() - start) / 1e6
    return elapsed, os.waitstatus_to_exitcode(status)


def quartiles(values):
    if len(values) < 4:
        return min(values), max(values)
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], q[2]


def interleave(commands, rounds, warmup, env):
    """Runs each command of `commands` (role -> argv) once per round, the
    order flipping every round. Returns the exit codes seen, the times and
    the per-round ratios of the first role to the second."""
    first, second = list(commands)
    devnull = os.open(os.devnull, os.O_WRONLY)
    codes = {role: set() for role in commands}
    times = {role: [] for role in commands}
    for _ in range(warmup):
        for role, argv in commands.items():
            codes[role].add(run_once(argv[0], argv[1:], env, devnull)[1])
    ratios = []
    for n in range(rounds):
        order = (first, second) if n % 2 == 0 else (second, first)
        sample = {}
        for role in order:
            elapsed, code = run_once(commands[role][0], commands[role][1:], env, devnull)
            codes[role].add(code)
            sample[role] = elapsed
            times[role].append(elapsed)
        ratios.append(sample[first] / sample[second])
    return codes, times, ratios


def main():
    rounds, warmup, env, binaries, args = parse(sys.argv[1:])
    if len(binaries) != 2:
        usage("want exactly two binaries: CURRENT PREVIOUS")
    roles = {"current": binaries[0], "previous": binaries[1]}
    codes, times, ratios = interleave({role: [binary, *args] for role, binary in roles.items()}, rounds, warmup, env)
    for role, seen in codes.items():
        if len(seen) != 1:
            print(f"timing.py: {roles[role]} {' '.join(args)}: exit code varies between runs: {sorted(seen)}",
                  file=sys.stderr)
            sys.exit(2)
    q1, q3 = quartiles(ratios)
    print(json.dumps({
        "rounds": rounds,
        "current_ms": round(statistics.median(times["current"]), 3),
        "previous_ms": round(statistics.median(times["previous"]), 3),
        "ratio": round(statistics.median(ratios), 4),
        "ratio_q1": round(q1, 4),
        "ratio_q3": round(q3, 4),
        "exit_current": codes["current"].pop(),
        "exit_previous": codes["previous"].pop(),
    }))


if __name__ == "__main__":
    main()

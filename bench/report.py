#!/usr/bin/env python3
"""Turns bench/run.sh's measurements into one table (stdout) and JSON.

Usage: report.py RESULTS.jsonl LATEST.json KEY=VALUE...

Exit codes: 0 every target met; 1 a target was missed (the table says
which); 2 bad input.
"""
import json
import sys

MODEL_SHARE_TARGET = 0.2      # the schema issue: model build <= 0.2x linting the same file
CLUSTER_START_TARGET_MS = 3000.0  # the rehearsal issue: a cluster start under 3 s

# The performance issue's targets: (case, what, reference, target ratio).
VERSUS_TARGETS = [
    ("e-corpus-text", "corpus, text output", "squawk 2.70", 0.35),
    ("e-corpus-json", "corpus, JSON output", "C floor (one thread)", 0.7),
    ("e-big", "big.sql, one thread", "C floor", 1.5),
    ("e-small", "one small file, no configuration", "squawk 2.70", 1.3),
    ("e-small-config", "one small file, the repository's .replint.yml", "squawk 2.70", 1.3),
]
MEMORY_TARGET = 1.0           # peak RSS on the corpus <= squawk's
BINARY_TARGET_BYTES = 25 * 1024 * 1024

DESCRIPTIONS = {
    "a": "lint small file, no config (pre-commit)",
    "b-warm": "lint small file, .replint.yml, cache warm",
    "b-nocache": "lint small file, .replint.yml, --no-schema-cache",
    "c-lint": "lint big.sql",
    "c-model": "lint small file --schema big.sql (model build)",
    "d-none": "rehearse small file, empty cluster",
    "d-schema": "rehearse small file --schema schema.sql",
}


def fail(message):
    print(f"report.py: {message}", file=sys.stderr)
    sys.exit(2)


def load(path):
    cases = {}
    try:
        with open(path) as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    entry = cases.setdefault(record["case"], {"args": record["args"]})
                    entry[record["kind"]] = record["data"]
    except (OSError, ValueError, KeyError) as error:
        fail(f"{path}: {error}")
    return cases


def setup_timings(path):
    """Set-up timings from a rehearsal JSON report, when it has any."""
    try:
        with open(path) as handle:
            report = json.load(handle)
    except (OSError, ValueError):
        return None
    reports = report if isinstance(report, list) else [report]
    found = {}
    for item in reports:
        if isinstance(item, dict):
            for key, value in item.items():
                if ("setup" in key or "cluster" in key) and ("ms" in key or "timing" in key):
                    found[key] = value
    return found or None


def fmt_ms(value):
    return "-" if value is None else (f"{value:.1f}" if value < 100 else f"{value:.0f}")


def fmt_ir(value):
    return "-" if value is None else f"{value / 1e6:.2f}M"


def main():
    if len(sys.argv) < 3:
        fail("usage: report.py RESULTS.jsonl LATEST.json KEY=VALUE...")
    cases = load(sys.argv[1])
    meta = dict(arg.split("=", 1) for arg in sys.argv[3:] if "=" in arg)
    rows = []
    for name, entry in cases.items():
        if name.startswith("e-"):
            continue
        t, ir = entry.get("time"), entry.get("instructions")
        row = {
            "case": name,
            "what": DESCRIPTIONS.get(name, ""),
            "args": entry["args"],
            "current_ms": t and t["current_ms"],
            "previous_ms": t and t["previous_ms"],
            "time_ratio": t and t["ratio"],
            "time_ratio_iqr": t and [t["ratio_q1"], t["ratio_q3"]],
            "rounds": t and t["rounds"],
            "exit_code": t and t["exit_current"],
            "current_instructions": ir and ir["current"],
            "previous_instructions": ir and ir["previous"],
            "instruction_ratio": ir and round(ir["current"] / ir["previous"], 4),
        }
        rows.append(row)

    by_case = {row["case"]: row for row in rows}
    targets = []
    lint, model = by_case.get("c-lint"), by_case.get("c-model")
    if lint and model:
        ir_share = (model["current_instructions"] / lint["current_instructions"]
                    if model["current_instructions"] and lint["current_instructions"] else None)
        time_share = model["current_ms"] / lint["current_ms"]
        share = ir_share if ir_share is not None else time_share
        targets.append({
            "target": f"model build <= {MODEL_SHARE_TARGET}x lint of the same file",
            "instructions": ir_share and round(ir_share, 3), "time": round(time_share, 3),
            "met": share <= MODEL_SHARE_TARGET,
        })
    start = by_case.get("d-none")
    if start:
        timings = setup_timings(meta.get("rehearse_none", ""))
        targets.append({
            "target": f"ephemeral cluster start < {CLUSTER_START_TARGET_MS / 1000:.0f} s (whole rehearse, no schema)",
            "time_ms": start["current_ms"], "setup_timings": timings,
            "met": start["current_ms"] < CLUSTER_START_TARGET_MS,
        })

    versus = versus_targets(cases)
    targets += versus

    print(f"current:  {meta.get('current', '?')}")
    print(f"previous: {meta.get('previous', '?')}")
    if "big_bytes" in meta:
        print(f"big.sql:  {meta['big_bytes']} bytes")
    header = ("case", "what", "cur ms", "prev ms", "time ratio [IQR]", "cur Ir", "prev Ir", "Ir ratio")
    table = [header]
    for row in rows:
        ratio = "-"
        if row["time_ratio"] is not None:
            q1, q3 = row["time_ratio_iqr"]
            ratio = f"{row['time_ratio']:.3f} [{q1:.2f}-{q3:.2f}]"
        table.append((row["case"], row["what"], fmt_ms(row["current_ms"]), fmt_ms(row["previous_ms"]), ratio,
                      fmt_ir(row["current_instructions"]), fmt_ir(row["previous_instructions"]),
                      "-" if row["instruction_ratio"] is None else f"{row['instruction_ratio']:.4f}"))
    widths = [max(len(str(line[i])) for line in table) for i in range(len(header))]
    for n, line in enumerate(table):
        print("  ".join(str(cell).ljust(widths[i]) if i < 2 else str(cell).rjust(widths[i])
                        for i, cell in enumerate(line)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print("ratios: current/previous, < 1 is faster; time ratio = median of per-round paired ratios")
    for target in targets:
        verdict = "met" if target["met"] else "MISSED"
        if "detail" in target:
            detail = target["detail"]
        elif "instructions" in target:
            detail = f"instructions {target['instructions']}, time {target['time']}"
        else:
            detail = f"{fmt_ms(target['time_ms'])} ms"
            detail += ("; set-up timings: " + json.dumps(target["setup_timings"])) if target["setup_timings"] \
                else "; the JSON report has no set-up timings"
        print(f"target: {target['target']}: {detail} -> {verdict}")

    try:
        with open(sys.argv[2], "w") as handle:
            json.dump({"current": meta.get("current"), "previous": meta.get("previous"),
                       "big_bytes": int(meta["big_bytes"]) if "big_bytes" in meta else None,
                       "cases": rows, "targets": targets}, handle, indent=2)
            handle.write("\n")
    except OSError as error:
        fail(f"{sys.argv[2]}: {error}")
    if versus and meta.get("results_md"):
        write_results(meta["results_md"], meta, versus)
    sys.exit(0 if all(t["met"] for t in targets) else 1)


def versus_targets(cases):
    """The performance issue's targets from case e, each with its detail line."""
    found = []
    for name, what, reference, target in VERSUS_TARGETS:
        data = cases.get(name, {}).get("versus")
        if data:
            found.append({
                "target": f"{what}: <= {target}x {reference}",
                "detail": f"replint {fmt_ms(data['left_ms'])} ms, {reference} {fmt_ms(data['right_ms'])} ms, "
                          f"ratio {data['ratio']:.2f} [{data['ratio_q1']:.2f}-{data['ratio_q3']:.2f}]",
                "ratio": data["ratio"], "met": data["ratio"] <= target,
            })
    memory = cases.get("e-memory", {}).get("memory")
    if memory:
        ratio = memory["replint_kb"] / memory["squawk_kb"]
        found.append({
            "target": f"peak memory on the corpus <= {MEMORY_TARGET}x squawk 2.70",
            "detail": f"replint {memory['replint_kb'] / 1024:.1f} MB, squawk {memory['squawk_kb'] / 1024:.1f} MB, "
                      f"ratio {ratio:.2f}",
            "ratio": round(ratio, 3), "met": ratio <= MEMORY_TARGET,
        })
    size = cases.get("e-binary", {}).get("size")
    if size:
        found.append({
            "target": f"stripped release binary <= {BINARY_TARGET_BYTES // (1024 * 1024)} MB",
            "detail": f"{size['bytes'] / (1024 * 1024):.1f} MB",
            "met": size["bytes"] <= BINARY_TARGET_BYTES,
        })
    return found


def write_results(path, meta, versus):
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (bench/run.sh); ratios from one run, medians of paired, interleaved rounds.",
        "",
        f"- build: {meta.get('current', '?')}",
        f"- corpus: {meta.get('corpus_files', '?')} files copied from the repository's SQL that libpg_query parses",
        f"- big.sql: {meta.get('big_bytes', '?')} bytes",
        "",
        "| target | measured | met |",
        "|---|---|---|",
    ]
    lines += [f"| {t['target']} | {t['detail']} | {'yes' if t['met'] else '**no**'} |" for t in versus]
    try:
        with open(path, "w") as handle:
            handle.write("\n".join(lines) + "\n")
    except OSError as error:
        fail(f"{path}: {error}")


if __name__ == "__main__":
    main()

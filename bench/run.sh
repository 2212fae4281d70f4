#!/usr/bin/env bash
# make bench: build the release binary, time it against the previous run's
# binary (interleaved, in this one run), count instructions with callgrind,
# print one table and write it to bench/out/latest.json. bench/README.md
# says what each case measures.
#
# Exit codes: 0 measured (the table says which targets were missed);
#             1 BENCH_STRICT=1 and a target was missed;
#             2 could not measure (missing tool, failed build, a case that
#               did not run as expected).
#
# Knobs (environment): BENCH_CASES="a b c d e"  BENCH_ROUNDS=20 (cases a, b)
#   BENCH_VERSUS_ROUNDS=7 (case e: against squawk and the C floor)  BENCH_CORPUS_FILES=2000
#   BENCH_BIG_ROUNDS=5 (case c)  BENCH_REHEARSE_ROUNDS=3 (case d)
#   BENCH_BIG_BYTES=2000000  BENCH_CALLGRIND_BIG=1 (0: no callgrind for case c)
#   BENCH_STRICT=0  SWIFT=swift
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out
SCRATCH=$ROOT/.build-bench
SWIFT=${SWIFT:-swift}
CASES=${BENCH_CASES:-a b c d e}
ROUNDS=${BENCH_ROUNDS:-20}
BIG_ROUNDS=${BENCH_BIG_ROUNDS:-5}
REHEARSE_ROUNDS=${BENCH_REHEARSE_ROUNDS:-3}
BIG_BYTES=${BENCH_BIG_BYTES:-2000000}
SMALL=app_migrations/661a4319d18b.sql
BASELINE=app_migrations/schema.sql

die() { echo "bench: $*" >&2; exit 2; }
say() { echo "bench: $*" >&2; }
has_case() { case " $CASES " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

for tool in "$SWIFT" python3 valgrind strip sed sha256sum; do
    command -v "$tool" >/dev/null || die "\`$tool\` not found (valgrind: apt-get install valgrind)"
done
[ -f "$ROOT/$SMALL" ] || die "$SMALL is missing"
[ -f "$ROOT/$BASELINE" ] || die "$BASELINE is missing"

mkdir -p "$OUT/current" "$OUT/previous" "$OUT/inputs" "$OUT/callgrind" "$OUT/cache"
WORK=$(mktemp -d /tmp/replint-bench.XXXXXX) || die "cannot create a temporary directory"
trap 'rm -rf "$WORK"' EXIT
RESULTS=$WORK/results.jsonl
: >"$RESULTS"

# --- build ------------------------------------------------------------------
say "building (swift build -c release --static-swift-stdlib, scratch path .build-bench)"
BUILD_LOG=$OUT/build.log
if ! (cd "$ROOT" && "$SWIFT" build -c release --static-swift-stdlib --product replint \
        --scratch-path "$SCRATCH") >"$BUILD_LOG" 2>&1; then
    tail -n 30 "$BUILD_LOG" >&2
    die "build failed (full log: bench/out/build.log)"
fi
BIN_DIR=$(cd "$ROOT" && "$SWIFT" build -c release --static-swift-stdlib --product replint \
    --scratch-path "$SCRATCH" --show-bin-path)
install -m 0755 "$BIN_DIR/replint" "$OUT/current/replint"
describe=$(cd "$ROOT" && git describe --always --dirty 2>/dev/null || echo unknown)
echo "$describe $(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$OUT/current/info"

CUR=$OUT/current/replint
if [ -x "$OUT/previous/replint" ]; then
    PREV=$OUT/previous/replint
    prev_info=$(cat "$OUT/previous/info" 2>/dev/null || echo unknown)
else
    # First run: compare the build with itself; the ratios show the noise floor.
    PREV=$CUR
    prev_info="(none: first run, current against itself)"
fi
strip -o "$OUT/current/replint.stripped" "$CUR"
[ "$PREV" = "$CUR" ] || strip -o "$OUT/previous/replint.stripped" "$PREV"
CUR_S=$OUT/current/replint.stripped
PREV_S=$OUT/previous/replint.stripped
[ "$PREV" = "$CUR" ] && PREV_S=$CUR_S
cur_sum=$(sha256sum <"$CUR" | cut -c1-12)
prev_sum=$(sha256sum <"$PREV" | cut -c1-12)

# --- inputs -------------------------------------------------------------------
# No configuration may be found above the temporary directory, or case a
# would not be the no-configuration case.
for dir in "$WORK" /tmp /; do
    [ ! -e "$dir/.replint.yml" ] || die "$dir/.replint.yml exists: case a needs a directory with no configuration above it"
done
EMPTY=$WORK/empty
mkdir -p "$EMPTY"
cp "$ROOT/$SMALL" "$EMPTY/small.sql"
BIG=$OUT/inputs/big.sql
baseline_bytes=$(wc -c <"$ROOT/$BASELINE")
copies=$(( (BIG_BYTES + baseline_bytes - 1) / baseline_bytes ))
# Every identifier that starts with hbi (the schema, and the publication
# hbi_hosts_pub_v1_0_2) gets the copy's number, so the copies do not collide.
for i in $(seq 1 "$copies"); do
    sed "s/\bhbi/hbi$i/g" "$ROOT/$BASELINE"
done >"$BIG"
big_bytes=$(wc -c <"$BIG")

# --- measuring ----------------------------------------------------------------
export XDG_CACHE_HOME=$OUT/cache   # the schema cache of case b, kept out of $HOME

# time NAME ROUNDS DIR ARGS...: interleaved wall time, current vs previous.
time_case() {
    local name=$1 rounds=$2 dir=$3; shift 3
    local line
    line=$(cd "$dir" && python3 "$ROOT/bench/timing.py" --rounds "$rounds" --warmup 1 "$CUR" "$PREV" -- "$@") \
        || die "case $name: timing failed ($*)"
    echo "{\"case\": \"$name\", \"kind\": \"time\", \"args\": \"$*\", \"data\": $line}" >>"$RESULTS"
}

# instructions BINARY DIR ARGS...: callgrind's total instruction count.
instructions() {
    local binary=$1 dir=$2; shift 2
    local file=$OUT/callgrind/$(basename "$(dirname "$binary")").$RANDOM.out
    # Swift seeds its hashing per process; a fixed seed makes the count repeat exactly.
    (cd "$dir" && SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file="$file" \
        "$binary" "$@" >/dev/null 2>"$file.log") || true
    local total
    total=$(sed -n 's/^totals: *//p; s/^summary: *//p' "$file" 2>/dev/null | head -n 1)
    [ -n "$total" ] || die "callgrind produced no count for $binary $* (see $file.log)"
    rm -f "$file" "$file.log"
    echo "$total"
}

count_case() {
    local name=$1 dir=$2; shift 2
    local cur prev
    cur=$(instructions "$CUR_S" "$dir" "$@")
    prev=$(instructions "$PREV_S" "$dir" "$@")
    echo "{\"case\": \"$name\", \"kind\": \"instructions\", \"args\": \"$*\", \"data\": {\"current\": $cur, \"previous\": $prev}}" >>"$RESULTS"
}

# Each case runs once first to check it works: a lint exits 0 or 1, never 2.
check_lint() {
    local name=$1 dir=$2; shift 2
    local code=0
    (cd "$dir" && "$CUR" "$@" >"$WORK/check.out" 2>&1) || code=$?
    if [ "$code" -ge 2 ]; then
        cat "$WORK/check.out" >&2
        die "case $name: replint $* exited $code"
    fi
}

if has_case a; then
    say "case a: lint of one small file, no configuration"
    check_lint a "$EMPTY" lint small.sql
    time_case a "$ROUNDS" "$EMPTY" lint small.sql
    count_case a "$EMPTY" lint small.sql
fi

if has_case b; then
    say "case b: lint with .replint.yml (baseline $BASELINE), warm cache and --no-schema-cache"
    check_lint b-warm "$ROOT" lint "$SMALL"
    time_case b-warm "$ROUNDS" "$ROOT" lint "$SMALL"
    count_case b-warm "$ROOT" lint "$SMALL"
    time_case b-nocache "$ROUNDS" "$ROOT" lint --no-schema-cache "$SMALL"
    count_case b-nocache "$ROOT" lint --no-schema-cache "$SMALL"
fi

if has_case c; then
    say "case c: lint of big.sql ($big_bytes bytes, $copies copies) and the model build of the same file"
    check_lint c-lint "$EMPTY" lint "$BIG"
    check_lint c-model "$EMPTY" lint --no-schema-cache --schema "$BIG" small.sql
    time_case c-lint "$BIG_ROUNDS" "$EMPTY" lint "$BIG"
    time_case c-model "$BIG_ROUNDS" "$EMPTY" lint --no-schema-cache --schema "$BIG" small.sql
    if [ "${BENCH_CALLGRIND_BIG:-1}" = 1 ]; then   # about 3 of the run's 5 minutes
        count_case c-lint "$EMPTY" lint "$BIG"
        count_case c-model "$EMPTY" lint --no-schema-cache --schema "$BIG" small.sql
    fi
fi

if has_case d; then
    say "case d: rehearse on an ephemeral cluster, without and with --schema"
    # No configuration in $EMPTY, so `without` really starts from an empty
    # database (the file then fails on the missing table: exit 1, expected).
    for variant in none schema; do
        set -- rehearse "$ROOT/$SMALL" --format json
        [ "$variant" = none ] || set -- "$@" --schema "$ROOT/$BASELINE"
        code=0
        (cd "$EMPTY" && "$CUR" "$@" >"$OUT/rehearse-$variant.json" 2>"$WORK/rehearse.err") || code=$?
        if [ "$code" -ge 2 ]; then
            cat "$WORK/rehearse.err" "$OUT/rehearse-$variant.json" >&2
            die "case d: replint $* exited $code (is PostgreSQL installed? make deps)"
        fi
        time_case "d-$variant" "$REHEARSE_ROUNDS" "$EMPTY" "$@"
    done
fi

if has_case e; then
    # Case e: the targets of the performance issue, against squawk 2.70 (PyPI
    # squawk-cli, in a venv of its own) and the C floor (bench/floor.c).
    VERSUS_ROUNDS=${BENCH_VERSUS_ROUNDS:-7}
    VENV=$OUT/venv
    if [ ! -x "$VENV/bin/squawk" ]; then
        say "installing squawk-cli 2.70.0 into bench/out/venv"
        python3 -m venv "$VENV" && "$VENV/bin/pip" install -q squawk-cli==2.70.0 \
            || die "cannot install squawk-cli 2.70.0 from PyPI"
    fi
    SQUAWK=$VENV/bin/squawk
    [ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install time)"
    command -v cc >/dev/null || die "cc not found (apt-get install gcc)"
    FLOOR=$OUT/floor
    cc -O2 -o "$FLOOR" "$ROOT/bench/floor.c" -lpg_query -lprotobuf-c || die "cannot build bench/floor.c"
    # The corpus: the repository's SQL that libpg_query parses whole, copied
    # into numbered folders until there are BENCH_CORPUS_FILES files.
    CORPUS=$OUT/inputs/corpus
    rm -rf "$CORPUS"; mkdir -p "$CORPUS"
    mapfile -t sources < <(cd "$ROOT" && "$FLOOR" --parses $(find Tests/Fixtures app_migrations -name '*.sql' | sort))
    [ "${#sources[@]}" -gt 0 ] || die "no fixture parses"
    want=${BENCH_CORPUS_FILES:-2000}
    n=0
    while [ "$n" -lt "$want" ]; do
        for src in "${sources[@]}"; do
            [ "$n" -lt "$want" ] || break
            dir=$CORPUS/$(( n / 100 ))
            mkdir -p "$dir"
            cp "$ROOT/$src" "$dir/$n-$(basename "$src")"
            n=$((n + 1))
        done
    done
    mapfile -t corpus_files < <(find "$CORPUS" -name '*.sql' | sort)
    corpus_bytes=$(cat "${corpus_files[@]}" | wc -c)

    versus() {   # versus NAME DIR REPLINT-ARGS ::: REFERENCE...
        local name=$1 dir=$2; shift 2
        local line
        line=$(cd "$dir" && python3 "$ROOT/bench/versus.py" --rounds "$VERSUS_ROUNDS" -- "$CUR_S" "$@") \
            || die "case $name: timing failed"
        echo "{\"case\": \"$name\", \"kind\": \"versus\", \"args\": \"\", \"data\": $line}" >>"$RESULTS"
    }
    peak_kb() { (cd "$1" && shift && /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1); }

    say "case e: ${#corpus_files[@]} files ($corpus_bytes bytes) and big.sql against squawk and the C floor"
    versus e-corpus-text "$EMPTY" lint --format text "$CORPUS" ::: "$SQUAWK" "${corpus_files[@]}"
    versus e-corpus-json "$EMPTY" lint --format json "$CORPUS" ::: "$FLOOR" "${corpus_files[@]}"
    versus e-big "$EMPTY" lint --jobs 1 "$BIG" ::: "$FLOOR" "$BIG"
    versus e-small "$EMPTY" lint small.sql ::: "$SQUAWK" small.sql
    versus e-small-config "$ROOT" lint "$SMALL" ::: "$SQUAWK" "$SMALL"
    replint_kb=$(peak_kb "$EMPTY" "$CUR_S" lint "$CORPUS")
    squawk_kb=$(peak_kb "$EMPTY" "$SQUAWK" "${corpus_files[@]}")
    echo "{\"case\": \"e-memory\", \"kind\": \"memory\", \"args\": \"\", \"data\": {\"replint_kb\": $replint_kb, \"squawk_kb\": $squawk_kb}}" >>"$RESULTS"
    echo "{\"case\": \"e-binary\", \"kind\": \"size\", \"args\": \"\", \"data\": {\"bytes\": $(wc -c <"$CUR_S")}}" >>"$RESULTS"
fi

# --- report -------------------------------------------------------------------
status=0
python3 "$ROOT/bench/report.py" "$RESULTS" "$OUT/latest.json" \
    "current=$describe $cur_sum" "previous=$prev_info $prev_sum" "big_bytes=$big_bytes" \
    "results_md=$ROOT/bench/results.md" "corpus_files=${corpus_files[*]+${#corpus_files[@]}}" \
    "rehearse_none=$OUT/rehearse-none.json" "rehearse_schema=$OUT/rehearse-schema.json" || status=$?
[ "$status" -le 1 ] || die "report failed"

# This build is what the next run compares against.
if [ "$CUR" != "$OUT/previous/replint" ]; then
    install -m 0755 "$CUR" "$OUT/previous/replint"
    cp "$OUT/current/info" "$OUT/previous/info"
fi
say "wrote bench/out/latest.json; this build is now bench/out/previous/replint"

if [ "$status" -ne 0 ] && [ "${BENCH_STRICT:-0}" = 1 ]; then
    exit 1
fi
exit 0

#!/bin/sh
# `make fuzz`: builds each libFuzzer harness (Fuzz/<name>/) with libFuzzer and
# AddressSanitizer, in a scratch path of its own, and runs it for
# FUZZ_SECONDS. The corpus each run grows lives in .build/fuzz/corpus/<name>;
# it starts from Fuzz/corpus/<kind>/ and the repository's fixtures. A crash,
# a sanitizer report, an input taking over 10 s or a run over FUZZ_RSS_MB
# stops the harness, writes the input to .build/fuzz/artifacts/ and fails.
set -eu
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-600}
rss=${FUZZ_RSS_MB:-2048}
harnesses=${FUZZ_HARNESSES:-"SQLDocumentFuzzer SchemaFuzzer RulesFuzzer ConfigurationFuzzer"}
scratch=.build/fuzz
swift=${SWIFT:-swift}
# libFuzzer reports a crash and saves its input; Swift's own backtracer would
# stop the process first (and can wait on it).
export SWIFT_BACKTRACE=enable=no
# A leak libpg_query makes on its own (Fuzz/lsan.supp says which).
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

# Which seed folder and which fixtures each harness starts from.
seeds() {
    case $1 in
        SQLDocumentFuzzer) echo "Fuzz/corpus/sql Fuzz/corpus/rules" ;;
        SchemaFuzzer) echo "Fuzz/corpus/schema" ;;
        RulesFuzzer) echo "Fuzz/corpus/rules Fuzz/corpus/sql" ;;
        ConfigurationFuzzer) echo "Fuzz/corpus/config" ;;
    esac
}
fixtures() {
    case $1 in
        ConfigurationFuzzer) find Tests/Fixtures deploy -name '*.yml' -size -64k; echo .replint.yml ;;
        *) find Tests/Fixtures app_migrations -name '*.sql' -size -64k ;;
    esac
}

mkdir -p "$scratch/artifacts"
for name in $harnesses; do
    # --sanitize fuzzer tells SwiftPM that libFuzzer supplies main; the
    # compiler needs one -sanitize=fuzzer,address after it: given two
    # -sanitize flags (what `--sanitize fuzzer --sanitize address` passes),
    # it keeps only the last, and nothing gets coverage instrumentation.
    REPLINT_FUZZ=1 $swift build -c release --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address \
        --scratch-path "$scratch" --product "$name"
done
bin=$(REPLINT_FUZZ=1 $swift build -c release --scratch-path "$scratch" --show-bin-path)

status=0
for name in $harnesses; do
    corpus="$scratch/corpus/$name"
    fromFixtures="$scratch/seeds/$name"
    mkdir -p "$corpus" "$fromFixtures"
    fixtures "$name" | while read -r file; do cp "$file" "$fromFixtures/$(echo "$file" | tr / _)"; done
    echo "== $name: $seconds s (corpus $corpus)"
    # The first folder collects what the run finds; the others only seed it.
    "$bin/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb="$rss" -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$scratch/artifacts/$name-" \
        "$corpus" $(seeds "$name") "$fromFixtures" || status=1
done
exit $status

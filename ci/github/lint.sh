#!/usr/bin/env bash
# The action's lint step. Two reports of the same paths: SARIF for code
# scanning, and Markdown (with the rehearsal, when asked) for the job summary
# and the pull-request comment; the rehearsal reports only as Markdown.
# It exits 0 whenever replint ran, whatever it found, so that the upload and
# the comment still happen; its `exit-code` output fails the job afterwards
# (ci/github/verdict.sh).
#
# Environment: REPLINT_BIN (the binary), REPLINT_PATHS (separated by spaces
# or newlines; empty: replint's default), REPLINT_CONFIG, REPLINT_FAIL_ON,
# REPLINT_REHEARSE (none, single or replication); GITHUB_OUTPUT and
# GITHUB_STEP_SUMMARY as the runner sets them; RUNNER_TEMP for the reports.
set -euo pipefail
: "${GITHUB_OUTPUT:?is set by the runner}" "${GITHUB_STEP_SUMMARY:?is set by the runner}"
replint=${REPLINT_BIN:?names the replint binary}

paths=()
while read -r -a words; do
    paths+=("${words[@]}")
done <<< "${REPLINT_PATHS:-}"

options=()
[ -z "${REPLINT_CONFIG:-}" ] || options+=(--config "$REPLINT_CONFIG")
[ -z "${REPLINT_FAIL_ON:-}" ] || options+=(--fail-on "$REPLINT_FAIL_ON")

case ${REPLINT_REHEARSE:-none} in
    none | "") rehearsal=() ;;
    single) rehearsal=(--rehearse) ;;
    replication) rehearsal=(--rehearse-replication) ;;
    *)
        echo "::error::rehearse must be none, single or replication, not \`$REPLINT_REHEARSE\`" >&2
        exit 2
        ;;
esac

reports=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/replint
mkdir -p "$reports"
sarif=$reports/replint.sarif
markdown=$reports/replint.md
rm -f "$sarif" "$markdown"

set +e
"$replint" lint "${paths[@]}" "${options[@]}" --format sarif --output "$sarif"
sarif_status=$?
"$replint" lint "${paths[@]}" "${options[@]}" "${rehearsal[@]}" --format markdown --output "$markdown"
markdown_status=$?
set -e

# 2 (could not lint) outranks 1 (findings), which outranks 0.
status=$((sarif_status > markdown_status ? sarif_status : markdown_status))
if [ -s "$sarif" ]; then
    echo "sarif=$sarif" >> "$GITHUB_OUTPUT"
fi
if [ -s "$markdown" ]; then
    echo "markdown=$markdown" >> "$GITHUB_OUTPUT"
    cat "$markdown" >> "$GITHUB_STEP_SUMMARY"
fi
echo "exit-code=$status" >> "$GITHUB_OUTPUT"

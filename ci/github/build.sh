#!/usr/bin/env bash
# The action's second step: the release binary, built from the action's own
# checkout; its path is the step's `replint` output.
set -euo pipefail
: "${GITHUB_OUTPUT:?is set by the runner}"
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
make -C "$source_dir" build
echo "replint=$source_dir/.build/release/replint" >> "$GITHUB_OUTPUT"

#!/usr/bin/env bash
# The action's last step: fails the job with replint's exit code, after the
# SARIF upload and the comment have had their turn.
set -euo pipefail
status=${REPLINT_EXIT_CODE:?is the exit-code output of the lint step}
case $status in
    0) echo "replint: nothing at error level" ;;
    1) echo "::error::replint found problems at the failing level: see the job summary or the code scanning alerts" ;;
    *) echo "::error::replint could not do its job (exit $status): see the lint step's log" ;;
esac
exit "$status"

#!/usr/bin/env bash
# Generate alembic offline SQL from the fixture project, with the log output
# that a real `make gen_offline_sql > FILE 2>&1` leaves in the file.
#
# usage: scripts/gen-alembic-fixture.sh DIR MODE [RANGE]
#   DIR    directory to write into (created if missing); the file is DIR/MODE.sql
#   MODE   default | app   (FIXTURE_LOG_FORMAT for the project's env.py)
#   RANGE  alembic revision range, default base:head (e.g. 7be7348f2798:b4c60b04ec87)
#
# Environment:
#   PYTHON              interpreter that has alembic installed (default: python3)
#   FIXTURE_LOG_STREAM  stdout | stderr, where the app format writes (default stdout)
#
# stdout and stderr of the alembic process both go to the one file, in the
# order the process wrote them, exactly as a shell redirection `> FILE 2>&1`.
# Prints the path of the written file. Exit 2 on bad arguments or when alembic
# is not installed; otherwise alembic's own exit status.
set -euo pipefail

usage() { echo "usage: $0 DIR default|app [RANGE]" >&2; exit 2; }
[ $# -ge 2 ] && [ $# -le 3 ] || usage
out_dir=$1
mode=$2
range=${3:-base:head}
case "$mode" in default|app) ;; *) usage ;; esac

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
project="$here/../Tests/Fixtures/alembic-project"
project=$(cd "$project" && pwd)
python=${PYTHON:-python3}

if ! "$python" -c 'import alembic' 2>/dev/null; then
    echo "$0: alembic is not installed for $python;" \
         "run: $python -m pip install -r $project/requirements.txt" >&2
    exit 2
fi

mkdir -p "$out_dir"
out_file="$(cd "$out_dir" && pwd)/$mode.sql"

status=0
(
    cd "$project"
    export FIXTURE_LOG_FORMAT="$mode"
    export PYTHONDONTWRITEBYTECODE=1
    unset PYTHONUNBUFFERED
    exec "$python" -m alembic -c "$project/alembic.ini" upgrade "$range" --sql
) > "$out_file" 2>&1 || status=$?

if [ "$status" -ne 0 ]; then
    echo "$0: alembic exited with status $status; output in $out_file" >&2
    exit "$status"
fi
echo "$out_file"

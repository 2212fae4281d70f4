#!/usr/bin/env bash
# The action's first step: the Debian packages replint builds and runs with
# (`make deps`), and make and curl for the action's own steps. Debian 12
# only: its packages, libpg_query's among them, differ by major version.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=/dev/null
. /etc/os-release 2>/dev/null || true
if [ "${ID:-}" != debian ] || [ "${VERSION_ID:-}" != 12 ]; then
    echo "::error::the replint action needs a Debian 12 job container (for example \`container: swift:6.3.1-bookworm\`), not ${PRETTY_NAME:-this system}" >&2
    exit 2
fi
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
missing=()
for tool in make curl; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
DEBIAN_FRONTEND=noninteractive make -C "$source_dir" deps

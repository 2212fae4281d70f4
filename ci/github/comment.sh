#!/usr/bin/env bash
# The action's comment step: creates, or updates, the one pull-request
# comment that holds replint's Markdown report. The comment is found again by
# a hidden marker, so every push updates it instead of adding another.
#
# Environment: REPLINT_MARKDOWN (the report), GITHUB_TOKEN, GITHUB_REPOSITORY,
# GITHUB_EVENT_PATH (the event's JSON: the pull request's number), and
# GITHUB_API_URL, as the runner sets them.
set -euo pipefail
: "${GITHUB_TOKEN:?is needed to comment}" "${GITHUB_REPOSITORY:?is set by the runner}"
: "${GITHUB_EVENT_PATH:?is set by the runner}" "${REPLINT_MARKDOWN:?names the Markdown report}"
api=${GITHUB_API_URL:-https://api.github.com}
marker='<!-- replint-report -->'

# "NUMBER", "fork", or nothing when the event is not about a pull request.
pull_request=$(python3 - "$GITHUB_EVENT_PATH" <<'PY'
import json, sys
pr = json.load(open(sys.argv[1], encoding="utf-8")).get("pull_request") or {}
head, base = (pr.get(side, {}).get("repo", {}).get("full_name") for side in ("head", "base"))
print("" if "number" not in pr else "fork" if head and base and head != base else pr["number"])
PY
)
case $pull_request in
    "") echo "replint: not a pull request event: no comment"; exit 0 ;;
    fork) echo "::notice::a pull request from a fork gets a read-only token: the report is in the job summary"; exit 0 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The token goes to curl in a file, never on its command line.
(umask 077 && printf 'Authorization: Bearer %s\n' "$GITHUB_TOKEN" > "$work/auth")

# METHOD URL [curl options]: the response's body on stdout; an HTTP error
# is reported with the API's own message and fails the step.
request() {
    local method=$1 url=$2 status
    shift 2
    status=$(curl -sS --max-time 60 -o "$work/response" -w '%{http_code}' -X "$method" \
        -H @"$work/auth" -H 'Accept: application/vnd.github+json' -H 'X-GitHub-Api-Version: 2022-11-28' \
        "$@" "$url")
    if [ "${status:0:1}" != 2 ]; then
        echo "replint: $method $url: HTTP $status: $(head -c 1000 "$work/response")" >&2
        return 1
    fi
    cat "$work/response"
}

comments=$api/repos/$GITHUB_REPOSITORY/issues/$pull_request/comments
id=
for page in $(seq 1 1000); do
    request GET "$comments?per_page=100&page=$page" > "$work/page"
    # "ID" of the first comment with the marker, "more" for a full page, else nothing.
    found=$(python3 - "$work/page" "$marker" <<'PY'
import json, sys
page = json.load(open(sys.argv[1], encoding="utf-8"))
ids = [c["id"] for c in page if sys.argv[2] in (c.get("body") or "")]
print(ids[0] if ids else "more" if len(page) >= 100 else "")
PY
)
    [ "$found" = more ] || { id=$found; break; }
done

# GitHub's limit is 65,536 characters; the marker's line comes off the report's share.
python3 - "$REPLINT_MARKDOWN" "$marker" > "$work/body.json" <<'PY'
import json, sys
marker = sys.argv[2]
report = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"body": marker + "\n" + report[: 65536 - len(marker) - 1]}))
PY

if [ -n "$id" ]; then
    request PATCH "$api/repos/$GITHUB_REPOSITORY/issues/comments/$id" \
        -H 'Content-Type: application/json' --data-binary @"$work/body.json" > /dev/null
    echo "replint: updated comment $id on pull request #$pull_request"
else
    request POST "$comments" -H 'Content-Type: application/json' --data-binary @"$work/body.json" > /dev/null
    echo "replint: commented on pull request #$pull_request"
fi

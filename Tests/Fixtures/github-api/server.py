"""A stand-in for the part of GitHub's REST API that ci/github/comment.sh
uses: list a pull request's comments (paginated), create one, update one.
Listens on 127.0.0.1 on a port of the system's choosing, writes that port to
--port-file once it listens, appends every request it receives as one JSON
line to --record, and exits by itself after --lifetime seconds.

    python3 server.py --port-file F --record F --token T [--existing N] [--lifetime S]
"""
import argparse
import json
import os
import re
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit

parser = argparse.ArgumentParser()
parser.add_argument("--port-file", required=True)
parser.add_argument("--record", required=True)
parser.add_argument("--token", required=True)
parser.add_argument("--existing", type=int, default=0, help="other people's comments already on the pull request")
parser.add_argument("--lifetime", type=float, default=60)
args = parser.parse_args()

comments = [{"id": 1000 + n, "body": f"comment {n}", "user": {"login": "someone"}} for n in range(args.existing)]
LIST = re.compile(r"^/repos/([^/]+/[^/]+)/issues/(\d+)/comments$")
ONE = re.compile(r"^/repos/([^/]+/[^/]+)/issues/comments/(\d+)$")


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *_):
        pass

    def answer(self, status, value):
        data = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        with open(args.record, "a", encoding="utf-8") as record:
            record.write(json.dumps({"method": self.command, "path": url.path, "query": parse_qs(url.query),
                                     "authorized": self.headers.get("Authorization") == f"Bearer {args.token}",
                                     "body": json.loads(body) if body else None}) + "\n")
        if self.headers.get("Authorization") != f"Bearer {args.token}":
            return self.answer(401, {"message": "Bad credentials"})
        listed, one = LIST.match(url.path), ONE.match(url.path)
        if self.command == "GET" and listed:
            query = parse_qs(url.query)
            per_page = min(int(query.get("per_page", ["30"])[0]), 100)
            page = int(query.get("page", ["1"])[0])
            return self.answer(200, comments[(page - 1) * per_page: page * per_page])
        if self.command == "POST" and listed:
            comment = {"id": 5000 + len(comments), "body": json.loads(body)["body"], "user": {"login": "github-actions[bot]"}}
            comments.append(comment)
            return self.answer(201, comment)
        if self.command == "PATCH" and one:
            for comment in comments:
                if comment["id"] == int(one.group(2)):
                    comment["body"] = json.loads(body)["body"]
                    return self.answer(200, comment)
        return self.answer(404, {"message": "Not Found"})

    do_GET = do_POST = do_PATCH = handle_any


server = HTTPServer(("127.0.0.1", 0), Handler)
server.timeout = 0.5
# Written under another name, then renamed: the test never reads half a port.
with open(args.port_file + ".tmp", "w", encoding="utf-8") as port:
    port.write(str(server.server_address[1]))
os.rename(args.port_file + ".tmp", args.port_file)
deadline = time.monotonic() + args.lifetime
while time.monotonic() < deadline:
    server.handle_request()

#!/usr/bin/env python3
# The HTTP benchmark's helper (bench/http-bench.sh): fills the sandbox through the service's
# own routes over one keep-alive connection, fetches an answer with its ETag, times answers
# that miss the answer cache, and adds tokens straight into the SQLite file (100,000 through
# the API would take minutes; the benchmark asks what listing servers costs with them there).
#   http-bench.py URL SESSION-FILE servers N
#   http-bench.py URL SESSION-FILE tokens N SERVER
#   http-bench.py URL SESSION-FILE fetch PATH BODY-FILE      (prints the ETag)
#   http-bench.py URL SESSION-FILE misses N FIRST-LIMIT      (prints median and p90 in ms)
#   http-bench.py URL SESSION-FILE bulk-tokens DB-FILE N     (SQLite, as the service keeps them)
#   http-bench.py URL SESSION-FILE report RESULTS NGINX-ROOT MISSES-FEW MISSES-MANY TOKENS/S
#                                          LOG-LINES LOGGING-RULES  (the table beside the goals)
import collections
import http.client
import os
import json
import random
import sqlite3
import statistics
import sys
import time
import urllib.parse


def die(message):
    print(f"http-bench.py: {message}", file=sys.stderr)
    sys.exit(1)


class Api:
    def __init__(self, url, session_file):
        parsed = urllib.parse.urlsplit(url)
        self.conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
        with open(session_file) as f:
            self.auth = "Bearer " + json.load(f)["token"]

    def call(self, method, path, body=None, expect=200):
        headers = {"Authorization": self.auth}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        self.conn.request(method, path, body=data, headers=headers)
        answer = self.conn.getresponse()
        payload = answer.read()
        if answer.status != expect:
            die(f"{method} {path} answered {answer.status}: {payload[:300]!r}")
        return answer, payload


def create_servers(api, count):
    for i in range(1, count + 1):
        api.call("POST", "/v1/connect/servers",
                 {"name": f"bench-{i}", "vaults": ["Kubernetes"]}, 201)


def create_tokens(api, count, server):
    started = time.monotonic()
    for i in range(1, count + 1):
        api.call("POST", "/v1/connect/tokens", {"name": f"bench token {i}", "server": server}, 201)
    print(f"{count / (time.monotonic() - started):.0f}")  # tokens/s, one connection


def fetch(api, path, body_file):
    answer, payload = api.call("GET", path)
    with open(body_file, "wb") as f:
        f.write(payload)
    etag = answer.getheader("ETag")
    if not etag:
        die(f"GET {path} has no ETag")
    print(etag)


def misses(api, count, first_limit):
    # Each limit is a request the cache has not seen: the answer is made from the database.
    for limit in range(first_limit - 50, first_limit):  # warm-up, not counted
        api.call("GET", f"/v1/connect/servers?limit={limit}")
    times = []
    for limit in range(first_limit, first_limit + count):
        started = time.perf_counter()
        api.call("GET", f"/v1/connect/servers?limit={limit}")
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    print(f"{statistics.median(times):.3f} {times[int(len(times) * 0.9)]:.3f}")


def bulk_tokens(api, db_file, count):
    # One row per token as Store::insertToken writes it (no vault rows: listing servers does
    # not read them), spread over the account's servers; half expire in 90 days, so they are
    # in the partial index the servers' active-token counts read.
    _, payload = api.call("GET", "/v1/connect/servers?limit=1000")
    servers = [s["id"] for s in json.loads(payload)["items"]]
    _, payload = api.call("GET", "/v1/auth/sessions/current")
    creator = json.loads(payload)["user"]["id"]
    alphabet = "abcdefghijklmnopqrstuvwxyz234567"
    now = int(time.time() * 1000)
    rows = []
    per_server = {}
    for i in range(count):
        server = servers[i % len(servers)]
        per_server[server] = per_server.get(server, 0) + 1
        token_id = "".join(random.choice(alphabet) for _ in range(26))
        expires = now + 90 * 86400 * 1000 if i % 2 else None
        rows.append((token_id, server, f"bulk token {i}", now, expires, creator))
    db = sqlite3.connect(db_file, timeout=60)
    with db:
        db.executemany("INSERT INTO tokens (id, server_id, name, created_at, expires_at, "
                       "revoked_at, creator_id) VALUES (?, ?, ?, ?, ?, NULL, ?)", rows)
        db.executemany("UPDATE servers SET live_tokens = live_tokens + ? WHERE id = ?",
                       [(n, s) for s, n in per_server.items()])
    # as the service's own checkpoints would leave the file after such a write
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def report(results, root, misses_few, misses_many, token_rate, log_lines, rules):
    runs = collections.defaultdict(list)
    with open(results) as f:
        for line in f:
            page, connections, target, rps = line.split()
            runs[(page, int(connections), target)].append(float(rps))

    def median(key):
        return statistics.median(runs[key]) if runs[key] else 0.0

    def name(page):
        with open(os.path.join(root, page + ".json"), "rb") as f:
            body = f.read()
        items = len(json.loads(body)["items"])
        what = "tokens" if page.startswith("tokens") else "servers"
        return f"page of {items} {what} ({len(body) / 1024:.1f} KB)"

    print()
    print(f"{'answer':<30}{'wrk':>5}{'service/s':>11}{'nginx/s':>10}{'ratio':>7}  goal >= 0.9; rounds")
    for connections in (20, 50):
        for page in ("servers100", "tokens500", "servers2"):
            s, n = median((page, connections, "service")), median((page, connections, "nginx"))
            rounds = ", ".join(f"{x:.0f}" for x in runs[(page, connections, "service")]) + " / " + \
                ", ".join(f"{x:.0f}" for x in runs[(page, connections, "nginx")])
            print(f"{name(page):<30}{'-c' + str(connections):>5}{s:>11.0f}{n:>10.0f}"
                  f"{(s / n if n else 0):>7.3f}  {rounds}")
    for connections in (20, 50):
        full = median(("servers100", connections, "service"))
        not_modified = median(("servers100", connections, "304"))
        if not_modified:
            print(f"304 to the servers page, -c{connections}: {not_modified:.0f}/s; cost of a 304 / "
                  f"cost of the full answer: {full / not_modified:.3f} (goal <= 0.1)")
        nginx_full = median(("servers100", connections, "nginx"))
        nginx_not_modified = median(("servers100", connections, "nginx304"))
        if nginx_not_modified:
            print(f"  nginx's 304 to the same page, -c{connections}: {nginx_not_modified:.0f}/s; "
                  f"its cost / its full answer's: {nginx_full / nginx_not_modified:.3f}")
    few50, few90 = (float(x) for x in misses_few.split())
    many50, many90 = (float(x) for x in misses_many.split())
    print(f"GET /v1/connect/servers not yet cached (250 requests, one connection): median "
          f"{few50:.2f} ms (p90 {few90:.2f}) with 100 tokens, {many50:.2f} ms (p90 {many90:.2f}) "
          f"with 100,000: {many50 / few50:.2f}x (goal <= 1.2x)")
    one, eight, thirty_two = token_rate.split()
    print(f"token creation: {float(eight):.0f} tokens/s from wrk -c8, "
          f"{float(thirty_two):.0f} from wrk -c32 (goal >= 2,000); "
          f"{one} tokens/s over one connection, one after another")
    print()
    print(f"nproc: {os.cpu_count()}. Note: wrk runs on the same machine and shares the cores with "
          "the server under test, so both figures are lower than with a separate load generator.")
    print(f"service log: {log_lines} lines on stderr"
          + (f" (QT_LOGGING_RULES={rules})" if rules else " (default logging)"))


def main():
    if len(sys.argv) < 4:
        die("usage: http-bench.py URL SESSION-FILE COMMAND ...")
    api = Api(sys.argv[1], sys.argv[2])
    command, args = sys.argv[3], sys.argv[4:]
    if command == "servers":
        create_servers(api, int(args[0]))
    elif command == "tokens":
        create_tokens(api, int(args[0]), args[1])
    elif command == "fetch":
        fetch(api, args[0], args[1])
    elif command == "misses":
        misses(api, int(args[0]), int(args[1]))
    elif command == "bulk-tokens":
        bulk_tokens(api, args[0], int(args[1]))
    elif command == "report":
        report(*args)
    else:
        die(f"unknown command {command}")


if __name__ == "__main__":
    main()

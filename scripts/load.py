#!/usr/bin/env python3
"""Load clients for the benchmarks (standard library only; loopback only).

  load.py writes BASE TOKEN CLIENTS WRITES      people created at once: statuses, p50/p95/p99, lost writes
  load.py logins BASE CLIENTS TOTAL [spread]    failed logins at once (spread: one X-Forwarded-For per client)
  load.py seq BASE COOKIE PATH N                N sequential GETs: p50/p95/p99 in ms

Each prints one line of `key=value` pairs that the bench script turns into a table.
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse


def conn(base):
    u = urllib.parse.urlparse(base)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=60)


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def request(c, method, path, body=None, headers=None):
    h = {"content-type": "application/json"} if body is not None else {}
    h.update(headers or {})
    t0 = time.perf_counter()
    c.request(method, path, body=json.dumps(body) if body is not None else None, headers=h)
    r = c.getresponse()
    data = r.read()
    return r.status, time.perf_counter() - t0, data


def writes(base, token, clients, per_client):
    statuses, latencies, created = [], [], []
    lock = threading.Lock()
    run = str(int(time.time() * 1000))[-6:]

    def client(i):
        c = conn(base)
        for j in range(per_client):
            body = {
                "full_name_ar": f"عضو الحمل {i} {j}",
                "gender": "female" if j % 2 else "male",
                "member_number": f"LD{run}-{i:03}-{j:03}",
            }
            try:
                s, t, data = request(c, "POST", "/api/v1/people", body, {"authorization": f"Bearer {token}"})
            except Exception:
                s, t, data = 599, 0.0, b""
                c = conn(base)
            with lock:
                statuses.append(s)
                latencies.append(t)
                if s == 200:
                    created.append(json.loads(data)["id"])

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    # Every acknowledged write must read back.
    c = conn(base)
    lost = 0
    for pid in created:
        s, _, _ = request(c, "GET", f"/api/v1/people/{pid}", headers={"authorization": f"Bearer {token}"})
        lost += s != 200
    print(
        f"n={len(statuses)} ok={statuses.count(200)} s5xx={sum(s >= 500 for s in statuses)} lost={lost} "
        f"p50={pct(latencies, .5) * 1000:.1f} p99={pct(latencies, .99) * 1000:.1f} rps={len(statuses) / elapsed:.0f}"
    )


def logins(base, clients, total, spread):
    statuses = []
    lock = threading.Lock()
    counter = iter(range(total))

    def client(i):
        c = conn(base)
        while True:
            with lock:
                k = next(counter, None)
            if k is None:
                return
            headers = {"x-forwarded-for": f"10.{i // 250}.{i % 250}.{k % 250}"} if spread else {}
            try:
                s, _, _ = request(c, "POST", "/api/v1/auth/login", {"login": f"nobody{k}", "password": "wrong-password-1"}, headers)
            except Exception:
                s = 599
                c = conn(base)
            with lock:
                statuses.append(s)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    codes = {s: statuses.count(s) for s in sorted(set(statuses))}
    print(f"n={len(statuses)} s5xx={sum(s >= 500 for s in statuses)} codes={codes} secs={elapsed:.1f}".replace(" ", " ").replace(", ", ","))


def seq(base, cookie, path, n):
    c = conn(base)
    headers = {"cookie": f"majlis_session={cookie}"}
    for _ in range(20):
        request(c, "GET", path, headers=headers)
    lat, bad = [], 0
    for _ in range(n):
        s, t, _ = request(c, "GET", path, headers=headers)
        bad += s != 200
        lat.append(t)
    print(f"p50={pct(lat, .5) * 1000:.1f} p95={pct(lat, .95) * 1000:.1f} p99={pct(lat, .99) * 1000:.1f} bad={bad}")


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "writes":
        writes(args[0], args[1], int(args[2]), int(args[3]))
    elif mode == "logins":
        logins(args[0], int(args[1]), int(args[2]), len(args) > 3 and args[3] == "spread")
    elif mode == "seq":
        seq(args[0], args[1], args[2], int(args[3]))
    else:
        sys.exit(__doc__)

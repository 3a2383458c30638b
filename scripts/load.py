#!/usr/bin/env python3
"""Load clients for the benchmarks (standard library only; loopback only).

  load.py writes BASE TOKEN CLIENTS WRITES      people created at once: statuses, p50/p95/p99, lost writes
  load.py logins BASE CLIENTS TOTAL [spread]    failed logins at once (spread: one X-Forwarded-For per client)
  load.py seq BASE COOKIE PATH N                N sequential GETs: p50/p95/p99 in ms
  load.py comments BASE SLUG CLIENTS PER RUN    commenters at once, each from its own address
                                                (X-Forwarded-For), PER comments 15.5 s apart,
                                                plus one flood (429 wanted) and one duplicate (409)

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


def crowd(client, clients):
    """Runs client(0..clients) at once on their own threads; seconds taken."""
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0


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

    elapsed = crowd(client, clients)
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

    elapsed = crowd(client, clients)
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


def comments(base, slug, clients, per, run):
    """Commenters as a browser makes them: the form's token, 4 s on the form,
    the comment; then the next one 15.5 s later (under the flood limit)."""
    path = urllib.parse.quote(f"/p/{slug}")
    codes, latencies = {}, []
    lock = threading.Lock()

    def text(i, k):
        return f"bench-comment-{run} تعليق رقم {k} من المعلق {i}"

    def post(c, headers, i, body_text):
        s, _, data = request(c, "GET", f"{path}/token", headers=headers)
        token = json.loads(data)["t"] if s == 200 else ""
        time.sleep(4.1)
        form = urllib.parse.urlencode({"t": token, "parent_id": "", "name": f"معلق {i}",
                                       "email": f"bench{run}-{i}@example.org", "text": body_text, "website": ""})
        h = dict(headers, **{"content-type": "application/x-www-form-urlencoded"})
        t0 = time.perf_counter()
        c.request("POST", f"{path}/comments", body=form.encode(), headers=h)
        r = c.getresponse()
        r.read()
        return r.status, time.perf_counter() - t0

    def client(i):
        c = conn(base)
        headers = {"x-forwarded-for": f"10.{i // 250}.{i % 250}.7"}
        mine = []
        plan = [("ok", text(i, k)) for k in range(per)]
        plan.insert(1, ("flood", text(i, "flood")))
        plan.append(("dupe", text((i + 1) % clients, 0)))
        last = 0.0
        for kind, body_text in plan:
            if kind != "flood":
                time.sleep(max(0.0, last + 15.5 - 4.1 - time.monotonic()))
            try:
                s, t = post(c, headers, i, body_text)
            except Exception:
                s, t = 599, 0.0
                c = conn(base)
            if s == 303:
                last = time.monotonic()
            mine.append((kind, s, t))
        with lock:
            for kind, s, t in mine:
                codes.setdefault(kind, {}).setdefault(s, 0)
                codes[kind][s] += 1
                latencies.append(t)

    elapsed = crowd(client, clients)
    s5xx = sum(n for by in codes.values() for s, n in by.items() if s >= 500)
    fmt = lambda kind: "/".join(f"{s}:{n}" for s, n in sorted(codes.get(kind, {}).items()))
    print(f"accepted={codes.get('ok', {}).get(303, 0)} ok_codes={fmt('ok')} flood_codes={fmt('flood')} "
          f"dupe_codes={fmt('dupe')} s5xx={s5xx} p50={pct(latencies, .5) * 1000:.1f} "
          f"p99={pct(latencies, .99) * 1000:.1f} secs={elapsed:.0f}")


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "writes":
        writes(args[0], args[1], int(args[2]), int(args[3]))
    elif mode == "logins":
        logins(args[0], int(args[1]), int(args[2]), len(args) > 3 and args[3] == "spread")
    elif mode == "comments":
        comments(args[0], args[1], int(args[2]), int(args[3]), args[4])
    elif mode == "seq":
        seq(args[0], args[1], args[2], int(args[3]))
    else:
        sys.exit(__doc__)

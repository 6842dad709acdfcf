"""API latency under load, from a second process on loopback.

Fills a store with synthetic analysed articles (no NLP run: ``service.synth`` builds
documents with exact offsets), starts ``allegiance serve`` on it in a subprocess, then
runs ``--clients`` concurrent clients for ``--duration`` seconds against two requests:

* the article page's API call: ``GET /api/articles/{id}`` for a random stored article;
* a filtered event query: ``GET /api/events?type=..&actor=..&date_from=..&date_to=..``.

It prints p50/p90/p99 latency and throughput per request kind, and the error count
(any non-200 answer or transport error). Example (the numbers in the report)::

    python benchmarks/api_load.py --articles 10000 --clients 20 --duration 60

Use ``--db postgresql://...`` to measure the PostgreSQL backend instead.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from allegiance.service.synth import ACTORS, VERBS, synthetic_corpus
from allegiance.storage import open_store


def build_store(db: str, n: int) -> list[str]:
    store = open_store(db)
    have = store.count_articles()
    if have < n:
        print(f"storing {n - have} synthetic articles in {db} ...", file=sys.stderr)
        t0 = time.time()
        for i, doc in enumerate(synthetic_corpus(n, seed=42)):
            if i >= have:
                store.save_document(doc)
        print(f"  done in {time.time() - t0:.1f}s", file=sys.stderr)
    ids = [r["id"] for r in store.query("SELECT id FROM articles")]
    n_events = store.query("SELECT count(*) AS n FROM events")[0]["n"]
    print(f"store: {len(ids)} articles, {n_events} events", file=sys.stderr)
    store.close()
    return ids


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(q / 100 * (len(values) - 1))))
    return values[k]


async def client_loop(base: str, ids: list[str], until: float, seed: int,
                      lat: dict[str, list[float]], errors: dict[str, int]) -> None:
    rng = random.Random(seed)
    codes = [a[0] for a in ACTORS]
    types = sorted(VERBS)
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        i = 0
        while time.monotonic() < until:
            kind = "article" if i % 2 == 0 else "events"
            i += 1
            if kind == "article":
                url, params = f"/api/articles/{rng.choice(ids)}", None
            else:
                year = rng.choice([2023, 2024])
                m = rng.randint(1, 10)
                url = "/api/events"
                params = {"type": rng.choice(types), "actor": rng.choice(codes),
                          "date_from": f"{year}-{m:02d}-01",
                          "date_to": f"{year}-{m + 2:02d}-28", "limit": 50}
            t0 = time.perf_counter()
            try:
                r = await client.get(url, params=params)
                ok = r.status_code == 200 and len(r.content) > 0
            except httpx.HTTPError:
                ok = False
            dt = (time.perf_counter() - t0) * 1000
            if ok:
                lat[kind].append(dt)
            else:
                errors[kind] += 1


async def run_load(base: str, ids: list[str], clients: int, duration: float
                   ) -> tuple[dict[str, list[float]], dict[str, int]]:
    lat: dict[str, list[float]] = {"article": [], "events": []}
    errors = {"article": 0, "events": 0}
    until = time.monotonic() + duration
    await asyncio.gather(*(client_loop(base, ids, until, i, lat, errors)
                           for i in range(clients)))
    return lat, errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", help="store to use (default: a temporary SQLite file)")
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--duration", type=float, default=60.0)
    ap.add_argument("--warmup", type=float, default=3.0)
    ap.add_argument("--json", help="also write the numbers to this JSON file")
    args = ap.parse_args()

    tmp = None
    db = args.db
    if not db:
        tmp = tempfile.mkdtemp(prefix="allegiance-bench-")
        db = str(Path(tmp) / "bench.db")
    ids = build_store(db, args.articles)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "allegiance.service.commands", "--db", db, "--port", str(port),
         "--no-fetch", "--log-level", "warning"],
        env={**os.environ, "ALLEGIANCE_TOKEN": ""})
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            print("server did not start", file=sys.stderr)
            return 1
        if args.warmup:
            asyncio.run(run_load(base, ids, args.clients, args.warmup))
        t0 = time.monotonic()
        lat, errors = asyncio.run(run_load(base, ids, args.clients, args.duration))
        elapsed = time.monotonic() - t0
    finally:
        server.terminate()
        server.wait(15)
    result: dict[str, object] = {"articles": len(ids), "clients": args.clients,
                                 "duration_s": round(elapsed, 1), "backend": db.split(":")[0]
                                 if "://" in db else "sqlite"}
    print(f"{'request':<34}{'n':>8}{'req/s':>8}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}"
          f"{'mean':>8}{'errors':>8}")
    labels = {"article": "GET /api/articles/{id}", "events": "GET /api/events?type&actor&dates"}
    for kind, values in lat.items():
        row = {"n": len(values), "rps": round(len(values) / elapsed, 1),
               "p50_ms": round(pct(values, 50), 1), "p90_ms": round(pct(values, 90), 1),
               "p99_ms": round(pct(values, 99), 1),
               "mean_ms": round(statistics.fmean(values), 1) if values else None,
               "errors": errors[kind]}
        result[kind] = row
        print(f"{labels[kind]:<34}{row['n']:>8}{row['rps']:>8}{row['p50_ms']:>9}"
              f"{row['p90_ms']:>9}{row['p99_ms']:>9}{row['mean_ms']:>8}{row['errors']:>8}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    return 0 if not any(errors.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())

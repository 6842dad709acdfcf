"""Scale benchmark of the network stage: 1,000,000 synthetic events, 200 actors, 5 years.

Generates an encoded event stream (numpy columns; generation is not timed) in which actors
belong to 4 hidden camps (the 3 most active change camp halfway: planted
realignments) -- events inside a camp are mostly cooperative, across camps mostly
conflictual -- with Zipf-like actor activity and a PLOVER-like mix of types and statuses.
Then times, separately: encoding the columns into an ``EventTable`` (signs and status
weights), and ``build_network`` -- aggregating every monthly window and the whole period and
running blocs, hubs and realignments on each. Prints seconds, peak RSS, how well the
whole-period blocs recover the hidden camps (purity, against the late camps), and how many
of the 20 highest-ranked realignments are planted ones. Run from the repository root:

    .venv/bin/python benchmarks/network_scale.py
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

import numpy as np

from allegiance.network.build import build_network
from allegiance.network.config import (
    CONFLICTUAL_TYPES,
    COOPERATIVE_TYPES,
    NetworkConfig,
)
from allegiance.network.table import parse_day, table_from_arrays

STATUSES = ["asserted", "reported", "hypothetical", "future", "denied", "negated"]
STATUS_P = [0.55, 0.3, 0.05, 0.05, 0.03, 0.02]


def synth(n_events: int, n_actors: int, years: int, camps: int,
          seed: int) -> tuple[dict[str, object], np.ndarray]:
    rng = np.random.default_rng(seed)
    actors = [f"A{i:03d}" for i in range(n_actors)]
    camp = rng.integers(0, camps, n_actors)
    pop = 1.0 / np.arange(1, n_actors + 1) ** 0.8
    pop /= pop.sum()
    src = rng.choice(n_actors, n_events, p=pop).astype(np.int32)
    tgt = rng.choice(n_actors, n_events, p=pop).astype(np.int32)
    first = parse_day("2020-01-01") or 0
    day = (first + rng.integers(0, 365 * years + years // 4, n_events)).astype(np.int32)
    types = list(COOPERATIVE_TYPES) + list(CONFLICTUAL_TYPES) + ["REQUEST"]
    nc, nk = len(COOPERATIVE_TYPES), len(CONFLICTUAL_TYPES)
    # planted realignments: the 3 most active actors change camp halfway through
    mid = first + (365 * years) // 2
    moved = np.arange(min(3, n_actors))
    late = np.array(camp)
    late[moved] = (camp[moved] + 1) % camps
    now = np.where((day >= mid)[:, None], np.stack([late[src], late[tgt]], 1),
                   np.stack([camp[src], camp[tgt]], 1))
    friendly = now[:, 0] == now[:, 1]
    coop_prob = np.where(friendly, 0.85, 0.15)
    is_coop = rng.random(n_events) < coop_prob
    type_id = np.where(is_coop, rng.integers(0, nc, n_events),
                       nc + rng.integers(0, nk, n_events))
    type_id = np.where(rng.random(n_events) < 0.05, nc + nk, type_id).astype(np.int16)
    status_id = rng.choice(len(STATUSES), n_events, p=STATUS_P).astype(np.int8)
    cols = {"actors": actors, "day": day, "src": src, "tgt": tgt, "types": types,
            "type_id": type_id, "statuses": STATUSES, "status_id": status_id}
    cols["_mid"] = mid
    cols["_moved"] = moved
    return cols, late


def purity(labels: np.ndarray, truth: np.ndarray) -> float:
    """Share of actors in the majority hidden camp of their bloc."""
    ok = 0
    for b in np.unique(labels):
        members = truth[labels == b]
        ok += int(np.bincount(members).max())
    return ok / max(labels.size, 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--actors", type=int, default=200)
    ap.add_argument("--years", type=int, default=5)
    ap.add_argument("--camps", type=int, default=4)
    ap.add_argument("--window", default="month", choices=["day", "week", "month"])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, default=None, help="also write the numbers here")
    args = ap.parse_args(argv)

    cols, camp = synth(args.events, args.actors, args.years, args.camps, args.seed)
    mid, moved = int(cols.pop("_mid")), set(cols.pop("_moved").tolist())  # type: ignore[union-attr]
    config = NetworkConfig(window=args.window)
    t0 = time.perf_counter()
    table = table_from_arrays(config=config, **cols)  # type: ignore[arg-type]
    t1 = time.perf_counter()
    res = build_network(table, config)
    t2 = time.perf_counter()

    glob = {int(g): int(b) for g, b in zip(res.overall.matrices.nodes,
                                           res.overall.blocs.labels, strict=True)}
    labels = np.array([glob.get(i, -1) for i in range(args.actors)])
    out = {
        "events": args.events, "actors": args.actors, "years": args.years,
        "window": args.window, "windows": len(res.windows),
        "events_on_map": len(table), "edges": int(res.agg.src.shape[0]),
        "seconds_encode": round(t1 - t0, 3), "seconds_build": round(t2 - t1, 3),
        "seconds_total": round(t2 - t0, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1),
        "blocs_whole_period": int(len(set(labels.tolist()) - {-1})),
        "bloc_purity": round(purity(labels, camp), 3),
        "realignments": len(res.realignments),
        "top20_realignments_planted": sum(
            1 for r in res.realignments[:20]
            if {r.a, r.b} & moved and abs(int(res.agg.windows.start[r.w_to]) - mid) <= 31),
        "top_hub": res.table.actors[int(res.overall.matrices.nodes[
            int(res.overall.hubs.score.argmax())])],
    }
    width = max(len(k) for k in out)
    for k, v in out.items():
        print(f"{k:<{width}}  {v}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

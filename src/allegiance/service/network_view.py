"""The web interface's alliance network: the network stage's analysis over the stored events.

The stage's usual entry point (``network_payload``) reads whole :class:`Document` objects,
which costs seconds per window on a large store. Here the events come straight from the
store's flat ``events`` table (one SQL query, a few columns), are encoded into the stage's
``EventTable`` with ``table_from_arrays`` and analysed with ``build_network`` -- the same
directions, status weights, windows, colour-stable blocs and hub scores as the report, for
every window at once. The result is cached per (store state, window kind, families state);
one window's graph is then a slice of it, and an edge's evidence (its events and their
sentences) is read from the store only when someone opens that edge.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from ..storage import Store

log = logging.getLogger(__name__)


@dataclass
class StoredNetwork:
    """A built network and, per table row, the stored event it came from."""

    result: Any  # allegiance.network.build.NetworkResult
    article: list[str]  # per input row: article id
    idx: np.ndarray  # per input row: event index in the article
    positions: dict[str, tuple[float, float]]
    windows: list[dict[str, Any]]
    cache: dict[str, dict[str, Any]]


def _excluded(store: Store, families: list[dict[str, Any]] | None) -> set[str]:
    """Articles whose events do not count: copies of a story whose original is counted."""
    out: set[str] = set()
    for fam in families or []:
        origin = fam.get("origin")
        copies = [str(c) for c in fam.get("copies") or fam.get("republished") or []
                  if c != origin]
        if not copies:
            continue
        if origin is None:  # no origin in the store: the earliest copy stands in for it
            marks = ",".join("?" * len(copies))
            rows = store.query(f"SELECT id FROM articles WHERE id IN ({marks})"
                               " ORDER BY coalesce(published, '9999'), id", copies)
            copies = [r["id"] for r in rows][1:]
        out.update(copies)
    return out


def build_stored_network(store: Store, window: str,
                         families: list[dict[str, Any]] | None = None) -> StoredNetwork:
    """Read the coded events of the store and analyse every ``window`` (month or week)."""
    from ..network.build import build_network
    from ..network.config import NetworkConfig
    from ..network.stage import layout_positions
    from ..network.table import normalise_actor, parse_day, table_from_arrays

    config = NetworkConfig(window=window)
    rows = store.query(
        "SELECT article_id, idx, type, status, date, source_code, source_sector, target_code,"
        " target_sector FROM events ORDER BY article_id, idx")
    skip = _excluded(store, families)
    actors: dict[str, int] = {}
    types: dict[str, int] = {}
    statuses: dict[str, int] = {}
    days: dict[str, int | None] = {}
    norm: dict[tuple[str, str | None], str] = {}
    no_code = no_date = republished = 0
    art: list[str] = []
    idx: list[int] = []
    day: list[int] = []
    src: list[int] = []
    tgt: list[int] = []
    tid: list[int] = []
    sid: list[int] = []

    def actor(code: str, sector: str | None) -> int:
        key = (code, sector)
        name = norm.get(key)
        if name is None:
            name = norm[key] = normalise_actor(code, sector, config)
        return actors.setdefault(name, len(actors))

    for r in rows:
        if r["article_id"] in skip:
            republished += 1
            continue
        if not r["source_code"] or not r["target_code"]:
            no_code += 1
            continue
        date = r["date"] or ""
        if date not in days:
            days[date] = parse_day(date)
        d = days[date]
        if d is None:
            no_date += 1
            continue
        art.append(r["article_id"])
        idx.append(int(r["idx"]))
        day.append(d)
        src.append(actor(r["source_code"], r["source_sector"]))
        tgt.append(actor(r["target_code"], r["target_sector"]))
        tid.append(types.setdefault(str(r["type"]).upper(), len(types)))
        sid.append(statuses.setdefault(str(r["status"]), len(statuses)))
    table = table_from_arrays(list(actors), np.array(day, np.int64), np.array(src, np.int64),
                              np.array(tgt, np.int64), list(types), np.array(tid, np.int64),
                              list(statuses), np.array(sid, np.int64), config)
    table.stats.update(events_total=len(rows), skipped_no_code=no_code,
                       skipped_no_date=no_date, skipped_republished=republished)
    table.names = _names(store, list(actors))
    result = build_network(table, config)
    windows = []
    for w in result.windows:
        sl = result.agg.window_slice(w.index)
        windows.append({"label": w.label, "start": w.start, "end": w.end,
                        "actors": int(w.matrices.nodes.shape[0]),
                        "events": int(result.agg.n_events[sl].sum())})
    return StoredNetwork(result, art, np.array(idx, np.int64), layout_positions(result),
                         windows, {})


def _names(store: Store, codes: list[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    for start in range(0, len(codes), 500):
        chunk = codes[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for r in store.query(f"SELECT code, max(name) AS name FROM actors WHERE code IN ({marks})"
                             " GROUP BY code", chunk):
            if r["name"]:
                names[r["code"]] = r["name"]
    try:
        import pycountry

        for code in codes:
            if code not in names and len(code) == 3:
                country = pycountry.countries.get(alpha_3=code)
                if country is not None:
                    names[code] = str(getattr(country, "common_name", None) or country.name)
    except Exception:  # pragma: no cover - names are a nicety
        pass
    return names


def _pick(net: StoredNetwork, w: str | None) -> tuple[Any, Any, int] | None:
    """(WindowResult, Aggregate, position) of window label ``w`` ("all": the whole period)."""
    res = net.result
    if w == "all":
        return (res.overall, res.overall_agg, -1) if len(res.overall_agg.windows) else None
    if not res.windows:
        return None
    labels = [x.label for x in res.windows]
    if w in labels:
        i = labels.index(w)
    else:  # default: the last window with events
        busy = [i for i, x in enumerate(net.windows) if x["events"]]
        i = busy[-1] if busy else len(labels) - 1
    return res.windows[i], res.agg, i


def window_graph(net: StoredNetwork, w: str | None) -> dict[str, Any] | None:
    """One window's nodes (bloc, hub score, position), undirected ties, blocs and hubs."""
    from ..network.build import window_json

    picked = _pick(net, w)
    if picked is None:
        return None
    win, agg, pos = picked
    key = "all" if pos < 0 else win.label
    if key in net.cache:
        return net.cache[key]
    # No evidence references here (they are fetched per edge): with an empty event index the
    # stage's window_json skips its per-event loop, which dominates on the whole period.
    bare = replace(agg, ev_ptr=np.zeros_like(agg.ev_ptr))
    data = window_json(net.result, win, bare, evidence=False)
    dyads: dict[tuple[str, str], dict[str, Any]] = {}
    for e in data["edges"]:
        a, b = sorted((e["source"], e["target"]))
        d = dyads.setdefault((a, b), {"source": a, "target": b, "cooperation": 0.0,
                                      "conflict": 0.0, "neutral": 0.0, "events": 0,
                                      "cooperative_events": 0, "conflictual_events": 0})
        for k in ("cooperation", "conflict", "neutral", "events", "cooperative_events",
                  "conflictual_events"):
            d[k] += e[k]
    edges = []
    for d in dyads.values():
        for k in ("cooperation", "conflict", "neutral"):
            d[k] = round(d[k], 4)
        net_w = d["cooperation"] - d["conflict"]
        tot = d["cooperation"] + d["conflict"]
        d["weight"] = round(net_w, 4)
        d["sign"] = 1 if net_w > 1e-9 else -1 if net_w < -1e-9 else 0
        d["balance"] = round(net_w / tot, 4) if tot > 0 else 0.0
        edges.append(d)
    edges.sort(key=lambda d: -d["events"])
    for node in data["nodes"]:
        x, y = net.positions.get(node["id"], (0.0, 0.0))
        node["x"], node["y"] = x, y
    out = {"label": "whole period" if pos < 0 else win.label, "key": key, "index": pos,
           "start": data["start"], "end": data["end"], "nodes": data["nodes"], "edges": edges,
           "blocs": data["blocs"], "hubs": data["hubs"], "frustration": data["frustration"],
           "structural_balance": data["structural_balance"]}
    net.cache[key] = out
    return out


def edge_rows(net: StoredNetwork, w: str | None, a: str, b: str) -> list[int]:
    """Table rows of the events between ``a`` and ``b`` (both directions) in window ``w``,
    heaviest first, then by date."""
    picked = _pick(net, w)
    if picked is None:
        return []
    win, agg, _ = picked
    t = net.result.table
    try:
        ia, ib = t.actors.index(a), t.actors.index(b)
    except ValueError:
        return []
    n = max(agg.n_actors, 1)
    keys = (agg.win * n + agg.src) * n + agg.tgt
    rows: list[int] = []
    for s_, t_ in ((ia, ib), (ib, ia)):
        k = (win.index * n + s_) * n + t_
        e = int(np.searchsorted(keys, k))
        if e < keys.shape[0] and int(keys[e]) == k:
            rows.extend(int(x) for x in agg.edge_rows(e))
    rows.sort(key=lambda x: (-float(t.weight[x]), -int(t.day[x]), x))
    return rows


def edge_evidence(store: Store, net: StoredNetwork, w: str | None, a: str, b: str,
                  limit: int = 50) -> dict[str, Any]:
    """The events of one tie with their sentences, article and a link to the sentence."""
    rows = edge_rows(net, w, a, b)
    t = net.result.table
    refs = []
    for r in rows[:limit]:
        i = int(t.event[r])  # table_from_arrays keeps the input row here
        refs.append((net.article[i], int(net.idx[i]), r))
    found: dict[tuple[str, int], dict[str, Any]] = {}
    for start in range(0, len(refs), 100):
        chunk = refs[start:start + 100]
        cond = " OR ".join("(e.article_id = ? AND e.idx = ?)" for _ in chunk)
        params: list[Any] = [v for aid, ix, _ in chunk for v in (aid, ix)]
        for row in store.query(
                "SELECT e.article_id, e.idx, e.source_code, e.target_code, e.sentence_start,"
                " e.sentence_end, e.attributed_text, e.confidence, a.title, a.outlet, a.url,"
                " a.published, substr(a.text, e.sentence_start + 1,"
                " e.sentence_end - e.sentence_start) AS sentence"
                f" FROM events e JOIN articles a ON a.id = e.article_id WHERE {cond}", params):
            found[(row["article_id"], int(row["idx"]))] = row
    items = []
    for aid, ix, r in refs:
        hit = found.get((aid, ix))
        if hit is None:
            continue
        row = hit
        items.append({
            "article": aid, "event": ix,
            "type": t.types[int(t.type_id[r])], "status": t.statuses[int(t.status_id[r])],
            "date": _iso(int(t.day[r])), "source": t.actors[int(t.src[r])],
            "target": t.actors[int(t.tgt[r])], "source_code": row["source_code"],
            "target_code": row["target_code"], "sign": int(t.sign[r]),
            "weight": round(float(t.weight[r]), 4), "confidence": row["confidence"],
            "attributed_to": row["attributed_text"],
            "title": row["title"], "outlet": row["outlet"], "url": row["url"],
            "published": row["published"],
            "sentence": {"start": int(row["sentence_start"]), "end": int(row["sentence_end"]),
                         "text": row["sentence"]},
            "href": f"/articles/{aid}#ann-e{ix}",
        })
    return {"source": a, "target": b, "total": len(rows), "evidence": items}


def _iso(day: int) -> str:
    from ..network.table import day_to_iso

    return day_to_iso(day)


class NetworkViews:
    """The latest built network per window kind, keyed by (store state, families state).

    The first request for a window kind builds it (about a second per 30k events). After
    that, when the store changes, requests keep getting the previous network (``"updating"``)
    while one background thread, with a store connection of its own, builds the new one, so
    a store that receives articles all day never makes the network view wait.
    """

    def __init__(self, opener: Callable[[], Store]) -> None:
        self.opener = opener
        self.lock = threading.Lock()
        self.nets: dict[str, tuple[tuple[Any, ...], StoredNetwork]] = {}
        self.building: set[str] = set()

    def get(self, store: Store, key: tuple[Any, ...], window: str,
            families: list[dict[str, Any]] | None) -> tuple[StoredNetwork, str]:
        """The network for ``key`` and ``"ready"``, or the previous one and ``"updating"``."""
        with self.lock:
            have = self.nets.get(window)
            if have is not None and have[0] == key:
                return have[1], "ready"
            if have is not None:
                if window not in self.building:
                    self.building.add(window)
                    threading.Thread(target=self._rebuild, args=(key, window, families),
                                     name=f"allegiance-network-{window}", daemon=True).start()
                return have[1], "updating"
            net = build_stored_network(store, window, families)
            self.nets[window] = (key, net)
            return net, "ready"

    def _rebuild(self, key: tuple[Any, ...], window: str,
                 families: list[dict[str, Any]] | None) -> None:
        try:
            store = self.opener()
            try:
                net = build_stored_network(store, window, families)
            finally:
                store.close()
            with self.lock:
                self.nets[window] = (key, net)
        except Exception as exc:  # keep serving the previous network
            log.warning("network view rebuild failed: %r", exc)
        finally:
            with self.lock:
                self.building.discard(window)

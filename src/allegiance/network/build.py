"""From an :class:`EventTable` to analysed windows, and from those to JSON.

:func:`build_network` is the hot path measured by ``benchmarks/network_scale.py``: one
vectorised aggregation for all windows, one for the whole period, then per window a dense
matrix, its blocs and hubs, and one vectorised pass for realignments. Nothing per event.
:func:`network_json` turns the result into analysis.json's ``"network"`` part; evidence
records are materialised only there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .aggregate import Aggregate, aggregate
from .analysis import (
    BlocResult,
    HubResult,
    Realignment,
    WindowMatrices,
    find_blocs,
    find_hubs,
    find_realignments,
    window_matrices,
)
from .config import NetworkConfig
from .table import EventTable, day_to_iso


@dataclass
class WindowResult:
    """One window's matrices and analyses; ``bloc_ids`` are colour-stable bloc numbers."""

    index: int
    label: str
    start: str
    end: str
    matrices: WindowMatrices
    blocs: BlocResult
    hubs: HubResult
    bloc_ids: np.ndarray


@dataclass
class NetworkResult:
    table: EventTable
    config: NetworkConfig
    agg: Aggregate
    overall_agg: Aggregate
    windows: list[WindowResult]
    overall: WindowResult
    realignments: list[Realignment]


def _analyse(agg: Aggregate, w: int, config: NetworkConfig) -> WindowResult:
    m = window_matrices(agg, w)
    blocs = find_blocs(m.signed, config)
    hubs = find_hubs(m, config)
    start, end = agg.windows.iso(w)
    return WindowResult(w, agg.windows.labels[w], start, end, m, blocs, hubs,
                        blocs.labels.copy())


def _match_blocs(win: WindowResult, overall: WindowResult, next_id: int) -> int:
    """Give a window's blocs the id of the overall bloc they overlap most (stable colours).

    Window blocs are matched largest first; an overall bloc is used once per window; a window
    bloc that overlaps no free overall bloc gets a fresh id from ``next_id``.
    """
    glob = dict(zip(overall.matrices.nodes.tolist(), overall.blocs.labels.tolist(), strict=True))
    labels = win.blocs.labels
    ids = np.full(labels.shape, -1, dtype=np.int64)
    taken: set[int] = set()
    for c in range(int(labels.max()) + 1 if labels.size else 0):
        members = win.matrices.nodes[labels == c]
        votes: dict[int, int] = {}
        for node in members.tolist():
            g = glob.get(node, -1)
            if g >= 0 and g not in taken:
                votes[g] = votes.get(g, 0) + 1
        if votes:
            best = max(votes, key=lambda g: (votes[g], -g))
            taken.add(best)
        else:
            best = next_id
            next_id += 1
        ids[labels == c] = best
    win.bloc_ids = ids
    return next_id


def build_network(table: EventTable, config: NetworkConfig | None = None) -> NetworkResult:
    """Aggregate and analyse every window of ``config.window`` plus the whole period."""
    config = config or NetworkConfig()
    agg = aggregate(table, config)
    overall_agg = aggregate(table, config, kind="all")
    if len(overall_agg.windows):
        overall = _analyse(overall_agg, 0, config)
    else:
        empty = WindowMatrices(np.zeros(0, np.int64), np.zeros((0, 0)), np.zeros((0, 0)))
        overall = WindowResult(0, "all", "", "", empty, find_blocs(np.zeros((0, 0)), config),
                               find_hubs(empty, config), np.zeros(0, np.int64))
    next_id = int(overall.blocs.labels.max()) + 1 if overall.blocs.labels.size else 0
    windows = []
    for w in range(len(agg.windows)):
        res = _analyse(agg, w, config)
        next_id = _match_blocs(res, overall, next_id)
        windows.append(res)
    return NetworkResult(table, config, agg, overall_agg, windows, overall,
                         find_realignments(agg, config))


# ---------------------------------------------------------------------------- JSON output


def _r(x: float) -> float:
    return round(float(x), 4)


def _ref(t: EventTable, row: int) -> dict[str, Any]:
    art = t.doc_id(int(t.doc[row]))
    return {"article": art, "event": int(t.event[row]), "date": day_to_iso(int(t.day[row]))}


def edge_evidence(table: EventTable, agg: Aggregate, e: int,
                  limit: int | None) -> list[dict[str, Any]]:
    rows = agg.edge_rows(e)
    if limit is not None:
        rows = rows[np.argsort(-table.weight[rows], kind="stable")[:limit]]
    return [table.evidence(int(r)) for r in rows]


def window_json(res: NetworkResult, win: WindowResult, agg: Aggregate,
                evidence: bool = True) -> dict[str, Any]:
    """Nodes, edges (with evidence), blocs and hubs of one window."""
    t, cfg = res.table, res.config
    nodes_g = win.matrices.nodes
    hubs = win.hubs
    strength_c = win.matrices.coop.sum(0) + win.matrices.coop.sum(1)
    strength_k = win.matrices.conf.sum(0) + win.matrices.conf.sum(1)
    sl = agg.window_slice(win.index)
    ev_count = np.bincount(np.concatenate([agg.src[sl], agg.tgt[sl]]),
                           weights=np.concatenate([agg.n_events[sl]] * 2),
                           minlength=len(t.actors))
    nodes = []
    for i, g in enumerate(nodes_g.tolist()):
        code = t.actors[g]
        bloc = int(win.bloc_ids[i])
        nodes.append({
            "id": code, "label": t.names.get(code, code),
            "bloc": bloc if bloc >= 0 else None,
            "hub_score": _r(hubs.score[i]), "cooperative_degree": int(hubs.degree[i]),
            "clustering": _r(hubs.clustering[i]),
            "cooperation": _r(strength_c[i]), "conflict": _r(strength_k[i]),
            "events": int(ev_count[g]),
        })
    edges = []
    for e in range(sl.start, sl.stop):
        coop, conf = float(agg.cooperation[e]), float(agg.conflict[e])
        net = coop - conf
        edge: dict[str, Any] = {
            "source": t.actors[int(agg.src[e])], "target": t.actors[int(agg.tgt[e])],
            "cooperation": _r(coop), "conflict": _r(conf), "neutral": _r(agg.neutral[e]),
            "events": int(agg.n_events[e]),
            "cooperative_events": int(agg.n_cooperative[e]),
            "conflictual_events": int(agg.n_conflictual[e]),
            "weight": _r(net), "sign": int(np.sign(round(net, 9))),
            "balance": _r(net / (coop + conf)) if coop + conf > 0 else 0.0,
        }
        if evidence:
            edge["evidence"] = edge_evidence(t, agg, e, cfg.max_evidence_per_edge)
        else:  # compact references; the full records sit on the window edges
            edge["evidence"] = [{"article": ref["article"], "event": ref["event"],
                                 "date": ref["date"]}
                                for ref in (_ref(t, int(x)) for x in agg.edge_rows(e))]
        edges.append(edge)
    blocs = []
    for b in sorted({int(x) for x in win.bloc_ids.tolist() if x >= 0}):
        members = [t.actors[g] for g, x in zip(nodes_g.tolist(), win.bloc_ids.tolist(),
                                               strict=True) if x == b]
        blocs.append({"id": b, "members": sorted(members), "size": len(members)})
    order = np.argsort(-hubs.score, kind="stable")
    hub_list: list[dict[str, Any]] = []
    for i in order.tolist():
        if hubs.degree[i] < cfg.hub_min_degree or len(hub_list) >= cfg.hub_top:
            continue
        partners = [t.actors[int(nodes_g[j])] for j in np.flatnonzero(hubs.ties[i])]
        hub_list.append({"actor": t.actors[int(nodes_g[i])], "score": _r(hubs.score[i]),
                         "cooperative_degree": int(hubs.degree[i]),
                         "clustering": _r(hubs.clustering[i]),
                         "strength": _r(hubs.strength[i]), "spokes": sorted(partners)})
    return {
        "label": win.label, "start": win.start, "end": win.end,
        "nodes": nodes, "edges": edges, "blocs": blocs,
        "frustration": _r(win.blocs.frustration), "structural_balance": _r(win.blocs.balance),
        "hubs": hub_list,
    }


def realignment_json(res: NetworkResult, r: Realignment, limit: int = 20,
                     as_rows: bool = False) -> dict[str, Any]:
    """A realignment with the events that drove it.

    ``drivers`` are the events of the later window pulling the new way (cooperative events for
    a warming, conflictual for a cooling), heaviest first; ``before`` are the events of the
    earlier window that held the old balance.
    """
    t, agg = res.table, res.agg
    direction = 1 if r.change > 0 else -1

    n = max(agg.n_actors, 1)
    keys = (agg.win * n + agg.src) * n + agg.tgt  # sorted, as the edges are

    def rows(w: int, sign: int) -> list[Any]:
        out: list[int] = []
        for s_, t_ in ((r.a, r.b), (r.b, r.a)):
            k = (w * n + s_) * n + t_
            e = int(np.searchsorted(keys, k))
            if e < keys.shape[0] and int(keys[e]) == k:
                out.extend(int(x) for x in agg.edge_rows(e) if t.sign[x] == sign)
        out.sort(key=lambda x: (-float(t.weight[x]), x))
        return out[:limit] if as_rows else [t.evidence(x) for x in out[:limit]]

    return {
        "dyad": [t.actors[r.a], t.actors[r.b]], "kind": r.kind,
        "from": agg.windows.labels[r.w_from], "to": agg.windows.labels[r.w_to],
        "balance_from": _r(r.balance_from), "balance_to": _r(r.balance_to),
        "change": _r(r.change), "z": _r(r.z),
        "weight_from": _r(r.weight_from), "weight_to": _r(r.weight_to),
        "drivers": rows(r.w_to, direction), "before": rows(r.w_from, -direction),
    }


def network_json(res: NetworkResult, evidence: bool = True) -> dict[str, Any]:
    """analysis.json's ``"network"`` part (see ``analysis_network``)."""
    overall = window_json(res, res.overall, res.overall_agg, evidence=False)
    stats = {k: v for k, v in res.table.stats.items() if not k.startswith("_")}
    stats["actors"] = len(res.table.actors)
    stats["windows"] = len(res.windows)
    stats["edges"] = int(res.agg.src.shape[0])
    stats["realignments"] = len(res.realignments)
    return {
        "config": res.config.to_dict(),
        "window": res.config.window,
        "stats": stats,
        "windows": [window_json(res, w, res.agg, evidence) for w in res.windows],
        "overall": {k: overall[k] for k in ("start", "end", "nodes", "edges", "frustration",
                                            "structural_balance")},
        "blocs": overall["blocs"],
        "hubs": overall["hubs"],
        "realignments": [realignment_json(res, r)
                         for r in res.realignments[:res.config.realign_top]],
    }

"""The network corpus stage: public entry points.

* :func:`analysis_network` -- analysis.json's ``"network"`` part.
* :func:`network_payload` -- the JSON the report embeds for the interactive graph
  (``src/allegiance/report/static/network.js``; initialise it with
  ``window.AllegianceNetwork.mount(element, payload)``, see ``docs/network.md``).
* :func:`payload_script_json` -- that payload serialised safely for a
  ``<script type="application/json">`` element.

Both take the analysed documents and the republication families
``[{"origin": id, "copies": [ids]}]`` so that a republished story counts once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import numpy as np

from ..document import Document
from .build import (
    NetworkResult,
    build_network,
    network_json,
    realignment_json,
    window_json,
)
from .config import NetworkConfig
from .table import table_from_documents


def run_network(docs: Iterable[Document], families: Iterable[dict[str, Any]] | None = None,
                config: NetworkConfig | None = None) -> NetworkResult:
    """Read the events of ``docs`` and analyse them (see :mod:`.build`)."""
    config = config or NetworkConfig()
    return build_network(table_from_documents(docs, families, config), config)


def analysis_network(docs: Iterable[Document], families: Iterable[dict[str, Any]] | None = None,
                     config: NetworkConfig | None = None) -> dict[str, Any]:
    """analysis.json's ``"network"`` part.

    ``{"windows": [{"start", "end", "label", "nodes": [...], "edges": [{"source", "target",
    "cooperation", "conflict", "neutral", "events", "weight", "balance", "evidence": [...]}],
    "blocs", "hubs"}], "overall": {...}, "blocs": [...], "hubs": [...], "realignments": [...],
    "stats": {...}, "config": {...}}``. Top-level blocs and hubs are those of the whole period;
    each window has its own.
    """
    return network_json(run_network(docs, families, config))


def layout_positions(res: NetworkResult, seed: int = 7) -> dict[str, tuple[float, float]]:
    """One fixed position per actor for every window (so the slider does not reshuffle).

    Spring layout of the whole-period graph in which cooperative dyads attract (weight
    log(1 + net cooperation)) and conflictual ones only faintly (0.02); blocs therefore gather
    and rivals sit apart without flying off the page.
    """
    import networkx as nx

    m = res.overall.matrices
    codes = [res.table.actors[g] for g in m.nodes.tolist()]
    g = nx.Graph()
    g.add_nodes_from(codes)
    s = m.signed
    for i, j in zip(*np.nonzero(np.triu(s, 1) != 0), strict=True):
        # cooperation attracts; conflict ties pull only faintly, to keep rivals on one page
        w = float(np.log1p(s[i, j])) if s[i, j] > 0 else 0.02
        g.add_edge(codes[i], codes[j], weight=w)
    if not codes:
        return {}
    try:
        pos = nx.spring_layout(g, seed=seed, weight="weight", k=1.5 / max(len(codes), 1) ** 0.5)
    except Exception:  # pragma: no cover - very large graphs without scipy
        pos = nx.circular_layout(g)
    return {c: (round(float(p[0]), 4), round(float(p[1]), 4)) for c, p in pos.items()}


def result_payload(res: NetworkResult) -> dict[str, Any]:
    """The interactive graph's payload for an already built :class:`NetworkResult`."""
    t = res.table
    rows = np.unique(res.agg.ev_order) if res.agg.ev_order.size else np.zeros(0, np.int64)
    index = {int(r): k for k, r in enumerate(rows.tolist())}
    evidence = [t.evidence(int(r)) for r in rows.tolist()]

    def compact(win_json: dict[str, Any], agg_edges: list[list[int]]) -> dict[str, Any]:
        for edge, refs in zip(win_json["edges"], agg_edges, strict=True):
            edge["evidence"] = refs
        return win_json

    def refs_of(agg: Any, w: int) -> list[list[int]]:
        sl = agg.window_slice(w)
        out = []
        for e in range(sl.start, sl.stop):
            r = agg.edge_rows(e)
            if res.config.max_evidence_per_edge is not None:
                r = r[np.argsort(-t.weight[r], kind="stable")[:res.config.max_evidence_per_edge]]
            out.append([index[int(x)] for x in r if int(x) in index])
        return out

    windows = [compact(window_json(res, w, res.agg, evidence=False), refs_of(res.agg, w.index))
               for w in res.windows]
    overall = compact(window_json(res, res.overall, res.overall_agg, evidence=False),
                      refs_of(res.overall_agg, 0)) if len(res.overall_agg.windows) else None
    if overall is not None:
        overall["label"] = "whole period"
    pos = layout_positions(res)
    actors = {code: {"label": t.names.get(code, code), "x": pos.get(code, (0.0, 0.0))[0],
                     "y": pos.get(code, (0.0, 0.0))[1]} for code in t.actors}
    realign = []
    for r in res.realignments[:res.config.realign_top]:
        item = realignment_json(res, r, as_rows=True)
        for key in ("drivers", "before"):
            item[key] = [index[x] for x in item[key] if x in index]
        realign.append(item)
    stats = {k: v for k, v in t.stats.items() if not k.startswith("_")}
    return {"version": 1, "window": res.config.window, "stats": stats, "actors": actors,
            "evidence": evidence, "windows": windows, "overall": overall,
            "realignments": realign}


def network_payload(docs: Iterable[Document], families: Iterable[dict[str, Any]] | None = None,
                    config: NetworkConfig | None = None) -> dict[str, Any]:
    """JSON for the interactive graph: windows with nodes/edges/blocs/hubs, evidence, layout.

    Edges list evidence as indices into the top-level ``evidence`` array (each event once:
    article id, event index, type, status, date, sentence offsets and text) so the payload
    does not repeat sentences. Pass it to ``window.AllegianceNetwork.mount(el, payload)``.
    """
    return result_payload(run_network(docs, families, config))


def payload_script_json(payload: dict[str, Any]) -> str:
    """JSON safe to place inside ``<script type="application/json">``: <, >, & are escaped."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))

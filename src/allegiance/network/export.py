"""Exports for other tools: GraphML and GEXF (Gephi, Cytoscape desktop), CSV, JSON.

One graph file per window plus ``network_all`` for the whole period, and (GEXF) one dynamic
``network_timeline.gexf`` that Gephi's timeline can play. Node attributes: label,
bloc, hub_score, cooperative_degree, clustering; edge attributes: cooperation, conflict,
neutral, events, weight (= cooperation - conflict), balance, sign, and ``evidence`` -- the
edge's evidence records as a JSON string, because GraphML/GEXF attributes are scalars.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from .build import NetworkResult, network_json, window_json

EXPORT_FORMATS = ("graphml", "gexf", "csv", "json")


def safe_label(label: str) -> str:
    """A window label usable in a file name (``2024-01-01..2024-03-31`` stays readable)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", label)


def to_networkx(win: dict[str, Any]) -> nx.DiGraph:
    """A window's JSON (from ``window_json``) as a directed networkx graph with scalar attrs."""
    g = nx.DiGraph(label=win.get("label", ""), start=win.get("start", ""),
                   end=win.get("end", ""))
    for n in win["nodes"]:
        g.add_node(n["id"], label=n["label"], bloc=-1 if n["bloc"] is None else int(n["bloc"]),
                   hub_score=float(n["hub_score"]),
                   cooperative_degree=int(n["cooperative_degree"]),
                   clustering=float(n["clustering"]), events=int(n["events"]))
    for e in win["edges"]:
        g.add_edge(e["source"], e["target"], cooperation=float(e["cooperation"]),
                   conflict=float(e["conflict"]), neutral=float(e["neutral"]),
                   events=int(e["events"]), weight=float(e["weight"]),
                   balance=float(e["balance"]), sign=int(e["sign"]),
                   evidence=json.dumps(e.get("evidence", []), ensure_ascii=False))
    return g


def dynamic_graph(res: NetworkResult) -> nx.DiGraph:
    """All windows in one dynamic graph (GEXF ``mode="dynamic"``): Gephi's timeline plays it.

    Nodes and edges carry one spell per window in which they appear, and per-window values
    of bloc, hub_score (nodes) and cooperation, conflict, net, events (edges); the static
    edge ``weight`` is the whole-period net weight. Evidence lives in the per-window files.
    """
    t, agg = res.table, res.agg
    g = nx.DiGraph(mode="dynamic")
    for win in res.windows:
        a, b = win.start, win.end
        for i, node in enumerate(win.matrices.nodes.tolist()):
            code = t.actors[node]
            if code not in g:
                g.add_node(code, label=t.names.get(code, code), spells=[], bloc=[],
                           hub_score=[])
            d = g.nodes[code]
            d["spells"].append((a, b))
            d["bloc"].append((int(win.bloc_ids[i]), a, b))
            d["hub_score"].append((round(float(win.hubs.score[i]), 4), a, b))
        sl = agg.window_slice(win.index)
        for e in range(sl.start, sl.stop):
            s_, t_ = t.actors[int(agg.src[e])], t.actors[int(agg.tgt[e])]
            if not g.has_edge(s_, t_):
                g.add_edge(s_, t_, spells=[], cooperation=[], conflict=[], net=[], events=[],
                           weight=0.0)
            d = g.edges[s_, t_]
            coop, conf = float(agg.cooperation[e]), float(agg.conflict[e])
            d["spells"].append((a, b))
            d["cooperation"].append((round(coop, 4), a, b))
            d["conflict"].append((round(conf, 4), a, b))
            d["net"].append((round(coop - conf, 4), a, b))
            d["events"].append((int(agg.n_events[e]), a, b))
            d["weight"] = round(float(d["weight"]) + coop - conf, 4)
    return g


def _windows(res: NetworkResult) -> Iterable[tuple[str, dict[str, Any]]]:
    for w in res.windows:
        yield w.label, window_json(res, w, res.agg)
    if len(res.overall_agg.windows):
        yield "all", window_json(res, res.overall, res.overall_agg)


def write_exports(res: NetworkResult, out: Path,
                  formats: Iterable[str] = EXPORT_FORMATS) -> list[Path]:
    """Write the requested formats into ``out``; returns the files written."""
    formats = set(formats)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if formats & {"graphml", "gexf"}:
        for label, win in _windows(res):
            g = to_networkx(win)
            if "graphml" in formats:
                p = out / f"network_{safe_label(label)}.graphml"
                nx.write_graphml(g, p)
                written.append(p)
            if "gexf" in formats:
                p = out / f"network_{safe_label(label)}.gexf"
                nx.write_gexf(g, p)
                written.append(p)
    if "gexf" in formats and res.windows:
        p = out / "network_timeline.gexf"
        nx.write_gexf(dynamic_graph(res), p)
        written.append(p)
    if "csv" in formats:
        written += write_csv(res, out)
    if "json" in formats:
        p = out / "network.json"
        p.write_text(json.dumps(network_json(res), ensure_ascii=False, indent=1),
                     encoding="utf-8")
        written.append(p)
    return written


def write_csv(res: NetworkResult, out: Path) -> list[Path]:
    """edges.csv (one row per window and directed edge) and nodes.csv (per window and actor)."""
    t, agg = res.table, res.agg
    edges_path, nodes_path = out / "edges.csv", out / "nodes.csv"
    with edges_path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["window", "start", "end", "source", "target", "cooperation", "conflict",
                    "neutral", "weight", "balance", "events", "cooperative_events",
                    "conflictual_events", "evidence"])
        bal = agg.balance
        for e in range(agg.src.shape[0]):
            wi = int(agg.win[e])
            start, end = agg.windows.iso(wi)
            refs = ";".join(
                f"{t.doc_id(int(t.doc[r])) or ''}#{int(t.event[r])}"
                for r in agg.edge_rows(e))
            w.writerow([agg.windows.labels[wi], start, end, t.actors[int(agg.src[e])],
                        t.actors[int(agg.tgt[e])], round(float(agg.cooperation[e]), 4),
                        round(float(agg.conflict[e]), 4), round(float(agg.neutral[e]), 4),
                        round(float(agg.cooperation[e] - agg.conflict[e]), 4),
                        round(float(bal[e]), 4), int(agg.n_events[e]),
                        int(agg.n_cooperative[e]), int(agg.n_conflictual[e]), refs])
    with nodes_path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["window", "actor", "label", "bloc", "hub_score", "cooperative_degree",
                    "clustering"])
        for win in res.windows + [res.overall]:
            for i, g in enumerate(win.matrices.nodes.tolist()):
                code = t.actors[g]
                bloc = int(win.bloc_ids[i])
                w.writerow([win.label, code, t.names.get(code, code),
                            bloc if bloc >= 0 else "", round(float(win.hubs.score[i]), 4),
                            int(win.hubs.degree[i]), round(float(win.hubs.clustering[i]), 4)])
    return [edges_path, nodes_path]

"""Static pictures (PNG, SVG) with matplotlib: a window's network and a dyad's timeline.

Uses ``matplotlib.figure.Figure`` directly (no pyplot state), so it is safe in a server.
Network picture: one fixed layout for all windows (see ``stage.layout_positions``), nodes
coloured by bloc and sized by hub score, dyads drawn green (net cooperation) or red (net
conflict) with width by weight. Timeline: cooperation up, conflict down, balance as a line.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .build import NetworkResult, WindowResult
from .stage import layout_positions

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
           "#17becf", "#bcbd22", "#7f7f7f"]
UNALIGNED = "#c7c7c7"


def bloc_colour(bloc: int) -> str:
    return UNALIGNED if bloc < 0 else PALETTE[bloc % len(PALETTE)]


def pick_window(res: NetworkResult, label: str) -> WindowResult:
    """``all`` (whole period), ``last`` (latest window with ties) or a window label."""
    if label == "all":
        return res.overall
    if label == "last":
        busy = [w for w in res.windows if w.matrices.nodes.size]
        if busy:
            return busy[-1]
        return res.overall
    for w in res.windows:
        if w.label == label:
            return w
    known = ", ".join(w.label for w in res.windows[:12])
    raise KeyError(f"no window {label!r}; windows: all, last, {known}...")


def plot_window(res: NetworkResult, label: str, path: Path,
                pos: dict[str, tuple[float, float]] | None = None) -> Path:
    """Draw one window (or ``all``) to ``path``; the suffix (.png/.svg) picks the format."""
    win = pick_window(res, label)
    pos = pos or layout_positions(res)
    codes = [res.table.actors[g] for g in win.matrices.nodes.tolist()]
    fig = Figure(figsize=(10, 8), dpi=110)
    ax = fig.add_subplot(1, 1, 1)
    s = win.matrices.signed
    if codes:
        peak = float(np.abs(s).max()) or 1.0
        for i, j in zip(*np.nonzero(np.triu(s != 0, 1)), strict=True):
            (x1, y1), (x2, y2) = pos.get(codes[i], (0, 0)), pos.get(codes[j], (0, 0))
            v = float(s[i, j])
            ax.plot([x1, x2], [y1, y2], color="#2ca02c" if v > 0 else "#d62728",
                    lw=0.6 + 3.5 * abs(v) / peak, alpha=0.65, zorder=1)
        score = win.hubs.score
        size = 120 + 900 * score / (float(score.max()) or 1.0)
        xy = np.array([pos.get(c, (0.0, 0.0)) for c in codes])
        ax.scatter(xy[:, 0], xy[:, 1], s=size, c=[bloc_colour(int(b)) for b in win.bloc_ids],
                   edgecolors="black", linewidths=0.6, zorder=2)
        for (x, y), c in zip(xy, codes, strict=True):
            ax.annotate(c, (x, y), ha="center", va="center", fontsize=8, zorder=3,
                        fontweight="bold")
    handles = [Line2D([], [], color="#2ca02c", lw=2, label="net cooperation"),
               Line2D([], [], color="#d62728", lw=2, label="net conflict")]
    for b in sorted({int(x) for x in win.bloc_ids.tolist() if x >= 0})[:8]:
        members = [c for c, x in zip(codes, win.bloc_ids.tolist(), strict=True) if x == b]
        text = ", ".join(members[:6]) + (" ..." if len(members) > 6 else "")
        handles.append(Line2D([], [], marker="o", ls="", color=bloc_colour(b),
                              label=f"bloc {b}: {text}"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7,
              frameon=False)
    title = "whole period" if win is res.overall else win.label
    ax.set_title(f"Alliance network, {title} ({win.start} to {win.end}); node size = hub score",
                 fontsize=10)
    ax.set_axis_off()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, bbox_inches="tight")
    return path


def plot_dyad(res: NetworkResult, a: str, b: str, path: Path) -> Path:
    """Cooperation, conflict and balance of the dyad a-b (both directions) per window."""
    t, agg = res.table, res.agg
    ix = {c: i for i, c in enumerate(t.actors)}
    if a not in ix or b not in ix:
        missing = [c for c in (a, b) if c not in ix]
        raise KeyError(f"actor(s) not in the network: {', '.join(missing)}")
    ia, ib = ix[a], ix[b]
    nw = len(agg.windows)
    coop, conf = np.zeros(nw), np.zeros(nw)
    mask = ((agg.src == ia) & (agg.tgt == ib)) | ((agg.src == ib) & (agg.tgt == ia))
    np.add.at(coop, agg.win[mask], agg.cooperation[mask])
    np.add.at(conf, agg.win[mask], agg.conflict[mask])
    tot = coop + conf
    bal = np.where(tot > 0, (coop - conf) / np.where(tot > 0, tot, 1), np.nan)
    x = np.arange(nw)
    fig = Figure(figsize=(max(6.0, min(0.35 * nw + 3, 18.0)), 4.5), dpi=110)
    ax = fig.add_subplot(1, 1, 1)
    ax.bar(x, coop, color="#2ca02c", label="cooperation")
    ax.bar(x, -conf, color="#d62728", label="conflict")
    ax.axhline(0, color="black", lw=0.6)
    ax.set_ylabel("weighted events (conflict below 0)")
    ax2 = ax.twinx()
    ok = ~np.isnan(bal)
    ax2.plot(x[ok], bal[ok], color="#1f1f1f", marker="o", lw=1.2, label="balance")
    ax2.set_ylim(-1.1, 1.1)
    ax2.set_ylabel("balance (coop - conflict) / total")
    for r in res.realignments:
        if {r.a, r.b} == {ia, ib}:
            ax.axvline(r.w_to - 0.5, color="#9467bd", ls="--", lw=1)
    step = max(1, nw // 16)
    ax.set_xticks(x[::step])
    ax.set_xticklabels([agg.windows.labels[i] for i in x[::step]], rotation=45, ha="right",
                       fontsize=7)
    lines = ax.get_legend_handles_labels()
    lines2 = ax2.get_legend_handles_labels()
    ax.legend(lines[0] + lines2[0], lines[1] + lines2[1], fontsize=7, loc="upper left")
    ax.set_title(f"{a} - {b}: cooperation and conflict per {res.config.window} "
                 "(dashed: realignment)", fontsize=10)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, bbox_inches="tight")
    return path

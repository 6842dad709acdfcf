"""Time windows and the vectorised aggregation of events into signed, weighted edges.

Every event row gets a window index from its day (pure integer arithmetic on numpy
arrays), then an int64 key ``(window * n + source) * n + target``. One ``np.unique`` over the
keys names the edges and one ``np.bincount`` per measure sums them, so the cost is a sort of
the keys, not a Python loop per event. The sort order is kept (``ev_order``/``ev_ptr``) so
each edge can list its events without storing a list per edge.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

import numpy as np

from .config import NetworkConfig
from .table import EventTable, day_to_iso, parse_day

WINDOW_KINDS = ("day", "week", "month", "custom", "all")


@dataclass
class Windows:
    """Consecutive windows ``[start[i], end[i]]`` (inclusive days since 1970-01-01)."""

    kind: str
    start: np.ndarray
    end: np.ndarray
    labels: list[str]

    def __len__(self) -> int:
        return int(self.start.shape[0])

    def iso(self, i: int) -> tuple[str, str]:
        return day_to_iso(int(self.start[i])), day_to_iso(int(self.end[i]))


def _month_start_day(m: np.ndarray) -> np.ndarray:
    return m.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)


def assign_windows(day: np.ndarray, config: NetworkConfig,
                   kind: str | None = None) -> tuple[np.ndarray, Windows]:
    """Window index of each day (-1: outside ``config.start``/``config.end``) and the windows.

    day: Monday-start calendar weeks are not needed for days; week: ISO weeks (Monday to
    Sunday); month: calendar months; custom: ``custom_days``-long windows from
    ``config.start`` (or the first event), or one window over the whole range; all: one window.
    All windows between the first and the last event are listed, empty ones included, so a
    time slider shows quiet periods as quiet.
    """
    kind = kind or config.window
    if kind not in WINDOW_KINDS:
        raise ValueError(f"unknown window {kind!r}; choose one of {WINDOW_KINDS}")
    day = np.asarray(day, dtype=np.int64)
    lo = parse_day(config.start) if config.start else None
    hi = parse_day(config.end) if config.end else None
    if config.start and lo is None:
        raise ValueError(f"bad start date {config.start!r}; use YYYY-MM-DD")
    if config.end and hi is None:
        raise ValueError(f"bad end date {config.end!r}; use YYYY-MM-DD")
    inside = np.ones(day.shape, dtype=bool)
    if lo is not None:
        inside &= day >= lo
    if hi is not None:
        inside &= day <= hi
    if not inside.any():
        return np.full(day.shape, -1, dtype=np.int64), Windows(
            kind, np.zeros(0, np.int64), np.zeros(0, np.int64), [])
    first = int(day[inside].min()) if lo is None else lo
    last = int(day[inside].max()) if hi is None else hi
    if kind == "day":
        raw = day - first
        n = last - first + 1
        start = np.arange(first, last + 1, dtype=np.int64)
        end = start.copy()
        labels = [day_to_iso(int(d)) for d in start]
    elif kind == "week":
        wk = (day + 3) // 7  # 1970-01-01 was a Thursday; week 0 starts Monday 1969-12-29
        w0, w1 = (first + 3) // 7, (last + 3) // 7
        raw = wk - w0
        n = w1 - w0 + 1
        start = np.arange(w0, w1 + 1, dtype=np.int64) * 7 - 3
        end = start + 6
        labels = []
        for d in start:
            y, w, _ = (_dt.date(1970, 1, 1) + _dt.timedelta(days=int(d))).isocalendar()
            labels.append(f"{y}-W{w:02d}")
    elif kind == "month":
        mon = day.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
        m0 = int(np.datetime64(day_to_iso(first), "M").astype(np.int64))
        m1 = int(np.datetime64(day_to_iso(last), "M").astype(np.int64))
        raw = mon - m0
        n = m1 - m0 + 1
        months = np.arange(m0, m1 + 2, dtype=np.int64)
        bounds = _month_start_day(months)
        start, end = bounds[:-1], bounds[1:] - 1
        labels = [str(np.datetime64(int(m), "M")) for m in months[:-1]]
    elif kind == "custom" and config.custom_days:
        size = int(config.custom_days)
        raw = (day - first) // size
        n = (last - first) // size + 1
        start = first + np.arange(n, dtype=np.int64) * size
        end = np.minimum(start + size - 1, last)
        labels = [f"{day_to_iso(int(a))}..{day_to_iso(int(b))}" for a, b in zip(start, end,
                                                                               strict=True)]
    else:  # custom without a length, or all: one window
        raw = np.zeros(day.shape, dtype=np.int64)
        n = 1
        start = np.array([first], dtype=np.int64)
        end = np.array([last], dtype=np.int64)
        labels = ["all" if kind == "all" else f"{day_to_iso(first)}..{day_to_iso(last)}"]
    idx = np.where(inside, raw, -1).astype(np.int64)
    return idx, Windows(kind, np.asarray(start, np.int64), np.asarray(end, np.int64),
                        list(labels))


@dataclass
class Aggregate:
    """Edges of every window, sorted by (window, source, target).

    Per edge: ``cooperation``/``conflict`` are summed weights of cooperative/conflictual
    events, ``neutral`` of neutral ones; ``n_events`` counts events of any sign.
    ``win_ptr[w]:win_ptr[w+1]`` slices window ``w``'s edges; ``ev_order[ev_ptr[e]:ev_ptr[e+1]]``
    are the table rows of edge ``e``.
    """

    windows: Windows
    n_actors: int
    win: np.ndarray
    src: np.ndarray
    tgt: np.ndarray
    cooperation: np.ndarray
    conflict: np.ndarray
    neutral: np.ndarray
    n_events: np.ndarray
    n_cooperative: np.ndarray
    n_conflictual: np.ndarray
    win_ptr: np.ndarray
    ev_order: np.ndarray
    ev_ptr: np.ndarray

    @property
    def net(self) -> np.ndarray:
        return self.cooperation - self.conflict

    @property
    def balance(self) -> np.ndarray:
        """(cooperation - conflict) / (cooperation + conflict), 0 where both are 0."""
        tot = self.cooperation + self.conflict
        return np.divide(self.net, tot, out=np.zeros_like(tot), where=tot > 0)

    def window_slice(self, w: int) -> slice:
        if not 0 <= w < len(self.windows):
            return slice(0, 0)
        return slice(int(self.win_ptr[w]), int(self.win_ptr[w + 1]))

    def edge_rows(self, e: int) -> np.ndarray:
        return self.ev_order[int(self.ev_ptr[e]):int(self.ev_ptr[e + 1])]


def aggregate(table: EventTable, config: NetworkConfig, kind: str | None = None) -> Aggregate:
    """Sum the events of ``table`` into per-window directed edges (see module docstring)."""
    widx, windows = assign_windows(table.day, config, kind)
    n = max(len(table.actors), 1)
    nw = len(windows)
    sel = np.flatnonzero(widx >= 0)
    key = (widx[sel] * n + table.src[sel].astype(np.int64)) * n + table.tgt[sel].astype(np.int64)
    uniq, inv = np.unique(key, return_inverse=True)
    inv = inv.ravel()
    m = uniq.shape[0]
    w = table.weight[sel]
    sign = table.sign[sel]
    coop = np.bincount(inv, weights=np.where(sign > 0, w, 0.0), minlength=m)
    conf = np.bincount(inv, weights=np.where(sign < 0, w, 0.0), minlength=m)
    neut = np.bincount(inv, weights=np.where(sign == 0, w, 0.0), minlength=m)
    cnt = np.bincount(inv, minlength=m)
    n_coop = np.bincount(inv, weights=(sign > 0), minlength=m).astype(np.int64)
    n_conf = np.bincount(inv, weights=(sign < 0), minlength=m).astype(np.int64)
    e_win = uniq // (n * n)
    rest = uniq % (n * n)
    order = sel[np.argsort(inv, kind="stable")]
    ev_ptr = np.concatenate([[0], np.cumsum(cnt)]).astype(np.int64)
    win_ptr = np.searchsorted(e_win, np.arange(nw + 1), side="left").astype(np.int64)
    return Aggregate(
        windows=windows, n_actors=len(table.actors), win=e_win,
        src=(rest // n).astype(np.int64), tgt=(rest % n).astype(np.int64),
        cooperation=coop.astype(np.float64), conflict=conf.astype(np.float64),
        neutral=neut.astype(np.float64), n_events=cnt.astype(np.int64),
        n_cooperative=n_coop, n_conflictual=n_conf, win_ptr=win_ptr,
        ev_order=order.astype(np.int64), ev_ptr=ev_ptr,
    )

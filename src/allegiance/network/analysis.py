"""Analyses of one window's signed graph: blocs, hubs, and realignments across windows.

All three work on small dense matrices over the actors active in a window (a few hundred at
most), built from the already aggregated edges, so they are numpy linear algebra rather than
graph traversals in Python.

* **Blocs** -- structural balance (Heider; Cartwright & Harary 1956): a signed graph is
  balanced when its actors split into groups with positive ties inside and negative ties
  between. Real graphs are never exactly balanced, so we look for the partition with the
  least *frustration* (weight of negative ties inside blocs plus positive ties between them;
  Doreian & Mrvar 1996). Start: the leading eigenvector of the signed adjacency of each
  connected component, whose signs give the two-faction split of a balanced graph exactly
  (it is the Perron vector of |A| times the faction signature). Then a greedy local search
  moves one actor at a time to the bloc (or a new bloc) that lowers frustration most, until
  no move helps; every move strictly lowers frustration, so it terminates. It can find more
  than two blocs, and actors with no signed tie stay unaligned (bloc -1).
* **Hubs** -- hub-and-spoke in the alliance sense (Cha 2010, "Powerplay"): one actor with
  many cooperative partners who are not cooperating with one another, so the partners are
  tied to the hub rather than to a multilateral web. Score = cooperative degree x (1 - local
  clustering of the cooperative tie graph): 4 mutually unconnected allies score 4, 4 allies
  who all cooperate with each other score 0. A cooperative tie is a dyad whose cooperative
  weight (both directions) reaches ``hub_min_weight`` and exceeds its conflictual weight.
* **Realignments** -- for each dyad, its balance (coop - conflict) / (coop + conflict) in
  [-1, 1] is compared between consecutive windows where the dyad carries at least
  ``realign_min_weight`` signed weight (and, for sign changes, with the last window where it
  was clearly on one side); a change of sign (both sides at least
  ``realign_min_balance`` from zero) or a move of at least ``realign_shift`` is reported with
  the events that drove it. Sparse dyads flip by chance, so each change also gets a
  two-proportion z statistic of the cooperative share (event weights as counts); changes
  below ``realign_min_z`` are dropped and the rest are ranked by z.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .aggregate import Aggregate
from .config import NetworkConfig


@dataclass
class WindowMatrices:
    """Dense directed cooperation/conflict matrices over one window's active actors."""

    nodes: np.ndarray  # global actor index of each row
    coop: np.ndarray
    conf: np.ndarray

    @property
    def signed(self) -> np.ndarray:
        """Undirected signed weights: cooperation minus conflict, both directions summed."""
        net = self.coop - self.conf
        return net + net.T


def window_matrices(agg: Aggregate, w: int) -> WindowMatrices:
    sl = agg.window_slice(w)
    src, tgt = agg.src[sl], agg.tgt[sl]
    nodes, local = np.unique(np.concatenate([src, tgt]), return_inverse=True)
    m = src.shape[0]
    ls, lt = local[:m], local[m:]
    n = nodes.shape[0]
    coop = np.zeros((n, n))
    conf = np.zeros((n, n))
    np.add.at(coop, (ls, lt), agg.cooperation[sl])
    np.add.at(conf, (ls, lt), agg.conflict[sl])
    return WindowMatrices(nodes, coop, conf)


@dataclass
class BlocResult:
    labels: np.ndarray  # per local node; -1 = unaligned
    frustration: float
    total: float  # sum of |signed weight| over dyads

    @property
    def balance(self) -> float:
        """1 - frustration / total: 1.0 is a perfectly balanced (bloc-consistent) graph."""
        return 1.0 - self.frustration / self.total if self.total > 0 else 1.0


def _components(adj: np.ndarray) -> list[np.ndarray]:
    """Connected components of a boolean adjacency matrix (min-label propagation)."""
    n = adj.shape[0]
    labels = np.arange(n)
    link = adj | adj.T | np.eye(n, dtype=bool)
    while True:
        new = np.where(link, labels[None, :], n).min(axis=1)
        new = new[new]  # pointer jumping: converges in O(log diameter) rounds
        if np.array_equal(new, labels):
            break
        labels = new
    return [np.flatnonzero(labels == r) for r in np.unique(labels)]


def leading_eigenvector(a: np.ndarray, iters: int = 500, tol: float = 1e-9) -> np.ndarray:
    """Eigenvector of the largest (algebraic) eigenvalue of a symmetric matrix.

    Power iteration on ``a + sigma I`` with sigma the largest absolute row sum (Gershgorin),
    which makes every eigenvalue non-negative so the top one dominates. Used instead of a
    full ``eigh`` because only this vector is needed and matrix-vector products do not fight
    for cores on a busy machine; the result only seeds the local search, so a loosely
    converged vector is still fine.
    """
    n = a.shape[0]
    if n <= 2:
        return np.linalg.eigh(a)[1][:, -1]
    sigma = float(np.abs(a).sum(axis=1).max())
    rng = np.random.default_rng(0)
    v: np.ndarray = np.asarray(rng.uniform(0.5, 1.0, size=(n,)), dtype=float)
    v = v / np.linalg.norm(v)
    for _ in range(iters):
        w: np.ndarray = a @ v + sigma * v
        norm = float(np.linalg.norm(w))
        if norm == 0.0:
            return v
        w = w / norm
        if float(np.abs(w - v).max()) < tol:
            return w
        v = w
    return v


def frustration(signed: np.ndarray, labels: np.ndarray) -> float:
    """Weight of negative ties inside blocs plus positive ties between blocs (each dyad once)."""
    same = (labels[:, None] == labels[None, :]) & (labels[:, None] >= 0)
    upper = np.triu(np.ones_like(signed, dtype=bool), 1)
    neg_in = np.where(same & upper & (signed < 0), -signed, 0.0).sum()
    pos_out = np.where(~same & upper & (signed > 0), signed, 0.0).sum()
    return float(neg_in + pos_out)


def find_blocs(signed: np.ndarray, config: NetworkConfig) -> BlocResult:
    """Frustration-minimising partition of a symmetric signed matrix (see module docstring)."""
    a = np.array(signed, dtype=float)
    np.fill_diagonal(a, 0.0)
    a[np.abs(a) <= config.bloc_min_weight] = 0.0
    n = a.shape[0]
    labels = np.full(n, -1, dtype=np.int64)
    active = np.flatnonzero(np.abs(a).sum(axis=1) > 0)
    if active.size == 0:
        return BlocResult(labels, 0.0, 0.0)
    nxt = 0
    for comp in _components(np.abs(a[np.ix_(active, active)]) > 0):
        idx = active[comp]
        sub = a[np.ix_(idx, idx)]
        v = leading_eigenvector(sub)
        pos = v >= 0
        if pos.all() or (~pos).all():
            labels[idx] = nxt
            nxt += 1
        else:
            labels[idx[pos]] = nxt
            labels[idx[~pos]] = nxt + 1
            nxt += 2
    # greedy frustration-minimising local search (Doreian & Mrvar): cost of node i in bloc c
    # is P_i - sum_{j in c} a_ij, so the best bloc maximises the signed weight into it.
    cap = nxt + active.size + 1
    onehot = np.zeros((n, cap))
    onehot[active, labels[active]] = 1.0
    into = a @ onehot  # into[i, c] = signed weight from i into bloc c
    sizes = onehot.sum(axis=0)
    order = active[np.argsort(-np.abs(a[active]).sum(axis=1), kind="stable")]
    eps = 1e-9
    for _ in range(max(config.bloc_max_passes, 1)):
        moved = False
        for i in order:
            cur = int(labels[i])
            row = into[i]
            best = int(np.argmax(np.where(sizes > 0, row, -np.inf)))
            target, value = best, float(row[best])
            if value <= 0.0:  # no bloc is net-friendly: a bloc of its own is better
                if sizes[cur] == 1:
                    continue
                target, value = int(np.flatnonzero(sizes == 0)[0]), 0.0
            if target != cur and value > float(row[cur]) + eps:
                into[:, cur] -= a[:, i]
                into[:, target] += a[:, i]
                sizes[cur] -= 1
                sizes[target] += 1
                labels[i] = target
                moved = True
        if not moved:
            break
    # relabel 0.. by bloc size (largest first), ties by first member
    used = [int(c) for c in np.unique(labels[labels >= 0])]
    used.sort(key=lambda c: (-int((labels == c).sum()), int(np.flatnonzero(labels == c)[0])))
    remap = {c: k for k, c in enumerate(used)}
    out = np.array([remap.get(int(c), -1) for c in labels], dtype=np.int64)
    total = float(np.abs(np.triu(a, 1)).sum())
    return BlocResult(out, frustration(a, out), total)


@dataclass
class HubResult:
    degree: np.ndarray  # cooperative partners
    clustering: np.ndarray  # share of partner pairs that cooperate with each other
    score: np.ndarray  # degree * (1 - clustering)
    strength: np.ndarray  # cooperative weight over the partner ties
    ties: np.ndarray  # boolean cooperative tie matrix


def find_hubs(m: WindowMatrices, config: NetworkConfig) -> HubResult:
    """Hub-and-spoke score of every actor (see module docstring)."""
    p = m.coop + m.coop.T
    q = m.conf + m.conf.T
    tie = (p >= config.hub_min_weight) & (p > q)
    np.fill_diagonal(tie, False)
    t = tie.astype(float)
    deg = t.sum(axis=1)
    tri = ((t @ t) * t).sum(axis=1) / 2.0
    pairs = deg * (deg - 1) / 2.0
    clust = np.divide(tri, pairs, out=np.zeros_like(tri), where=pairs > 0)
    return HubResult(deg.astype(np.int64), clust, deg * (1.0 - clust), (p * t).sum(axis=1), tie)


@dataclass
class Realignment:
    """One dyad whose balance moved between windows ``w_from`` and ``w_to``."""

    a: int
    b: int
    w_from: int
    w_to: int
    balance_from: float
    balance_to: float
    weight_from: float
    weight_to: float
    z: float = 0.0  # two-proportion z of the cooperative share (weights as counts)

    @property
    def change(self) -> float:
        return self.balance_to - self.balance_from

    @property
    def kind(self) -> str:
        if self.balance_from < 0 < self.balance_to:
            return "conflict_to_cooperation"
        if self.balance_from > 0 > self.balance_to:
            return "cooperation_to_conflict"
        return "warming" if self.change > 0 else "cooling"


def dyad_series(agg: Aggregate) -> dict[str, np.ndarray]:
    """Undirected dyad x window totals, sorted by (dyad, window): a, b, win, coop, conf."""
    n = max(agg.n_actors, 1)
    a = np.minimum(agg.src, agg.tgt)
    b = np.maximum(agg.src, agg.tgt)
    dy = a * n + b
    key = dy * (len(agg.windows) + 1) + agg.win
    uniq, inv = np.unique(key, return_inverse=True)
    inv = inv.ravel()
    coop = np.bincount(inv, weights=agg.cooperation, minlength=uniq.shape[0])
    conf = np.bincount(inv, weights=agg.conflict, minlength=uniq.shape[0])
    dyk = uniq // (len(agg.windows) + 1)
    return {"a": dyk // n, "b": dyk % n, "dyad": dyk, "win": uniq % (len(agg.windows) + 1),
            "coop": coop, "conf": conf}


def find_realignments(agg: Aggregate, config: NetworkConfig) -> list[Realignment]:
    """Dyads whose balance changes sign or shifts strongly between windows (vectorised).

    Two comparisons per observed (dyad, window): with the dyad's previous observed window
    (sign change or shift), and with the last window where the dyad was clearly on one side
    (|balance| >= ``realign_min_balance``), so that hostile -> mixed -> friendly over three
    windows is still caught as one sign change.
    """
    s = dyad_series(agg)
    tot = s["coop"] + s["conf"]
    keep = tot >= config.realign_min_weight
    dyad, win = s["dyad"][keep], s["win"][keep]
    bal = ((s["coop"] - s["conf"]) / np.where(tot > 0, tot, 1.0))[keep]
    tot = tot[keep]
    if dyad.size < 2:
        return []
    idx = np.arange(dyad.size)
    # consecutive observed windows
    prev = idx - 1
    # last earlier row of the same dyad that was clearly on one side
    decided = np.where(np.abs(bal) >= config.realign_min_balance, idx, -1)
    last = np.maximum.accumulate(decided)
    prev_dec = np.concatenate([[-1], last[:-1]])
    pairs = []
    for p_arr in (prev, prev_dec):
        ok = (p_arr >= 0) & (dyad[np.maximum(p_arr, 0)] == dyad)
        pairs.append(np.stack([p_arr[ok], idx[ok]], axis=1))
    pp = np.unique(np.concatenate(pairs), axis=0)
    if pp.size == 0:
        return []
    j, i = pp[:, 0], pp[:, 1]
    b0, b1 = bal[j], bal[i]
    flip = (np.sign(b0) * np.sign(b1) < 0) & (np.abs(b0) >= config.realign_min_balance) & (
        np.abs(b1) >= config.realign_min_balance)
    shift = (np.abs(b1 - b0) >= config.realign_shift) & (j == i - 1)
    # two-proportion z statistic on the cooperative share, with weights as counts: a change
    # carried by many events outranks the same change carried by two
    n0, n1 = tot[j], tot[i]
    p0, p1 = (b0 + 1) / 2, (b1 + 1) / 2
    pooled = (p0 * n0 + p1 * n1) / (n0 + n1)
    se = np.sqrt(pooled * (1 - pooled) * (1 / n0 + 1 / n1))
    z = np.divide(np.abs(p1 - p0), se, out=np.zeros_like(se), where=se > 0)
    hits = np.flatnonzero((flip | shift) & (z >= config.realign_min_z))
    n = max(agg.n_actors, 1)
    out = [Realignment(int(dyad[i[h]] // n), int(dyad[i[h]] % n), int(win[j[h]]),
                       int(win[i[h]]), float(b0[h]), float(b1[h]), float(n0[h]), float(n1[h]),
                       float(z[h]))
           for h in hits]
    out.sort(key=lambda r: (-r.z, -abs(r.change), r.w_to, r.a, r.b))
    return out

"""Incremental near-duplicate and containment index: which articles are copies of which.

How it decides (each step documented so a reader can audit a link):

1. Fingerprint: sorted unique hashes of the 5-word shingles of the clean text
   (:mod:`.shingles`), so furniture the extractor removed, headlines and paragraph breaks
   do not matter.
2. Candidates: a datasketch ``MinHash`` (128 permutations, ``affine32`` scheme) of the
   shingle set goes into a datasketch ``MinHashLSH`` with *one-row bands* over its first
   ``bands`` permutations. A pair collides in a band with probability equal to its
   Jaccard J, so it is missed only with probability ``(1 - J) ** bands``: with 24 bands a
   30% excerpt (J about 0.3) is missed with probability 2e-4 and a pair at J = 0.15 with
   0.02. Plain Jaccard banding tuned at a high threshold would lose excerpts, which is
   why the bands are this wide; the looseness costs only verification time.
3. Prefilter: the full 128-value signatures give a Jaccard estimate for each candidate;
   candidates whose estimate is far below the link threshold are dropped (vectorised).
4. Exact verification: the link is made only if the exact containment
   ``|A∩B| / min(|A|,|B|)`` of the two shingle sets is at least ``min_containment``
   (0.5) and they share at least ``min_shared`` shingles. Two different articles on the
   same event share names and a quote or two, rarely half of the shorter text's
   5-word shingles.
5. Families: links are joined with union-find (a copy of a copy is in its origin's
   family). The link set does not depend on insertion order, so adding articles one by
   one gives exactly the families of a batch run. The origin is the earliest by
   publication date, then by first seen, then by insertion order.

The index is saved as one ``.npz`` file (numpy arrays plus a JSON header, no pickle) that
the storage keeps next to its SQLite database; loading rebuilds the LSH tables from the
stored signatures without re-reading any text.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from .shingles import SHINGLE_SIZE, containment_jaccard, shingle_hashes

FORMAT_VERSION = 1
NUM_PERM = 128
SEED = 1
DEFAULT_BANDS = 24
MIN_CONTAINMENT = 0.5
MIN_SHARED = 8
MAX_BUCKET = 200


@dataclass
class Link:
    """A verified copy relation between two indexed articles (internal positions)."""

    a: int
    b: int
    containment: float
    jaccard: float


class _UnionFind:
    def __init__(self) -> None:
        self.parent: list[int] = []

    def add(self) -> None:
        self.parent.append(len(self.parent))

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                ra, rb = rb, ra
            self.parent[ra] = rb


class RepublicationIndex:
    """Links each added article to the copies already indexed; see the module docstring.

    ``add`` is incremental: it touches only the new article's LSH buckets and the
    candidates found there, never the rest of the corpus.
    """

    def __init__(
        self,
        *,
        bands: int = DEFAULT_BANDS,
        min_containment: float = MIN_CONTAINMENT,
        min_shared: int = MIN_SHARED,
        shingle_size: int = SHINGLE_SIZE,
        max_bucket: int = MAX_BUCKET,
    ) -> None:
        if not 2 <= bands <= NUM_PERM:
            raise ValueError(f"bands must be in 2..{NUM_PERM}")
        self.bands = bands
        self.min_containment = min_containment
        self.min_shared = min_shared
        self.shingle_size = shingle_size
        self.max_bucket = max_bucket
        self._perms = MinHash(num_perm=NUM_PERM, seed=SEED).permutations
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=(bands, 1))
        self.ids: list[str] = []
        self._pos: dict[str, int] = {}
        self.published: list[str | None] = []
        self.first_seen: list[str | None] = []
        self.outlet: list[str | None] = []
        self._shingles: list[np.ndarray] = []
        self._sigs = np.zeros((0, NUM_PERM), dtype=np.uint32)
        self._n = 0
        self.links: list[Link] = []
        self._uf = _UnionFind()

    # -- building -------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._n

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._pos

    def _minhash(self, shingles: np.ndarray) -> MinHash:
        m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int,
                    permutations=self._perms, scheme="affine32")
        if len(shingles):
            m.update_batch(shingles.tolist())
        return m

    def add(self, doc_id: str, text: str, published: str | None = None,
            first_seen: str | None = None, outlet: str | None = None) -> list[str]:
        """Index one article; return the ids of the indexed articles it was linked to.

        ``published`` and ``first_seen`` are ISO dates or timestamps (compared as strings).
        Adding an id that is already indexed changes nothing.
        """
        if doc_id in self._pos:
            return []
        shingles = shingle_hashes(text, self.shingle_size)
        m = self._minhash(shingles)
        pos = self._append(doc_id, shingles, m.hashvalues, published, first_seen, outlet)
        linked = self._link(pos, m) if len(shingles) else []
        if len(shingles):
            self._lsh.insert(pos, m, check_duplication=False)
        return [self.ids[j] for j in linked]

    def add_many(self, items: Iterable[tuple[str, str, str | None, str | None, str | None]],
                 ) -> None:
        """Add ``(doc_id, text, published, first_seen, outlet)`` tuples in order."""
        for doc_id, text, published, first_seen, outlet in items:
            self.add(doc_id, text, published, first_seen, outlet)

    def _append(self, doc_id: str, shingles: np.ndarray, sig: np.ndarray,
                published: str | None, first_seen: str | None, outlet: str | None) -> int:
        pos = self._n
        if pos >= len(self._sigs):  # amortised growth keeps memory linear and adds O(1)
            grown = np.zeros((max(1024, 2 * len(self._sigs)), NUM_PERM), dtype=np.uint32)
            grown[:pos] = self._sigs[:pos]
            self._sigs = grown
        self._sigs[pos] = sig
        self._n += 1
        self.ids.append(doc_id)
        self._pos[doc_id] = pos
        self.published.append(published)
        self.first_seen.append(first_seen)
        self.outlet.append(outlet)
        self._shingles.append(shingles)
        self._uf.add()
        return pos

    def _candidates(self, m: MinHash) -> set[int]:
        """Keys sharing a band bucket with ``m``, skipping buckets of over ``max_bucket``.

        Like ``MinHashLSH.query``, but a bucket that holds hundreds of articles is a
        boilerplate shingle (a newsletter line, a disclaimer) that happens to be their
        minimum, not evidence of copying; skipping it keeps the work per added article
        bounded as the corpus grows. A real copy still meets its origin in other bands.
        """
        lsh = self._lsh
        out: set[int] = set()
        hv = m.hashvalues
        for (start, end), table in zip(lsh.hashranges, lsh.hashtables, strict=True):
            bucket = table.get(lsh._H(hv[start:end]))
            if 0 < len(bucket) <= self.max_bucket:
                out.update(bucket)
        return out

    def _link(self, pos: int, m: MinHash) -> list[int]:
        cands = self._candidates(m)
        if not cands:
            return []
        idx = np.fromiter(cands, dtype=np.int64, count=len(cands))
        new = self._shingles[pos]
        # Prefilter with the signature estimate. For an excerpt at the link threshold,
        # J >= c * |small| / |large| > 0; keep everything whose estimate could be there.
        sizes = np.fromiter((len(self._shingles[j]) for j in idx), dtype=np.int64,
                            count=len(idx))
        small = np.minimum(sizes, len(new))
        large = np.maximum(sizes, len(new))
        c = self.min_containment
        j_floor = c * small / (large + small - c * small)  # Jaccard of a pair at containment c
        est = (self._sigs[idx] == self._sigs[pos]).mean(axis=1)
        keep = idx[est >= 0.5 * j_floor - 0.05]
        linked = []
        for j in keep.tolist():
            cont, jac, shared = containment_jaccard(new, self._shingles[j])
            if cont >= self.min_containment and shared >= self.min_shared:
                self.links.append(Link(int(j), pos, cont, jac))
                self._uf.union(int(j), pos)
                linked.append(int(j))
        return linked

    # -- reading --------------------------------------------------------------------------

    def _order_key(self, i: int) -> tuple[str, str, int]:
        # Unknown dates sort last: an undated copy must not become the origin.
        return (self.published[i] or "\uffff", self.first_seen[i] or "\uffff", i)

    def similarity(self, a: str, b: str) -> tuple[float, float]:
        """Exact (containment, Jaccard) of two indexed articles."""
        cont, jac, _ = containment_jaccard(self._shingles[self._pos[a]],
                                           self._shingles[self._pos[b]])
        return cont, jac

    def family_groups(self) -> list[list[int]]:
        """Positions of the members of each family of two or more, origin first."""
        groups: dict[int, list[int]] = {}
        for link in self.links:
            root = self._uf.find(link.a)
            groups.setdefault(root, [])
        for i in range(self._n):
            root = self._uf.find(i)
            if root in groups:
                groups[root].append(i)
        out = [sorted(members, key=self._order_key) for members in groups.values()]
        out.sort(key=lambda g: self._order_key(g[0]))
        return out

    def families(self) -> list[dict[str, Any]]:
        """Families in analysis.json's shape, earliest origin first.

        ``members`` lists every copy with its exact containment and Jaccard against the
        origin and ``linked_to``: the earlier member it shares most with (for a copy of a
        copy that is the intermediate copy, not the origin). ``similarity`` is the mean
        containment of the copies against the origin.
        """
        best: dict[int, tuple[float, int]] = {}
        for link in self.links:
            for x, y in ((link.a, link.b), (link.b, link.a)):
                if self._order_key(y) < self._order_key(x) and (
                        x not in best or link.containment > best[x][0]):
                    best[x] = (link.containment, y)
        result = []
        for group in self.family_groups():
            origin = group[0]
            members = []
            for i in group[1:]:
                cont, jac, _ = containment_jaccard(self._shingles[origin], self._shingles[i])
                via = best.get(i, (0.0, origin))[1]
                members.append({"id": self.ids[i], "containment": round(cont, 4),
                                "jaccard": round(jac, 4), "linked_to": self.ids[via],
                                "published": self.published[i], "outlet": self.outlet[i]})
            result.append({
                "origin": self.ids[origin],
                "origin_published": self.published[origin],
                "origin_outlet": self.outlet[origin],
                "copies": [m["id"] for m in members],
                "similarity": round(float(np.mean([m["containment"] for m in members])), 4),
                "members": members,
            })
        return result

    # -- persistence ----------------------------------------------------------------------

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the index to one ``.npz`` file atomically (temp file, then rename)."""
        path = Path(path)
        n = self._n
        sizes = np.fromiter((len(s) for s in self._shingles), dtype=np.int64, count=n)
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(sizes, out=offsets[1:])
        flat = (np.concatenate(self._shingles) if n else np.empty(0, dtype=np.uint32))
        header = {
            "format": FORMAT_VERSION, "num_perm": NUM_PERM, "seed": SEED,
            "bands": self.bands, "min_containment": self.min_containment,
            "min_shared": self.min_shared, "shingle_size": self.shingle_size,
            "max_bucket": self.max_bucket, "ids": self.ids, "published": self.published,
            "first_seen": self.first_seen, "outlet": self.outlet,
        }
        links = np.array([(lk.a, lk.b) for lk in self.links], dtype=np.int64).reshape(-1, 2)
        scores = np.array([(lk.containment, lk.jaccard) for lk in self.links],
                          dtype=np.float64).reshape(-1, 2)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                np.savez(fh, header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8),
                         sigs=self._sigs[:n], shingles=flat, offsets=offsets,
                         links=links, scores=scores)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> RepublicationIndex:
        """Read an index written by :meth:`save` and rebuild its LSH tables."""
        with np.load(Path(path), allow_pickle=False) as data:
            header = json.loads(data["header"].tobytes().decode())
            if header.get("format") != FORMAT_VERSION or header.get("num_perm") != NUM_PERM:
                raise ValueError(f"{path}: unsupported republication index format")
            index = cls(bands=header["bands"], min_containment=header["min_containment"],
                        min_shared=header["min_shared"], shingle_size=header["shingle_size"],
                        max_bucket=header.get("max_bucket", MAX_BUCKET))
            sigs = data["sigs"]
            flat = data["shingles"]
            offsets = data["offsets"]
            links = data["links"]
            scores = data["scores"]
        n = len(header["ids"])
        index.ids = list(header["ids"])
        index._pos = {d: i for i, d in enumerate(index.ids)}
        index.published = list(header["published"])
        index.first_seen = list(header["first_seen"])
        index.outlet = list(header["outlet"])
        index._shingles = [flat[offsets[i]:offsets[i + 1]] for i in range(n)]
        index._sigs = np.array(sigs, dtype=np.uint32).reshape(n, NUM_PERM)
        index._n = n
        index._uf.parent = list(range(n))
        for (a, b), (cont, jac) in zip(links.tolist(), scores.tolist(), strict=True):
            index.links.append(Link(int(a), int(b), float(cont), float(jac)))
            index._uf.union(int(a), int(b))
        with index._lsh.insertion_session() as session:
            for i in range(n):
                if len(index._shingles[i]):
                    m = MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=index._sigs[i],
                                permutations=index._perms, scheme="affine32")
                    session.insert(i, m, check_duplication=False)
        return index

"""Read PolNeAR (BRAT standoff) and score attributions against it.

Matching, defined once here and used by ``allegiance eval attribution``:

* Each ``.ann`` file is one gold set (an article annotated by two people counts twice).
  Only ``Attribution`` / ``Attribution-no-source`` relations are scored; ``Discard`` and
  ``Discuss`` spans are ignored. Spans may have several fragments; whitespace at fragment
  ends is trimmed on both sides before comparison.
* Predicted and gold relations are paired one to one: a pair needs overlapping cues (at least
  one shared character); among candidates the pair with the exact cue and the larger content
  overlap wins (greedy).
* **Exact** (per role): a paired relation whose role span has exactly the same fragments.
  Precision divides by the predicted relations that have that role, recall by the gold ones
  (a relation without a source counts for neither in the source row).
* **Overlap** (per role), as in BBC Citron: token-proportional. Tokens are ``\\w+`` runs and
  single punctuation marks; precision = tokens shared by paired role spans / tokens in all
  predicted role spans, recall = the same / tokens in all gold role spans.
* **Relation exact**: a pair whose cue, source and content all match exactly (no source on
  both sides counts as a match). **Relation overlap**: a pair whose cue, content and source
  each share at least one token with the gold one (no source on both sides matches).
  **Relation token overlap**: Citron's "all quote spans" number, the token overlap summed
  over the three roles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

Frag = tuple[int, int]
Relation = dict[str, list[Frag]]  # role -> fragments; roles: source, cue, content
ROLES = ("source", "cue", "content")

_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass
class GoldArticle:
    name: str
    text: str
    annotations: list[list[Relation]]  # one list of relations per annotator file


def _trim_frag(text: str, a: int, b: int) -> Frag:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b)


def parse_ann(ann: str, text: str) -> list[Relation]:
    """Relations of one BRAT ``.ann`` file (span lines may wrap: only T/E lines count)."""
    spans: dict[str, tuple[str, list[Frag]]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not re.fullmatch(r"[TE]\d+", parts[0]):
            continue
        if parts[0][0] == "T":
            typ, _, offs = parts[1].partition(" ")
            frags = []
            for piece in offs.split(";"):
                a, b = piece.split()
                frags.append(_trim_frag(text, int(a), int(b)))
            spans[parts[0]] = (typ, [f for f in frags if f[1] > f[0]])
        else:
            events.append(dict(x.split(":", 1) for x in parts[1].split()))
    rels: list[Relation] = []
    for ev in events:
        if not any(k.startswith("Attribution") for k in ev):
            continue
        rel: Relation = {}
        for role in ROLES:
            key = role.capitalize()
            if key in ev and ev[key] in spans:
                rel[role] = sorted(spans[ev[key]][1])
        if "content" in rel or "cue" in rel:
            rels.append(rel)
    return rels


def load_split(data: Path, split: str, limit: int | None = None) -> Iterator[GoldArticle]:
    """Articles of ``data/<split>`` with every annotator's relations."""
    root = data / "data" / split if (data / "data").is_dir() else data / split
    text_dir, ann_dir = root / "text", root / "attributions"
    by_article: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        name = re.sub(r"_[0-9a-f]+$", "", ann.stem)
        by_article.setdefault(name, []).append(ann)
    for k, (name, anns) in enumerate(sorted(by_article.items())):
        if limit is not None and k >= limit:
            break
        text = (text_dir / f"{name}.txt").read_text(encoding="utf-8")
        yield GoldArticle(name, text, [parse_ann(p.read_text(encoding="utf-8"), text)
                                       for p in anns])


def _tokens(text: str, frags: list[Frag] | None) -> set[int]:
    if not frags:
        return set()
    out: set[int] = set()
    for a, b in frags:
        out.update(a + m.start() for m in _TOKEN.finditer(text[a:b]))
    return out


def _overlaps(x: list[Frag] | None, y: list[Frag] | None) -> bool:
    if not x or not y:
        return False
    return any(a < d and c < b for a, b in x for c, d in y)


class Scorer:
    """Accumulates counts over documents; :meth:`result` gives P/R/F1."""

    def __init__(self) -> None:
        self.n_pred = 0
        self.n_gold = 0
        self.role_pred = dict.fromkeys(ROLES, 0)
        self.role_gold = dict.fromkeys(ROLES, 0)
        self.exact_tp = dict.fromkeys(ROLES, 0)
        self.tok_pred = dict.fromkeys(ROLES, 0)
        self.tok_gold = dict.fromkeys(ROLES, 0)
        self.tok_both = dict.fromkeys(ROLES, 0)
        self.rel_exact = 0
        self.rel_overlap = 0

    def add(self, text: str, pred: list[Relation], gold: list[Relation]) -> None:
        self.n_pred += len(pred)
        self.n_gold += len(gold)
        toks_p = [{r: _tokens(text, p.get(r)) for r in ROLES} for p in pred]
        toks_g = [{r: _tokens(text, g.get(r)) for r in ROLES} for g in gold]
        for rels, toks, counts, tcounts in ((pred, toks_p, self.role_pred, self.tok_pred),
                                            (gold, toks_g, self.role_gold, self.tok_gold)):
            for rel, tk in zip(rels, toks, strict=True):
                for r in ROLES:
                    if rel.get(r):
                        counts[r] += 1
                        tcounts[r] += len(tk[r])
        cands = []
        for i, p in enumerate(pred):
            for j, g in enumerate(gold):
                if _overlaps(p.get("cue"), g.get("cue")):
                    cands.append((p.get("cue") == g.get("cue"),
                                  len(toks_p[i]["content"] & toks_g[j]["content"]), i, j))
        cands.sort(reverse=True)
        used_p: set[int] = set()
        used_g: set[int] = set()
        for _, _, i, j in cands:
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            p, g = pred[i], gold[j]
            all_exact = True
            all_overlap = True
            for r in ROLES:
                pr, gr = p.get(r), g.get(r)
                if pr and gr and pr == gr:
                    self.exact_tp[r] += 1
                elif pr or gr:
                    all_exact = False
                shared = toks_p[i][r] & toks_g[j][r]
                self.tok_both[r] += len(shared)
                if (pr or gr) and not shared:
                    all_overlap = False
            self.rel_exact += all_exact
            self.rel_overlap += all_overlap

    @staticmethod
    def _prf(tp: float, npred: float, ngold: float) -> dict[str, float]:
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}

    def result(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for r in ROLES:
            out[f"{r}_exact"] = self._prf(self.exact_tp[r], self.role_pred[r], self.role_gold[r])
            out[f"{r}_overlap"] = self._prf(self.tok_both[r], self.tok_pred[r], self.tok_gold[r])
        out["relation_exact"] = self._prf(self.rel_exact, self.n_pred, self.n_gold)
        out["relation_overlap"] = self._prf(self.rel_overlap, self.n_pred, self.n_gold)
        out["relation_token_overlap"] = self._prf(
            sum(self.tok_both.values()), sum(self.tok_pred.values()), sum(self.tok_gold.values()))
        return out

"""The SemEval-2020 Task 11 measures, implemented after the official scorers.

* SI (span identification, ``task-SI_scorer.py``): overlapping spans of an article are
  merged on each side, then with spans as sets of character indices
  ``P = sum_{s in S} sum_{t in T} |s & t| / |s|  /  |S|`` and
  ``R = sum_{s in S} sum_{t in T} |s & t| / |t|  /  |T|`` (S predicted, T gold).
* TC (technique classification, ``task-TC_scorer.py``): predictions label the gold spans;
  a gold span with several techniques matches the predicted labels of the same span in any
  order; micro-F1 over all spans and per-technique F1.
* FLC (labelled spans from raw text, the NLP4IF-2019 fragment scorer): the SI formula where
  a predicted span only earns credit against gold spans of the same technique.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .ptc import Labelled, Unlabelled


@dataclass
class PRF:
    precision: float
    recall: float
    f1: float
    support: int = 0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "support": self.support}


@dataclass
class TCResult:
    micro: PRF
    per_technique: dict[str, PRF] = field(default_factory=dict)


def _f1(p: float, r: float, n_pred: int = 1, n_gold: int = 1) -> float:
    if n_pred == 0 and n_gold == 0:
        return 1.0  # nothing to find and nothing found: the official scorers give 1
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping character spans (``[start, end)``), as the SI scorer does.

    Spans that only touch (one ends where the next starts) are not overlapping and stay apart.
    """
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _span_prf(pred: dict[str, list[tuple[int, int]]],
              gold: dict[str, list[tuple[int, int]]]) -> PRF:
    n_pred = sum(len(v) for v in pred.values())
    n_gold = sum(len(v) for v in gold.values())
    p_num = r_num = 0.0
    for aid, spans in pred.items():
        for sp in spans:
            for gd in gold.get(aid, ()):
                inter = _overlap(sp, gd)
                if inter:
                    p_num += inter / (sp[1] - sp[0])
                    r_num += inter / (gd[1] - gd[0])
    p = p_num / n_pred if n_pred else 0.0
    r = r_num / n_gold if n_gold else 0.0
    return PRF(p, r, _f1(p, r, n_pred, n_gold), n_gold)


def score_si(pred: Iterable[Unlabelled], gold: Iterable[Unlabelled]) -> PRF:
    """SemEval-2020 SI precision/recall/F1 with partial-overlap credit."""
    return _span_prf(_merged(pred), _merged(gold))


def _merged(rows: Iterable[Unlabelled]) -> dict[str, list[tuple[int, int]]]:
    raw: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for aid, s, e in rows:
        raw[aid].append((s, e))
    return {aid: merge_spans(v) for aid, v in raw.items()}


def score_flc(pred: Iterable[Labelled], gold: Iterable[Labelled],
              techniques: Sequence[str]) -> TCResult:
    """Labelled-span F1: the SI formula per technique (same-technique overlaps merged)."""
    pred_l, gold_l = list(pred), list(gold)
    n_pred = n_gold = 0
    p_num = r_num = 0.0
    per: dict[str, PRF] = {}
    for tech in techniques:
        p_t = _merged([(a, s, e) for a, t, s, e in pred_l if t == tech])
        g_t = _merged([(a, s, e) for a, t, s, e in gold_l if t == tech])
        np_t = sum(len(v) for v in p_t.values())
        ng_t = sum(len(v) for v in g_t.values())
        res = _span_prf(p_t, g_t)
        per[tech] = res
        n_pred += np_t
        n_gold += ng_t
        p_num += res.precision * np_t
        r_num += res.recall * ng_t
    p = p_num / n_pred if n_pred else 0.0
    r = r_num / n_gold if n_gold else 0.0
    return TCResult(PRF(p, r, _f1(p, r), n_gold), per)


def score_tc(pred: Iterable[Labelled], gold: Iterable[Labelled],
             techniques: Sequence[str]) -> TCResult:
    """Technique classification of given (gold) spans: micro and per-technique F1."""
    gold_by: dict[tuple[str, int, int], Counter[str]] = defaultdict(Counter)
    pred_by: dict[tuple[str, int, int], Counter[str]] = defaultdict(Counter)
    for aid, t, s, e in gold:
        gold_by[(aid, s, e)][t] += 1
    for aid, t, s, e in pred:
        pred_by[(aid, s, e)][t] += 1
    unknown = set(pred_by) - set(gold_by)
    if unknown:
        raise ValueError(f"{len(unknown)} predicted spans are not gold spans, e.g. "
                         f"{sorted(unknown)[0]}")
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for key, g in gold_by.items():
        got = pred_by.get(key, Counter())
        tp.update(g & got)  # best matching of labels on the same span, in any order
        n_pred.update(got)
        n_gold.update(g)
    per: dict[str, PRF] = {}
    for tech in techniques:
        pt = tp[tech] / n_pred[tech] if n_pred[tech] else 0.0
        rt = tp[tech] / n_gold[tech] if n_gold[tech] else 0.0
        per[tech] = PRF(pt, rt, _f1(pt, rt), n_gold[tech])
    tot_tp, tot_p, tot_g = sum(tp.values()), sum(n_pred.values()), sum(n_gold.values())
    p = tot_tp / tot_p if tot_p else 0.0
    r = tot_tp / tot_g if tot_g else 0.0
    return TCResult(PRF(p, r, _f1(p, r), tot_g), per)

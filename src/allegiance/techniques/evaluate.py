"""Scoring the technique model on a PTC split the way SemEval-2020 Task 11 scores systems."""

from __future__ import annotations

import copy
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from tqdm import tqdm

from .model import DecodeParams, TechniqueModel, WindowOut
from .ptc import Labelled, Unlabelled, by_article, load_articles, load_gold
from .scorer import PRF, TCResult, score_flc, score_si, score_tc


@dataclass
class SplitPredictions:
    si: list[Unlabelled]
    flc: list[Labelled]
    tc: list[Labelled]


@dataclass
class Scores:
    si: PRF
    tc: TCResult
    flc: TCResult
    params: DecodeParams

    def as_dict(self) -> dict[str, Any]:
        return {
            "si": self.si.as_dict(),
            "tc": {"micro": self.tc.micro.as_dict(),
                   "per_technique": {k: v.as_dict() for k, v in self.tc.per_technique.items()}},
            "flc": {"micro": self.flc.micro.as_dict(),
                    "per_technique": {k: v.as_dict() for k, v in self.flc.per_technique.items()}},
            "decode": asdict(self.params),
        }


class SplitRunner:
    """Runs the encoder once over a split, then decodes/scores cheaply for any parameters."""

    def __init__(self, model: TechniqueModel, data: Path, split: str):
        self.model = model
        self.articles = load_articles(data, split)
        self.gold = load_gold(data, split)
        self.gold_by = by_article(self.gold)
        self.outs: dict[str, list[WindowOut]] = {}
        for aid, text in tqdm(self.articles.items(), desc=f"encode {split}", file=sys.stderr):
            self.outs[aid] = model.infer(text)
        self.tc_pred = self._classify_gold()

    def _classify_gold(self) -> list[Labelled]:
        """TC: label every gold span; a span that carries k techniques gets the top k."""
        rows: list[Labelled] = []
        for aid, text in self.articles.items():
            counts: dict[tuple[int, int], int] = defaultdict(int)
            for _t, s, e in self.gold_by.get(aid, []):
                counts[(s, e)] += 1
            keys = list(counts)
            if not keys:
                continue
            probs = self.model.classify(text, keys)
            for (s, e), p in zip(keys, probs, strict=True):
                for k in p.argsort()[::-1][: counts[(s, e)]]:
                    rows.append((aid, self.model.techniques[int(k)], s, e))
        return rows

    def predictions(self, params: DecodeParams, si_only: bool = False) -> SplitPredictions:
        si: list[Unlabelled] = []
        flc: list[Labelled] = []
        for aid, text in self.articles.items():
            pred = self.model.decode(text, self.outs[aid], params, si_only=si_only)
            si.extend((aid, s, e) for s, e, _ in pred.si)
            flc.extend((aid, t, s, e) for t, s, e, _ in pred.spans)
        return SplitPredictions(si, flc, self.tc_pred)

    def score(self, params: DecodeParams) -> Scores:
        p = self.predictions(params)
        techs = self.model.techniques
        gold_si = [(a, s, e) for a, _t, s, e in self.gold]
        return Scores(score_si(p.si, gold_si), score_tc(p.tc, self.gold, techs),
                      score_flc(p.flc, self.gold, techs), params)

    def tune(self, log: Any = print) -> DecodeParams:
        """Grid search: SI threshold and gap for SI F1, then extra labels/repeats for FLC F1."""
        best = self.model.params
        best_f = -1.0
        gold_si = [(a, s, e) for a, _t, s, e in self.gold]
        for t in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7):
            for peak in (0.0, 0.1, 0.2, 0.3):
                for gap in (0, 1, 2, 3):
                    for min_chars in (2, 8):
                        cand = replace(best, si_threshold=t, span_threshold=min(0.95, t + peak),
                                       gap=gap, min_chars=min_chars, multi_threshold=1.1,
                                       repeat=False)
                        f = score_si(self.predictions(cand, si_only=True).si, gold_si).f1
                        if f > best_f:
                            best, best_f = cand, f
        log(f"SI: {best} -> F1 {best_f:.4f}")
        best_f = -1.0
        chosen = best
        for multi in (1.1, 0.5, 0.4, 0.3, 0.2):
            for rep in (False, True):
                cand = replace(best, multi_threshold=multi, repeat=rep)
                res = score_flc(self.predictions(cand).flc, self.gold, self.model.techniques)
                if res.micro.f1 > best_f:
                    chosen, best_f = cand, res.micro.f1
        log(f"FLC: multi {chosen.multi_threshold} repeat {chosen.repeat} -> F1 {best_f:.4f}")
        return chosen


def cross_tune(runner: SplitRunner) -> list[Scores]:
    """Two folds over the split's articles: tune the decoding on one half, score the other.

    An honest estimate of tuned decoding on unseen articles (the shipped thresholds are tuned
    on all of dev, which flatters the dev scores).
    """
    ids = sorted(runner.articles)
    halves = [set(ids[0::2]), set(ids[1::2])]

    def view(keep: set[str]) -> SplitRunner:
        v = copy.copy(runner)
        v.articles = {a: t for a, t in runner.articles.items() if a in keep}
        v.gold = [g for g in runner.gold if g[0] in keep]
        v.tc_pred = [g for g in runner.tc_pred if g[0] in keep]
        return v

    out = []
    for i in (0, 1):
        params = view(halves[i]).tune(log=lambda _m: None)
        out.append(view(halves[1 - i]).score(params))
    return out


def format_scores(s: Scores, split: str) -> str:
    """A readable table of SI, TC and FLC scores."""
    lines = [f"PTC {split}  (decode: {asdict(s.params)})", "",
             f"{'task':<44}{'P':>8}{'R':>8}{'F1':>8}{'n':>7}"]

    def row(name: str, r: PRF) -> str:
        return f"{name:<44}{r.precision:>8.4f}{r.recall:>8.4f}{r.f1:>8.4f}{r.support:>7}"

    lines.append(row("SI  span identification (partial overlap)", s.si))
    lines.append(row("TC  technique classification (micro)", s.tc.micro))
    lines.append(row("FLC labelled spans from raw text (micro)", s.flc.micro))
    lines += ["", f"{'technique':<44}{'TC F1':>8}{'FLC F1':>8}{'n':>7}"]
    for tech, r in s.tc.per_technique.items():
        lines.append(f"{tech:<44}{r.f1:>8.4f}{s.flc.per_technique[tech].f1:>8.4f}{r.support:>7}")
    return "\n".join(lines)

"""Scorer of the ScrapingHub/Zyte article-extraction benchmark.

The benchmark scores the article body by word 4-gram shingles counted as multisets: per
document TP/FP/FN are normalised to sum to one (so long articles do not weigh more), then
precision and recall are averaged over documents and F1 is taken of the two means. Tokens
are ``\\w+`` runs, so punctuation and whitespace differences do not count.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_WORD = re.compile(r"\w+", re.UNICODE)

Counts = tuple[float, float, float]  # normalised (tp, fp, fn)


def tokens(text: str | None) -> list[str]:
    return _WORD.findall(text or "")


def shingles(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of word n-grams; a text shorter than n words is one short shingle."""
    toks = tokens(text)
    grams = [tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1))]
    return Counter(g for g in grams if g)


def match_counts(true: str | None, pred: str | None, n: int = 4) -> Counts:
    """Shingle TP/FP/FN of one document, normalised to sum to one."""
    t, p = shingles(true, n), shingles(pred, n)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    if total > 0:
        return tp / total, fp / total, fn / total
    return tp, fp, fn


def _precision(c: Counts) -> float:
    tp, fp, fn = c
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp > 0 else 0.0


def _recall(c: Counts) -> float:
    tp, fp, fn = c
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn > 0 else 0.0


def aggregate(counts: Sequence[Counts]) -> dict[str, float]:
    """Mean precision, mean recall and the F1 of those two means."""
    precs = [_precision(c) for c in counts if c[0] + c[1] > 0]
    recs = [_recall(c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(precs) if precs else 0.0
    r = statistics.mean(recs) if recs else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return {"precision": p, "recall": r, "f1": f1}


@dataclass
class BenchmarkResult:
    precision: float
    recall: float
    f1: float
    accuracy: float
    precision_std: float
    recall_std: float
    f1_std: float
    accuracy_std: float
    n: int

    def as_dict(self) -> dict[str, float | int]:
        return dict(self.__dict__)


def score(truth: dict[str, str], pred: dict[str, str], *, n_bootstrap: int = 1000,
          seed: int = 0) -> BenchmarkResult:
    """Score predicted article bodies against the ground truth, with bootstrap std."""
    keys = sorted(truth)
    counts = [match_counts(truth[k], pred.get(k) or "") for k in keys]
    exact = [float(tokens(truth[k]) == tokens(pred.get(k) or "")) for k in keys]
    main = aggregate(counts)
    rng = random.Random(seed)
    boot: dict[str, list[float]] = {"precision": [], "recall": [], "f1": [], "accuracy": []}
    n = len(keys)
    for _ in range(n_bootstrap):
        idx = [rng.randrange(n) for _ in range(n)]
        m = aggregate([counts[i] for i in idx])
        for key in ("precision", "recall", "f1"):
            boot[key].append(m[key])
        boot["accuracy"].append(statistics.mean(exact[i] for i in idx))

    def std(key: str) -> float:
        return statistics.stdev(boot[key]) if len(boot[key]) > 1 else 0.0

    return BenchmarkResult(
        precision=main["precision"], recall=main["recall"], f1=main["f1"],
        accuracy=statistics.mean(exact) if exact else 0.0,
        precision_std=std("precision"), recall_std=std("recall"), f1_std=std("f1"),
        accuracy_std=std("accuracy"), n=n,
    )


def load_truth(data: Path) -> dict[str, str]:
    raw = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    return {k: v.get("articleBody") or "" for k, v in raw.items()}


def load_output(path: Path) -> dict[str, str]:
    """Read an ``output/*.json`` file: ``{id: {articleBody}}``, or that under ``"output"``."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(raw.get("output"), dict):
        raw = raw["output"]
    return {k: v.get("articleBody") or "" for k, v in raw.items() if isinstance(v, dict)}


def load_html(data: Path, page_id: str) -> str:
    with gzip.open(data / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8") as f:
        return f.read()

"""Scores the republication index on the test built by :mod:`.evalset`."""

from __future__ import annotations

import random
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Any

from .evalset import TestSet
from .index import RepublicationIndex
from .narratives import narrative_clusters


def _pairs(groups: Iterable[list[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for g in groups:
        for a, b in combinations(sorted(g), 2):
            out.add((a, b))
    return out


def evaluate(ts: TestSet, progress: Any = None, **index_kwargs: Any) -> dict[str, Any]:
    """Pairwise precision/recall of families, origin accuracy and same-story merges."""
    index = RepublicationIndex(**index_kwargs)
    t0 = time.perf_counter()
    for d in ts.docs:
        index.add(d.id, d.text, d.published, d.first_seen, d.outlet)
        if progress is not None:
            progress.update(1)
    seconds = time.perf_counter() - t0
    fams = index.families()
    pred_groups = [[f["origin"], *f["copies"]] for f in fams]
    gold: dict[str, list[str]] = defaultdict(list)
    for d in ts.docs:
        gold[d.family].append(d.id)
    gold_groups = [g for g in gold.values() if len(g) > 1]
    pred_pairs, gold_pairs = _pairs(pred_groups), _pairs(gold_groups)
    tp = len(pred_pairs & gold_pairs)
    precision = tp / len(pred_pairs) if pred_pairs else 1.0
    recall = tp / len(gold_pairs) if gold_pairs else 1.0

    fam_of = {m: i for i, g in enumerate(pred_groups) for m in g}
    by_family: dict[str, list[str]] = defaultdict(list)
    for d in ts.docs:
        by_family[d.family].append(d.id)
    merged_story = 0
    merged_story_any = 0
    for a, b in ts.same_story_pairs:
        if a in fam_of and fam_of.get(a) == fam_of.get(b):
            merged_story += 1
        fa = {fam_of[x] for x in by_family[a] if x in fam_of}
        fb = {fam_of[x] for x in by_family[b] if x in fam_of}
        if fa & fb:
            merged_story_any += 1
    origin_ok = 0
    for key, members in gold.items():
        if len(members) < 2:
            continue
        fams_here = Counter(fam_of[m] for m in members if m in fam_of)
        if fams_here:
            best = fams_here.most_common(1)[0][0]
            origin_ok += int(pred_groups[best][0] == key)
    # Recall by kind of copy: was each copy put in its origin's family?
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for d in ts.docs:
        if d.transform == "original":
            continue
        kind = d.transform.split("+")[0]
        if kind.startswith("excerpt"):
            share = int(kind[len("excerpt"):])
            kind = "excerpt 30-49%" if share < 50 else "excerpt 50-70%"
        ok = d.id in fam_of and fam_of[d.id] == fam_of.get(d.family)
        kinds[kind][0] += int(ok)
        kinds[kind][1] += 1
    false_pairs = sorted(pred_pairs - gold_pairs)
    narratives = _narratives(ts, fams)
    return {
        "articles": len(ts.docs),
        "real_articles": sum(d.transform == "original" for d in ts.docs),
        "copies": sum(d.transform != "original" for d in ts.docs),
        "gold_families": len(gold_groups),
        "predicted_families": len(pred_groups),
        "gold_pairs": len(gold_pairs),
        "predicted_pairs": len(pred_pairs),
        "pairwise_precision": round(precision, 4),
        "pairwise_recall": round(recall, 4),
        "origin_accuracy": round(origin_ok / len(gold_groups), 4) if gold_groups else 1.0,
        "same_story_pairs": len(ts.same_story_pairs),
        "same_story_pairs_merged": merged_story,
        "same_story_pairs_merged_incl_copies": merged_story_any,
        "natural_copy_groups_in_data": ts.natural_groups,
        "real_articles_dropped_as_natural_copies": ts.dropped_natural,
        "copy_recall_by_kind": {k: {"found": v[0], "total": v[1],
                                    "recall": round(v[0] / v[1], 4)}
                                for k, v in sorted(kinds.items())},
        "false_pairs_sample": [list(p) for p in false_pairs[:10]],
        "seconds_linking": round(seconds, 2),
        "narratives": narratives,
    }


def _narratives(ts: TestSet, fams: list[dict[str, Any]]) -> dict[str, Any]:
    """How narrative clusters treat same-story pairs versus random pairs of real articles.

    A proxy, not a gold standard: "same story" is TF-IDF cosine >= 0.35 with little text
    shared; random pairs of real articles are mostly on different stories.
    """
    docs = [{"id": d.id, "text": d.text, "published": d.published} for d in ts.docs]
    t0 = time.perf_counter()
    clusters = narrative_clusters(docs, fams, min_size=1)
    seconds = time.perf_counter() - t0
    cluster_of = {a: c["id"] for c in clusters for a in c["articles"]}
    real = [d.id for d in ts.docs if d.transform == "original"]
    rng = random.Random(0)
    rand = [(rng.choice(real), rng.choice(real)) for _ in range(20000)]
    rand = [(a, b) for a, b in rand if a != b]
    same = [cluster_of[a] == cluster_of[b] for a, b in ts.same_story_pairs]
    return {
        "method": clusters[0]["method"] if clusters else None,
        "clusters_of_2_or_more": sum(len(c["articles"]) > 1 for c in clusters),
        "largest_cluster": max((len(c["articles"]) for c in clusters), default=0),
        "same_story_pairs_together": round(sum(same) / len(same), 4) if same else None,
        "random_pairs_together": round(
            sum(cluster_of[a] == cluster_of[b] for a, b in rand) / len(rand), 4),
        "seconds": round(seconds, 2),
    }

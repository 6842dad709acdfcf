"""``allegiance eval attribution``: score the claims extractor on PolNeAR.

PolNeAR has no licence: it is read from the path given, parsed here, scored, and nothing
of it is stored. The matching rules are documented in :mod:`allegiance.claims.polnear`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .polnear import ROLES, Relation, Scorer, load_split

_ROWS = [
    ("source exact", "source_exact"), ("source overlap", "source_overlap"),
    ("cue exact", "cue_exact"), ("cue overlap", "cue_overlap"),
    ("content exact", "content_exact"), ("content overlap", "content_overlap"),
    ("relation exact", "relation_exact"), ("relation overlap", "relation_overlap"),
    ("relation token overlap", "relation_token_overlap"),
]


def _relations(raw: list) -> list[Relation]:  # type: ignore[type-arg]
    out: list[Relation] = []
    for att in raw:
        rel: Relation = {"content": sorted(att.content)}
        if att.cue is not None:
            rel["cue"] = [att.cue]
        if att.source is not None:
            rel["source"] = [att.source]
        out.append(rel)
    return out


@click.command("attribution")
@click.option("--data", "data", type=click.Path(path_type=Path), required=True,
              help="PolNeAR folder (holding data/<split>/text and attributions).")
@click.option("--split", type=click.Choice(["train", "dev", "test"]), default="dev",
              show_default=True, help="Which split to score (tune on train/dev only).")
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@click.option("--json", "json_path", type=click.Path(path_type=Path), default=None,
              help="Also write the numbers to this JSON file.")
@click.option("--spacy-model", default=None, help="spaCy pipeline (default: the setting).")
def eval_attribution(data: Path, split: str, limit: int | None, json_path: Path | None,
                     spacy_model: str | None) -> None:
    """Source, cue and content P/R/F1 (exact and token overlap) on PolNeAR."""
    from tqdm import tqdm

    from ..config import Settings
    from ..nlp.spacy_stage import load_spacy
    from .extract import extract

    root = data / "data" / split if (data / "data").is_dir() else data / split
    if not (root / "attributions").is_dir() or not (root / "text").is_dir():
        raise click.UsageError(f"no PolNeAR split at {root} (expected text/ and attributions/)")
    articles = list(load_split(data, split, limit))
    if not articles:
        raise click.UsageError(f"no articles found under {root}")
    nlp = load_spacy(spacy_model or Settings().spacy_model)
    scorer = Scorer()
    n_gold_files = 0
    docs = nlp.pipe((a.text for a in articles), batch_size=16)
    for art, sdoc in tqdm(zip(articles, docs, strict=True), total=len(articles),
                          desc=f"polnear {split}", unit="article", file=sys.stderr):
        pred = _relations(extract(sdoc))
        for gold in art.annotations:
            n_gold_files += 1
            scorer.add(art.text, pred, gold)
    res = scorer.result()
    click.echo(f"PolNeAR {split}: {len(articles)} articles, {n_gold_files} annotation files, "
               f"{scorer.n_gold} gold / {scorer.n_pred} predicted relations")
    click.echo(f"{'':24s} {'P':>7s} {'R':>7s} {'F1':>7s}")
    for label, key in _ROWS:
        r = res[key]
        click.echo(f"{label:24s} {r['precision']:7.3f} {r['recall']:7.3f} {r['f1']:7.3f}")
    if json_path is not None:
        payload = {"split": split, "articles": len(articles), "annotation_files": n_gold_files,
                   "gold_relations": scorer.n_gold, "predicted_relations": scorer.n_pred,
                   "roles": list(ROLES), "scores": res}
        json_path.write_text(json.dumps(payload, indent=2), encoding="utf-8")
        click.echo(f"wrote {json_path}")

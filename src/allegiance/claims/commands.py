"""``allegiance eval attribution``: score the claims extractor on PolNeAR.

PolNeAR has no licence: it is read from the path given, parsed here, scored, and nothing
of it is stored. The matching rules are documented in :mod:`allegiance.claims.polnear`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .polnear import ROLES, GoldArticle, Relation, Scorer, load_split

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
@click.option("--split", type=click.Choice(["train", "dev", "test", "all"]), default="dev",
              show_default=True, help="Which split to score (tune on train/dev only).")
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@click.option("--json", "json_path", type=click.Path(path_type=Path), default=None,
              help="Also write the numbers to this JSON file.")
@click.option("--spacy-model", default=None, help="spaCy pipeline (default: the setting).")
@click.option("--agreement", is_flag=True,
              help="Score the human annotators against each other on the articles two people "
                   "annotated (both directions), and the extractor on the same articles: the "
                   "ceiling the gold allows. With --split all, pools train, dev and test.")
def eval_attribution(data: Path, split: str, limit: int | None, json_path: Path | None,
                     spacy_model: str | None, agreement: bool) -> None:
    """Source, cue and content P/R/F1 (exact and token overlap) on PolNeAR."""
    from tqdm import tqdm

    from ..config import Settings
    from ..nlp.spacy_stage import load_spacy
    from .extract import extract

    if split == "all" and not agreement:
        raise click.UsageError("--split all is for --agreement; score dev or test otherwise")
    splits = ["train", "dev", "test"] if split == "all" else [split]
    articles = []
    for name in splits:
        root = data / "data" / name if (data / "data").is_dir() else data / name
        if not (root / "attributions").is_dir() or not (root / "text").is_dir():
            raise click.UsageError(
                f"no PolNeAR split at {root} (expected text/ and attributions/)")
        articles += list(load_split(data, name, limit))
    if not articles:
        raise click.UsageError(f"no articles found under {data}")
    if agreement:
        _agreement(articles, split, json_path, spacy_model or Settings().spacy_model)
        return
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
    _table(res)
    if json_path is not None:
        payload = {"split": split, "articles": len(articles), "annotation_files": n_gold_files,
                   "gold_relations": scorer.n_gold, "predicted_relations": scorer.n_pred,
                   "roles": list(ROLES), "scores": res}
        json_path.write_text(json.dumps(payload, indent=2), encoding="utf-8")
        click.echo(f"wrote {json_path}")


def _table(res: dict[str, dict[str, float]]) -> None:
    click.echo(f"{'':24s} {'P':>7s} {'R':>7s} {'F1':>7s}")
    for label, key in _ROWS:
        r = res[key]
        click.echo(f"{label:24s} {r['precision']:7.3f} {r['recall']:7.3f} {r['f1']:7.3f}")


def _agreement(articles: list[GoldArticle], split: str, json_path: Path | None,
               spacy_model: str) -> None:
    """Annotator against annotator, and the extractor against both, on the same articles."""
    from ..nlp.spacy_stage import load_spacy
    from .extract import extract

    double = [a for a in articles if len(a.annotations) >= 2]
    if not double:
        raise click.UsageError("no article in this split has two annotation files")
    human, system = Scorer(), Scorer()
    nlp = load_spacy(spacy_model)
    for art, sdoc in zip(double, nlp.pipe(a.text for a in double), strict=True):
        first, second = art.annotations[:2]
        human.add(art.text, first, second)
        human.add(art.text, second, first)
        pred = _relations(extract(sdoc))
        system.add(art.text, pred, first)
        system.add(art.text, pred, second)
    click.echo(f"PolNeAR {split}: {len(double)} articles annotated twice")
    click.echo("annotator vs annotator (each file scored as gold against the other):")
    _table(human.result())
    click.echo("extractor vs either annotator, same articles:")
    _table(system.result())
    if json_path is not None:
        payload = {"split": split, "articles": len(double), "human": human.result(),
                   "system": system.result()}
        json_path.write_text(json.dumps(payload, indent=2), encoding="utf-8")
        click.echo(f"wrote {json_path}")

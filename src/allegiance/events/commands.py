"""``allegiance eval events``: score the events stage on PLOVER gold (or PETRARCH validation)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .evaluate import load_gold, run_gold, score
from .judged import is_judgement_file, load_judgements, rescore
from .petrarch import (
    CAMEO_MAP_FILE,
    VALIDATION_FILE,
    gold_sets,
    load_cameo_map,
    load_validation,
)
from .sentences import load_sentences, sentence_gold


@click.command("events")
@click.option("--data", "data", type=click.Path(path_type=Path), required=True,
              help="Folder holding PLOVER_GSR_CAMEO.txt (../shared/data/events/plover_gsr), "
                   "the UniversalPetrarch validation folder holding "
                   "PETR2_GSR_validation.xml (CAMEO codings mapped to PLOVER), or a "
                   ".tsv sentence set (id, code, text, gold; tests/data/wire_events.tsv).")
@click.option("--cameo-map", type=click.Path(path_type=Path), default=None,
              help="CAMEO-to-PLOVER table for the UniversalPetrarch records [default: "
                   "CAMEO2PLOVER-2021.txt in the plover_gsr folder beside --data].")
@click.option("--split", type=click.Choice(["all", "odd", "even"]), default="all",
              show_default=True,
              help="Records to score: odd/even positions (1-based) in the gold file. The "
                   "lexicon was tuned while reading odd records; even is the held-out half.")
@click.option("--json", "json_out", type=click.Path(path_type=Path), default=None,
              help="Also write the numbers as JSON to this file.")
@click.option("--errors", "errors_out", type=click.Path(path_type=Path), default=None,
              help="Write the per-sentence triple mismatches as JSON (for error analysis); "
                   "with a verdict file, the events still judged wrong, changed or new.")
@click.option("--articles", "articles", type=click.Path(path_type=Path), multiple=True,
              default=(Path("../shared/data"),), show_default=True,
              help="With a verdict file: the folder its article paths are relative to "
                   "(repeat for articles kept in more than one folder; tried in order).")
def eval_events(data: Path, split: str, cameo_map: Path | None, json_out: Path | None,
                errors_out: Path | None, articles: tuple[Path, ...]) -> None:
    """Event-type accuracy/F1 and (source, type, target) triple P/R/F1 on PLOVER gold.

    Given a verdict file (tests/data/real_news_judgements.tsv), re-runs the hand-judged
    real-news sentences instead and reports how many judged events keep their verdict.
    """
    if not data.exists():
        raise click.UsageError(f"--data path {data} does not exist "
                               "(expected ../shared/data/events/plover_gsr)")
    if data.suffix == ".tsv" and is_judgement_file(data):
        _eval_judged(data, articles, json_out, errors_out)
        return
    splits = {"all": (0, 1), "odd": (0, 2), "even": (1, 2)}
    off, step = splits[split]
    sectors = True
    if data.suffix == ".tsv":
        try:
            records = load_sentences(data)[off::step]
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            raise click.UsageError(f"cannot read sentences from {data}: {exc}") from exc
        docs = run_gold(records, progress=True)
        s = score(records, docs, sentence_gold)
        sectors = False
        title = f"Sentence set {data.name}: {s.n} sentences (split: {split})"
    elif (data / VALIDATION_FILE).is_file() or data.name == VALIDATION_FILE:
        table = cameo_map or data.parent / "plover_gsr" / CAMEO_MAP_FILE
        if not table.is_file():
            raise click.UsageError(f"no CAMEO-to-PLOVER table at {table} (give --cameo-map)")
        records = load_validation(data, load_cameo_map(table))[off::step]
        docs = run_gold(records, progress=True)
        s = score(records, docs, gold_sets)
        title = f"UniversalPetrarch validation records: {s.n} sentences (split: {split})"
    else:
        try:
            records = load_gold(data)
        except (OSError, ValueError) as exc:
            raise click.UsageError(f"cannot read PLOVER gold records from {data}: {exc}") from exc
        records = records[off::step]
        docs = run_gold(records, progress=True)
        s = score(records, docs)
        title = f"PLOVER gold records: {s.n} sentences (split: {split})"
    res = s.to_dict()
    res["split"] = split
    click.echo(title)
    click.echo(f"{'metric':34} {'P':>7} {'R':>7} {'F1':>7}")
    click.echo(f"{'event type accuracy (primary)':34} {'':>7} {'':>7} "
               f"{res['type_accuracy']:7.3f}")
    rows = [("event type (all events)", s.types), ("event type (primary event)", s.types_primary),
            ("triple src-type-tgt (all events)", s.triples),
            ("triple (primary event)", s.triples_primary)]
    if sectors:  # the project's sentence sets code countries only
        rows.append(("triple with sectors (all)", s.triples_sector))
    else:
        res.pop("triple_with_sectors", None)
    for name, prf in rows:
        click.echo(f"{name:34} {prf.p:7.3f} {prf.r:7.3f} {prf.f1:7.3f}")
    if json_out:
        json_out.write_text(json.dumps(res, indent=2), encoding="utf-8")
    if errors_out:
        errors_out.write_text(json.dumps(s.errors, indent=1), encoding="utf-8")


def _eval_judged(data: Path, articles: tuple[Path, ...], json_out: Path | None,
                 errors_out: Path | None) -> None:
    """Re-score hand verdicts on real news against the current coder."""
    from tqdm import tqdm

    from ..config import Settings
    from ..document import Document
    from ..pipeline import build_pipeline

    try:
        judgements = load_judgements(data)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise click.UsageError(f"cannot read verdicts from {data}: {exc}") from exc
    for folder in articles:
        if not folder.is_dir():
            raise click.UsageError(f"--articles folder {folder} does not exist "
                                   "(expected ../shared/data)")
    pipe = build_pipeline(Settings(stages=("nlp", "actors", "events", "claims")))
    res = rescore(judgements, articles,
                  lambda text, day: pipe(Document(text=text, published=day)),
                  progress=lambda files: tqdm(list(files), desc="articles", unit="file"))
    if res.missing_files:
        raise click.ClickException(f"{len(res.missing_files)} judged articles are missing "
                                   f"under {', '.join(map(str, articles))}, e.g. "
                                   f"{res.missing_files[0]}")
    click.echo(f"Hand-judged real-news sentences: {res.sentences}")
    click.echo(f"{'judged events':28} {'kept':>6} {'changed':>8} {'gone':>6} {'judged again':>13}")
    for key, name in (("ok", "judged correct"), ("wrong", "judged wrong")):
        click.echo(f"{name:28} {res.kept[key]:6d} {res.changed[key]:8d} {res.gone[key]:6d} "
                   f"{res.superseded[key]:13d}")
    click.echo(f"{'new events (unjudged)':28} {len(res.new):6d}")
    click.echo(f"precision over events whose verdict still holds: {res.precision_kept:.3f} "
               f"({res.kept['ok']}/{res.kept['ok'] + res.kept['wrong']}); "
               f"{res.unjudged} events changed or new await a verdict")
    if json_out:
        json_out.write_text(json.dumps(res.to_dict(), indent=2), encoding="utf-8")
    if errors_out:
        errors_out.write_text(json.dumps({"still_wrong": res.still_wrong,
                                          "changed": res.changed_events, "new": res.new,
                                          "lost": res.lost},
                                         indent=1), encoding="utf-8")

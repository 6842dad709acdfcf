"""``allegiance eval events``: score the events stage on the PLOVER gold records."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .evaluate import load_gold, run_gold, score


@click.command("events")
@click.option("--data", "data", type=click.Path(path_type=Path), required=True,
              help="Folder holding PLOVER_GSR_CAMEO.txt (../shared/data/events/plover_gsr).")
@click.option("--split", type=click.Choice(["all", "odd", "even"]), default="all",
              show_default=True,
              help="Records to score: odd/even positions (1-based) in the gold file. The "
                   "lexicon was tuned while reading odd records; even is the held-out half.")
@click.option("--json", "json_out", type=click.Path(path_type=Path), default=None,
              help="Also write the numbers as JSON to this file.")
@click.option("--errors", "errors_out", type=click.Path(path_type=Path), default=None,
              help="Write the per-sentence triple mismatches as JSON (for error analysis).")
def eval_events(data: Path, split: str, json_out: Path | None, errors_out: Path | None) -> None:
    """Event-type accuracy/F1 and (source, type, target) triple P/R/F1 on PLOVER gold."""
    if not data.exists():
        raise click.UsageError(f"--data path {data} does not exist "
                               "(expected ../shared/data/events/plover_gsr)")
    try:
        records = load_gold(data)
    except (OSError, ValueError) as exc:
        raise click.UsageError(f"cannot read PLOVER gold records from {data}: {exc}") from exc
    splits = {"all": (0, 1), "odd": (0, 2), "even": (1, 2)}
    off, step = splits[split]
    records = records[off::step]
    docs = run_gold(records, progress=True)
    s = score(records, docs)
    res = s.to_dict()
    res["split"] = split
    click.echo(f"PLOVER gold records: {s.n} sentences (split: {split})")
    click.echo(f"{'metric':34} {'P':>7} {'R':>7} {'F1':>7}")
    click.echo(f"{'event type accuracy (primary)':34} {'':>7} {'':>7} "
               f"{res['type_accuracy']:7.3f}")
    rows = [("event type (all events)", s.types), ("event type (primary event)", s.types_primary),
            ("triple src-type-tgt (all events)", s.triples),
            ("triple (primary event)", s.triples_primary),
            ("triple with sectors (all)", s.triples_sector)]
    for name, prf in rows:
        click.echo(f"{name:34} {prf.p:7.3f} {prf.r:7.3f} {prf.f1:7.3f}")
    if json_out:
        json_out.write_text(json.dumps(res, indent=2), encoding="utf-8")
    if errors_out:
        errors_out.write_text(json.dumps(s.errors, indent=1), encoding="utf-8")

"""``allegiance batch`` and ``allegiance load`` (mounted lazily by the main CLI)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..config import Settings


def _table(rows: list[tuple[str, str]]) -> str:
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k.ljust(width)}  {v}" for k, v in rows)


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, type=str)
@click.option("--out", "out_dir", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Output folder: Parquet tables partitioned by shard, plus corpus/.")
@click.option("--scheduler", default=None,
              help="Address of an existing Dask scheduler (tcp://host:8786) "
                   "[default: start a LocalCluster].")
@click.option("--workers", type=click.IntRange(1, 1024), default=None,
              help="LocalCluster worker processes [default: number of CPUs].")
@click.option("--memory-limit", default="auto", show_default=True,
              help="LocalCluster memory limit per worker (e.g. 2GB).")
@click.option("--shard-size", type=click.IntRange(1), default=None,
              help="Split JSON Lines / Parquet files into shards of N records, and group "
                   "loose files N per shard [default: one shard per file, 200 loose files].")
@click.option("--stages", default=None,
              help="Comma-separated article stages, or 'none' to ingest and store only "
                   "[default: nlp,actors,events,claims,techniques].")
@click.option("--spacy-model", default=None, help="spaCy pipeline to use.")
@click.option("--force", is_flag=True, help="Redo shards that are already finished.")
@click.option("--corpus/--no-corpus", default=True, show_default=True,
              help="Run republication and the network over the output afterwards.")
@click.option("--json", "json_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Also write the run's numbers as JSON.")
def batch_command(inputs: tuple[str, ...], out_dir: Path, scheduler: str | None,
                  workers: int | None, memory_limit: str, shard_size: int | None,
                  stages: str | None, spacy_model: str | None, force: bool, corpus: bool,
                  json_file: Path | None) -> None:
    """Analyse sharded INPUTS (JSON Lines, WARC, Parquet, folders) on Dask into Parquet.

    Each shard is committed atomically under OUT (articles, actors, events, attributions,
    techniques, failures; partitioned by shard=<id>), so a rerun skips finished shards and
    a killed run loses no finished work. With --scheduler, the inputs and OUT must be
    visible to every worker under the same paths (a shared file system).
    """
    from .corpus import build_corpus
    from .runner import run_batch

    settings = Settings()
    if spacy_model:
        settings.spacy_model = spacy_model
    if stages:
        settings.stages = () if stages.strip().lower() == "none" else tuple(
            s.strip() for s in stages.split(",") if s.strip())
    try:
        stats = run_batch(list(inputs), out_dir, settings, scheduler=scheduler, workers=workers,
                          force=force, shard_size=shard_size, memory_limit=memory_limit)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    for path in stats.missing:
        click.echo(f"error: {path}: no such file or folder", err=True)
    for shard, error in stats.errors:
        click.echo(f"error: shard {shard}: {error}", err=True)
    if stats.shards == 0:
        raise click.UsageError("no input files found in INPUTS")
    rate = stats.analysed / stats.seconds if stats.seconds and stats.done else None
    rows = [("shards", f"{stats.shards} ({stats.done} done now, {stats.skipped} already "
                       f"finished, {len(stats.errors)} failed)"),
            ("articles", str(stats.articles)), ("input failures", str(stats.failed)),
            ("words", str(stats.words)), ("workers", str(stats.workers)),
            ("start-up + model load", f"{stats.load_seconds:.1f} s"),
            ("shard phase", f"{stats.seconds:.1f} s"
             + (f" ({stats.analysed} articles, {rate:.1f} articles/s, "
                f"{stats.analysed_words / stats.seconds:.0f} words/s)" if rate else "")),
            ("peak worker memory", f"{stats.peak_rss_mb:.0f} MB")]
    summary = None
    if corpus and not stats.errors:
        summary = build_corpus(out_dir)
        rows.append(("corpus", f"republications: {summary.get('republications')}, "
                               f"network windows: {summary.get('network')}"))
    click.echo(_table(rows))
    click.echo(str(out_dir))
    if json_file is not None:
        from dataclasses import asdict

        json_file.write_text(json.dumps({**asdict(stats), "corpus": summary}, indent=1),
                             encoding="utf-8")
    sys.exit(1 if stats.errors or stats.failed or stats.missing else 0)


@click.command("load")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--db", required=True, help="SQLite file or postgresql:// URL.")
@click.option("--force", is_flag=True, help="Replace articles the store already has.")
def load_command(out_dir: Path, db: str, force: bool) -> None:
    """Load the Parquet output of 'allegiance batch' (OUT_DIR) into SQLite or PostgreSQL."""
    from tqdm import tqdm

    from .load import load_output
    from .tables import finished_shards

    try:
        if not finished_shards(out_dir):
            raise click.UsageError(f"{out_dir} holds no finished batch shards")
        with tqdm(desc="loading", unit="article", disable=None) as bar:
            stats = load_output(out_dir, db, force=force, progress=bar.update)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(_table([("shards", str(stats.shards)), ("loaded", str(stats.loaded)),
                       ("already stored", str(stats.skipped)),
                       ("failures recorded", str(stats.failures)), ("store", db)]))

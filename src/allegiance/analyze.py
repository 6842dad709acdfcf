"""``allegiance analyze``: inputs -> article pipeline -> store -> corpus stages -> outputs."""

from __future__ import annotations

import json
import logging
import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from .config import Settings
from .document import Document
from .ingest.errors import InputError
from .runner import Analyzer, ArticleTimeout, RunStats
from .storage import Store, open_store

log = logging.getLogger(__name__)

EXIT_OK, EXIT_SOME_FAILED = 0, 1


def run_analyze(paths: list[str], *, out_dir: Path, db: str | None, urls_file: str | None,
                settings: Settings, force: bool = False, write_report: bool = True,
                jobs: int = 1) -> int:
    """Analyse every input into the store, then write the outputs; returns the exit code."""
    from .ingest import read_inputs

    out_dir.mkdir(parents=True, exist_ok=True)
    location = db or str(out_dir / "allegiance.db")
    items = read_inputs(paths, urls_file=urls_file, settings=settings)
    with open_store(location) as store:
        stats = _analyse_all(items, store, settings, force=force, jobs=jobs)
        for source, reason in stats.failures:
            click.echo(f"error: {source}: {reason}", err=True)
        docs = list(store.iter_documents(stats.ids))
    families = link_republications(location, docs)
    click.echo(f"{stats.analysed} analysed, {stats.skipped} already stored, "
               f"{stats.failed} failed; store: {location}", err=True)
    if write_report and docs:
        for path in write_outputs(docs, out_dir, families=families):
            click.echo(str(path))
    elif write_report:
        click.echo("no article could be analysed; no report written", err=True)
    return EXIT_SOME_FAILED if stats.failed else EXIT_OK


def _analyse_all(items: Iterable[Document | InputError], store: Store, settings: Settings, *,
                 force: bool, jobs: int) -> RunStats:
    bar = tqdm(desc="analysing", unit="article", disable=None)
    stats = RunStats()
    try:
        if jobs <= 1:
            analyzer = Analyzer(settings)
            for _ in analyzer.run(items, store, force=force, stats=stats):
                bar.update(1)
        else:
            for _ in _run_parallel(items, store, settings, force=force, jobs=jobs, stats=stats):
                bar.update(1)
    finally:
        bar.close()
    return stats


# -- parallel analysis: workers load the models once and return documents as dicts ----------
_WORKER: Analyzer | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER
    # The worker processes already fill the cores: one onnxruntime thread each, not two
    # per process competing for the same cores (ALLEGIANCE_THREADS still overrides it).
    os.environ.setdefault("ALLEGIANCE_THREADS", "1")
    _WORKER = Analyzer(settings)


def _work(doc: Document) -> dict[str, Any] | tuple[str, str]:
    assert _WORKER is not None
    try:
        return _WORKER.analyze(doc).to_dict()
    except (Exception, ArticleTimeout) as exc:  # reported by the parent, never lost silently
        return (doc.source, f"analysis failed: {exc!r}")


def _run_parallel(items: Iterable[Document | InputError], store: Store, settings: Settings, *,
                  force: bool, jobs: int, stats: RunStats) -> Iterator[RunStats]:
    def pending() -> Iterator[Document]:
        for item in items:
            if not isinstance(item, Document):
                stats.fail(store, item.source, item.reason)
            elif not force and store.has_article(item.id):
                stats.skipped += 1
                if item.id not in stats.ids:
                    stats.ids.append(item.id)
            else:
                yield item

    ctx = mp.get_context("spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(settings,)) as pool:
        for result in pool.imap(_work, pending(), chunksize=4):
            if isinstance(result, tuple):
                stats.fail(store, *result)
            else:
                doc = Document.from_dict(result)
                store.save_document(doc)
                stats.analysed += 1
                if doc.id not in stats.ids:
                    stats.ids.append(doc.id)
            yield stats


# -- corpus stages ------------------------------------------------------------------------
def link_republications(location: str, docs: list[Document]) -> list[dict[str, Any]]:
    """Add ``docs`` to the store's republication index and return their families.

    For a SQLite store the MinHash index lives beside the database file and grows with each
    run, so new articles link to families already stored without recomputing the corpus.
    A family is returned when any of its members is among ``docs``.
    """
    from datetime import UTC, datetime

    from .republication import find_republications, index_path, open_index

    if location.startswith(("postgresql://", "postgres://")) or location == ":memory:":
        return find_republications(docs)
    index = open_index(location)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    added = 0
    for n, doc in enumerate(docs):
        if doc.id not in index:
            index.add(doc.id, doc.text, doc.published, f"{now}#{n:08d}", doc.outlet)
            added += 1
    if added:
        index.save(index_path(location))
    wanted = {d.id for d in docs}
    return [f for f in index.families() if wanted & {f["origin"], *f["copies"]}]


# -- outputs ------------------------------------------------------------------------------
def corpus_analysis(docs: list[Document], families: list[dict[str, Any]] | None = None,
                    network: Any = None) -> dict[str, Any]:
    """analysis.json: the articles plus the corpus stages (republication, network).

    ``network`` is an already built :class:`allegiance.network.build.NetworkResult` for these
    documents, so that a caller who also needs the report's graph builds it only once.
    """
    from .network import run_network
    from .network.build import network_json
    from .republication import find_republications, narrative_clusters, outlet_republication

    if families is None:
        families = find_republications(docs)
    if network is None:
        network = run_network(docs, families)
    return {
        "articles": [d.to_dict() for d in docs],
        "republications": families,
        "republication_by_outlet": outlet_republication(families, docs),
        "narratives": narrative_clusters(docs, families),
        "network": network_json(network),
    }


def write_outputs(docs: list[Document], out_dir: Path,
                  families: list[dict[str, Any]] | None = None) -> list[Path]:
    """Write analysis.json, events.csv and report.html into ``out_dir``."""
    from .events.export import write_events_csv
    from .network import run_network
    from .network.stage import result_payload
    from .report import render_report
    from .republication import find_republications

    out_dir.mkdir(parents=True, exist_ok=True)
    docs = sorted(docs, key=lambda d: (d.published or "9999", d.source))
    if families is None:
        families = find_republications(docs)
    network = run_network(docs, families)
    analysis = corpus_analysis(docs, families, network)
    json_path = out_dir / "analysis.json"
    json_path.write_text(json.dumps(analysis, ensure_ascii=False, indent=1), encoding="utf-8")
    csv_path = out_dir / "events.csv"
    write_events_csv(docs, csv_path)
    html_path = out_dir / "report.html"
    html_path.write_text(render_report(docs, analysis, result_payload(network)),
                         encoding="utf-8")
    return [json_path, csv_path, html_path]

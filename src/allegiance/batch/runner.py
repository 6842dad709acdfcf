"""Run the article pipeline over shards on Dask distributed, resumably.

Each shard is one task. A worker loads the models once (a per-process cache, warmed on
every worker before the first task) and commits each finished shard atomically, so a rerun
skips finished shards and a killed worker loses only the shard it was working on, which
Dask gives to another worker (or the rerun redoes).
"""

from __future__ import annotations

import logging
import os
import resource
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..document import Document
from .shards import Shard, plan_shards, read_shard, require
from .tables import ShardRows, clean_shard, commit_shard, read_marker, write_json_atomic

log = logging.getLogger(__name__)

# -- worker side ------------------------------------------------------------------------------
_ANALYZERS: dict[tuple[Any, ...], Any] = {}


def _settings_key(settings: Settings) -> tuple[Any, ...]:
    return tuple(sorted((k, str(v)) for k, v in asdict(settings).items()))


def get_analyzer(settings: Settings) -> Any:
    """The process's :class:`~allegiance.runner.Analyzer` for ``settings`` (loaded once)."""
    from ..runner import Analyzer

    key = _settings_key(settings)
    analyzer = _ANALYZERS.get(key)
    if analyzer is None:
        # Dask runs one task per worker thread and the workers fill the cores: one
        # onnxruntime thread per task (ALLEGIANCE_THREADS still overrides it).
        os.environ.setdefault("ALLEGIANCE_THREADS", "1")
        analyzer = _ANALYZERS[key] = Analyzer(settings)
    return analyzer


def preload(settings: Settings) -> dict[str, Any]:
    """Load the models on a worker (``client.run``), so the first shard pays nothing extra."""
    t0 = time.perf_counter()
    get_analyzer(settings)
    return {"pid": os.getpid(), "load_s": round(time.perf_counter() - t0, 3),
            "rss_mb": _peak_rss_mb()}


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def process_shard(shard: Shard | dict[str, Any], out: str, settings: Settings,
                  force: bool = False) -> dict[str, Any]:
    """Analyse one shard and commit its tables; returns its stats (also its commit marker)."""
    if isinstance(shard, dict):
        shard = Shard.from_dict(shard)
    out_dir = Path(out)
    stages = list(settings.stages)
    done = read_marker(out_dir, shard.id)
    if done is not None and not force and done.get("stages") == stages:
        return {**done, "status": "skipped"}
    clean_shard(out_dir, shard.id)  # whatever a killed attempt left behind
    analyzer = get_analyzer(settings)
    t0 = time.perf_counter()
    rows = ShardRows()
    seen: set[str] = set()
    failed = duplicates = 0
    for item in read_shard(shard, settings):
        if not isinstance(item, Document):
            rows.add_failure(getattr(item, "source", "?"), getattr(item, "reason", str(item)))
            failed += 1
            continue
        if item.id in seen:  # analyze stores the same clean text once; so does a shard
            duplicates += 1
            continue
        seen.add(item.id)
        try:
            doc = analyzer.analyze(item)
        except Exception as exc:  # one bad article never loses the shard
            log.exception("analysis failed for %s", item.source)
            rows.add_failure(item.source, f"analysis failed: {exc!r}")
            failed += 1
            continue
        doc.spacy_doc = None
        rows.add_document(doc)
    seconds = time.perf_counter() - t0
    stats = {
        "shard": shard.id, "status": "done", "articles": rows.articles, "failed": failed,
        "duplicates": duplicates, "words": rows.words, "seconds": round(seconds, 3),
        "stages": stages, "host": socket.gethostname(), "pid": os.getpid(),
        "peak_rss_mb": _peak_rss_mb(), "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "inputs": shard.to_dict(),
    }
    commit_shard(out_dir, shard.id, rows, stats)
    return stats


# -- driver side ------------------------------------------------------------------------------
@dataclass
class BatchStats:
    shards: int = 0
    done: int = 0
    skipped: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (shard, error)
    articles: int = 0  # in all finished shards
    failed: int = 0
    words: int = 0
    analysed: int = 0  # articles of the shards done by this run
    analysed_words: int = 0
    seconds: float = 0.0  # wall time of the shard phase (models already loaded)
    load_seconds: float = 0.0  # cluster start and model loading
    workers: int = 0
    missing: list[str] = field(default_factory=list)
    peak_rss_mb: float = 0.0  # largest worker


def run_batch(paths: list[str], out_dir: Path, settings: Settings, *,
              scheduler: str | None = None, workers: int | None = None,
              processes: bool = True, force: bool = False, shard_size: int | None = None,
              progress: bool = True, memory_limit: str = "auto",
              on_result: Callable[[dict[str, Any]], None] | None = None) -> BatchStats:
    """Analyse every shard of ``paths`` into Parquet under ``out_dir`` on a Dask cluster."""
    distributed = require("distributed")
    require("pyarrow")
    root = logging.getLogger().getEffectiveLevel()
    if logging.getLogger("distributed").getEffectiveLevel() < root:  # keep the CLI's -v level
        logging.getLogger("distributed").setLevel(root)
    from tqdm import tqdm

    out_dir.mkdir(parents=True, exist_ok=True)
    plan = plan_shards(paths, shard_size)
    stats = BatchStats(shards=len(plan.shards), missing=plan.missing)
    write_json_atomic(out_dir / "_batch.json", {
        "inputs": list(paths), "stages": list(settings.stages),
        "spacy_model": settings.spacy_model, "shard_size": shard_size,
        "shards": [s.to_dict() for s in plan.shards]})
    pending = []
    for shard in plan.shards:
        done = read_marker(out_dir, shard.id)
        if done is not None and not force and done.get("stages") == list(settings.stages):
            stats.skipped += 1
            stats.articles += int(done.get("articles", 0))
            stats.failed += int(done.get("failed", 0))
            stats.words += int(done.get("words", 0))
        else:
            pending.append(shard)
    if not pending:
        return stats
    pending.sort(key=lambda s: -s.size)  # big shards first: less idle time at the end
    t0 = time.perf_counter()
    cluster = None
    if scheduler:
        client = distributed.Client(scheduler)
    else:
        n = workers or os.cpu_count() or 1
        cluster = distributed.LocalCluster(
            n_workers=n, threads_per_worker=1, processes=processes, dashboard_address=None,
            memory_limit=memory_limit if processes else 0, silence_logs=logging.ERROR)
        client = distributed.Client(cluster)
    try:
        loaded = client.run(preload, settings)
        stats.workers = len(loaded)
        stats.peak_rss_mb = max((v["rss_mb"] for v in loaded.values()), default=0.0)
        stats.load_seconds = time.perf_counter() - t0
        t1 = time.perf_counter()
        run_id = uuid.uuid4().hex[:8]
        futures = [client.submit(process_shard, s.to_dict(), str(out_dir), settings, force,
                                 key=f"shard-{s.id}-{run_id}", retries=1) for s in pending]
        shard_of = {f.key: s.id for f, s in zip(futures, pending, strict=True)}
        bar = tqdm(total=len(futures), desc="shards", unit="shard", disable=not progress)
        try:
            for fut in distributed.as_completed(futures):
                try:
                    result = fut.result()
                except Exception as exc:  # a shard that fails twice is reported, others go on
                    stats.errors.append((shard_of.get(fut.key, str(fut.key)), repr(exc)))
                    bar.update(1)
                    continue
                stats.done += result.get("status") == "done"
                stats.skipped += result.get("status") == "skipped"
                stats.articles += int(result.get("articles", 0))
                stats.failed += int(result.get("failed", 0))
                stats.words += int(result.get("words", 0))
                if result.get("status") == "done":
                    stats.analysed += int(result.get("articles", 0))
                    stats.analysed_words += int(result.get("words", 0))
                stats.peak_rss_mb = max(stats.peak_rss_mb, float(result.get("peak_rss_mb", 0)))
                if on_result is not None:
                    on_result(result)
                bar.update(1)
        finally:
            bar.close()
        stats.seconds = time.perf_counter() - t1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return stats

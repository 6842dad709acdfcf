"""Load a batch output (Parquet) into SQLite or PostgreSQL through the ordinary store.

Documents are rebuilt from the articles table's JSON and saved with ``save_document``, so
the database holds exactly what ``allegiance analyze`` would have stored for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..storage import open_store
from .tables import finished_shards, iter_documents, iter_failures


@dataclass
class LoadStats:
    shards: int = 0
    loaded: int = 0
    skipped: int = 0  # already in the store
    failures: int = 0


def load_output(out_dir: Path, location: str, *, force: bool = False,
                progress: Callable[[int], None] | None = None) -> LoadStats:
    """Store every document of the finished shards of ``out_dir`` in ``location``."""
    shards = finished_shards(out_dir)
    stats = LoadStats(shards=len(shards))
    with open_store(location) as store:
        for doc in iter_documents(out_dir, shards):
            if not force and store.has_article(doc.id):
                stats.skipped += 1
            else:
                store.save_document(doc)
                stats.loaded += 1
            if progress is not None:
                progress(1)
        known = {(f["source"], f["reason"]) for f in store.failures()}
        for source, reason in iter_failures(out_dir, shards):
            if (source, reason) not in known:  # loading twice does not repeat failures
                store.record_failure(source, reason)
                known.add((source, reason))
                stats.failures += 1
    return stats

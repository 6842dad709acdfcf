"""Run the article pipeline over inputs and store the results, resumably.

Each analysed document is committed as soon as it is done, so an interrupted run loses
nothing already stored; a rerun skips articles whose clean text is already in the store.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .config import Settings
from .document import Document
from .ingest.errors import InputError
from .pipeline import Pipeline, build_pipeline
from .storage import Store

log = logging.getLogger(__name__)


@dataclass
class RunStats:
    analysed: int = 0
    skipped: int = 0  # already in the store (resumed or re-analysed input)
    failed: int = 0
    ids: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)


class Analyzer:
    """Holds the loaded pipeline (models load once) and analyses documents into a store."""

    def __init__(self, settings: Settings | None = None, pipeline: Pipeline | None = None):
        self.settings = settings or Settings()
        self.pipeline = pipeline or build_pipeline(self.settings)

    def analyze(self, doc: Document) -> Document:
        return self.pipeline(doc)

    def analyze_and_store(self, doc: Document, store: Store, *, force: bool = False) -> bool:
        """Analyse ``doc`` unless the store has it; returns True when it was analysed."""
        if not force and store.has_article(doc.id):
            return False
        store.save_document(self.analyze(doc))
        return True

    def run(self, items: Iterable[Document | InputError], store: Store, *,
            force: bool = False, stats: RunStats | None = None) -> Iterator[RunStats]:
        """Analyse a stream of documents (or per-input errors), yielding progress."""
        stats = stats or RunStats()
        for item in items:
            if isinstance(item, Document):
                try:
                    done = self.analyze_and_store(item, store, force=force)
                except Exception as exc:  # one bad article never stops the corpus run
                    log.exception("analysis failed for %s", item.source)
                    stats.failed += 1
                    stats.failures.append((item.source, f"analysis failed: {exc!r}"))
                    store.record_failure(item.source, f"analysis failed: {exc!r}")
                else:
                    stats.analysed += done
                    stats.skipped += not done
                    if item.id not in stats.ids:
                        stats.ids.append(item.id)
            else:
                stats.failed += 1
                stats.failures.append((item.source, item.reason))
                store.record_failure(item.source, item.reason)
            yield stats

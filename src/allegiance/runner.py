"""Run the article pipeline over inputs and store the results, resumably.

Each analysed document is committed as soon as it is done, so an interrupted run loses
nothing already stored; a rerun skips articles whose clean text is already in the store.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .config import Settings
from .document import Document
from .ingest.errors import InputError
from .pipeline import Pipeline, build_pipeline
from .storage import Store

log = logging.getLogger(__name__)


class ArticleTimeout(BaseException):
    """One article took longer than ``Settings.article_timeout``.

    A BaseException so that the pipeline's per-stage guard does not swallow it: the article
    is recorded as failed rather than stored with some stages silently missing.
    """


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` after ``seconds`` (main thread only; elsewhere no limit).

    A pathological article (a parse that sends a rule into a loop, a gigantic table) must
    not stall a corpus run: it is recorded as failed and the run goes on.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ArticleTimeout(f"analysis took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class RunStats:
    analysed: int = 0
    skipped: int = 0  # already in the store (resumed or re-analysed input)
    failed: int = 0
    ids: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def fail(self, store: Store, source: str, reason: str) -> None:
        """Count one failed input and record it in the store (it is never lost silently)."""
        self.failed += 1
        self.failures.append((source, reason))
        store.record_failure(source, reason)


class Analyzer:
    """Holds the loaded pipeline (models load once) and analyses documents into a store."""

    def __init__(self, settings: Settings | None = None, pipeline: Pipeline | None = None):
        self.settings = settings or Settings()
        self.pipeline = pipeline or build_pipeline(self.settings)

    def analyze(self, doc: Document) -> Document:
        """Run the pipeline over ``doc`` within ``settings.article_timeout``."""
        with time_limit(self.settings.article_timeout):
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
                except (Exception, ArticleTimeout) as exc:  # one bad article never stops the run
                    log.exception("analysis failed for %s", item.source)
                    stats.fail(store, item.source, f"analysis failed: {exc!r}")
                else:
                    stats.analysed += done
                    stats.skipped += not done
                    if item.id not in stats.ids:
                        stats.ids.append(item.id)
            else:
                stats.fail(store, item.source, item.reason)
            yield stats

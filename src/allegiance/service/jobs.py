"""Background analysis: submitted articles queue up and worker threads analyse them.

The pipeline loads once per worker, lazily, on the first job, so the server starts at
once. Each job records its progress stage by stage so the web page can show it; the
registry is in memory (a finished job's article is in the store, which is what lasts).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from ..config import Settings
from ..document import Document
from ..storage import Store

log = logging.getLogger(__name__)

MAX_JOBS_KEPT = 2000


@dataclass
class Job:
    """One submitted article on its way into the store."""

    id: str
    kind: str  # text | html | url
    label: str
    status: str = "queued"  # queued | fetching | analysing | storing | done | failed
    stage: str | None = None
    progress: float = 0.0
    article_id: str | None = None
    already_stored: bool = False
    error: str | None = None
    created: float = field(default_factory=time.time)
    updated: float = field(default_factory=time.time)
    payload: dict[str, Any] = field(default_factory=dict, repr=False)

    def public(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("payload")
        return data


def html_to_document(html: str, url: str | None, meta: dict[str, Any]) -> Document:
    """Main text and metadata of an HTML page (trafilatura), as an unanalysed document."""
    import trafilatura

    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False,
                               favor_precision=True) or ""
    info = trafilatura.extract_metadata(html, default_url=url)
    title = meta.get("title") or (info.title if info else None)
    outlet = meta.get("outlet") or (info.sitename if info else None)
    published = meta.get("published") or (info.date if info else None)
    if not text.strip():
        raise ValueError("no article text found in the HTML")
    return Document(text=text.strip(), source=url or "api:html", url=url, title=title,
                    outlet=outlet, published=published)


def text_to_document(text: str, meta: dict[str, Any]) -> Document:
    return Document(text=text.strip(), source=meta.get("url") or "api:text",
                    url=meta.get("url"), title=meta.get("title"), outlet=meta.get("outlet"),
                    published=meta.get("published"), author=meta.get("author"))


class JobManager:
    """Queue of analysis jobs served by ``workers`` threads, each with its own store."""

    def __init__(self, settings: Settings, store_factory: Callable[[], Store], *,
                 workers: int = 1, max_queue: int = 500, allow_fetch: bool = True,
                 analyzer_factory: Callable[[Settings], Any] | None = None):
        self.settings = settings
        self.store_factory = store_factory
        self.workers = max(1, workers)
        self.allow_fetch = allow_fetch
        self.analyzer_factory = analyzer_factory
        self.queue: queue.Queue[Job | None] = queue.Queue(maxsize=max_queue)
        self.jobs: OrderedDict[str, Job] = OrderedDict()
        self.lock = threading.Lock()
        self.threads: list[threading.Thread] = []
        self.counter = itertools.count(1)
        self.stopping = threading.Event()

    # -- submission -------------------------------------------------------------------
    def submit(self, kind: str, label: str, payload: dict[str, Any]) -> Job:
        """Queue one article; raises ``queue.Full`` when the queue is full."""
        job = Job(id=f"j{next(self.counter)}-{int(time.time() * 1000) % 10**8}", kind=kind,
                  label=label[:200], payload=payload)
        self._start_workers()
        self.queue.put_nowait(job)
        with self.lock:
            self.jobs[job.id] = job
            while len(self.jobs) > MAX_JOBS_KEPT:
                self.jobs.popitem(last=False)
        return job

    def get(self, job_id: str) -> Job | None:
        with self.lock:
            return self.jobs.get(job_id)

    def list(self, limit: int = 100) -> list[Job]:
        with self.lock:
            return list(reversed(self.jobs.values()))[:limit]

    def pending(self) -> int:
        with self.lock:
            return sum(j.status not in ("done", "failed") for j in self.jobs.values())

    def wait(self, job_id: str, timeout: float = 60.0) -> Job | None:
        """Block until a job is finished (for tests and the CLI)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            job = self.get(job_id)
            if job is None or job.status in ("done", "failed"):
                return job
            time.sleep(0.05)
        return self.get(job_id)

    # -- workers ----------------------------------------------------------------------
    def _start_workers(self) -> None:
        with self.lock:
            if self.threads:
                return
            for i in range(self.workers):
                t = threading.Thread(target=self._work, name=f"allegiance-analysis-{i}",
                                     daemon=True)
                t.start()
                self.threads.append(t)

    def stop(self, timeout: float = 5.0) -> None:
        self.stopping.set()
        for _ in self.threads:
            with contextlib.suppress(queue.Full):
                self.queue.put_nowait(None)
        for t in self.threads:
            t.join(timeout)

    def _update(self, job: Job, **changes: Any) -> None:
        with self.lock:
            for key, value in changes.items():
                setattr(job, key, value)
            job.updated = time.time()

    def _work(self) -> None:
        analyzer: Any = None
        store: Store | None = None
        while not self.stopping.is_set():
            job = self.queue.get()
            if job is None:
                break
            try:
                if store is None:
                    store = self.store_factory()
                doc = self._document(job)
                if store.has_article(doc.id) and not job.payload.get("force"):
                    self._update(job, status="done", progress=1.0, article_id=doc.id,
                                 already_stored=True, stage=None)
                    continue
                if analyzer is None:
                    self._update(job, status="analysing", stage="loading models",
                                 progress=0.05)
                    analyzer = self._make_analyzer()
                doc = self._analyse(job, analyzer, doc)
                self._update(job, status="storing", stage="store", progress=0.95)
                store.save_document(doc)
                self._update(job, status="done", stage=None, progress=1.0, article_id=doc.id)
            except Exception as exc:  # a bad submission fails its job, never the worker
                log.warning("job %s failed: %r", job.id, exc)
                self._update(job, status="failed", error=str(exc)[:500] or repr(exc))
            finally:
                job.payload = {}
        if store is not None:
            store.close()

    def _make_analyzer(self) -> Any:
        if self.analyzer_factory is not None:
            return self.analyzer_factory(self.settings)
        from ..runner import Analyzer

        return Analyzer(self.settings)

    def _document(self, job: Job) -> Document:
        p = job.payload
        meta = p.get("meta", {})
        if job.kind == "text":
            return text_to_document(p["text"], meta)
        if job.kind == "html":
            return html_to_document(p["html"], meta.get("url"), meta)
        if job.kind == "url":
            if not self.allow_fetch:
                raise ValueError("fetching URLs is disabled on this server")
            self._update(job, status="fetching", stage="fetch", progress=0.02)
            from ..ingest.fetch import fetch_url

            result = fetch_url(p["url"], self.settings)
            body = result.content.decode(result.encoding or "utf-8", errors="replace")
            if result.mime.startswith("text/plain"):
                return text_to_document(body, {**meta, "url": result.url})
            return html_to_document(body, result.url, meta)
        raise ValueError(f"unknown job kind {job.kind!r}")

    def _analyse(self, job: Job, analyzer: Any, doc: Document) -> Document:
        from ..pipeline import Pipeline

        components = list(getattr(analyzer.pipeline, "components", []))
        if not components:
            return analyzer.analyze(doc)  # type: ignore[no-any-return]
        for i, component in enumerate(components):
            self._update(job, status="analysing", stage=component.name,
                         progress=round(0.1 + 0.85 * i / len(components), 3))
            doc = Pipeline([component])(doc)  # same error handling as the full pipeline
        return doc

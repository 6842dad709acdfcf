"""The storage interface every backend implements, and the rows it derives from a document.

A document is stored whole (its JSON, so nothing is lost) and also as flat rows (actors,
events, attributions, techniques) so the CLI, the web service and SQL users can query it.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..document import Document

PIPELINE_VERSION = "1"


@dataclass
class StoredArticle:
    id: str
    source: str
    title: str | None
    outlet: str | None
    published: str | None
    analysed_at: str


class Store(ABC):
    """What the pipeline, the report and the service need from a store."""

    #: SQL dialect of :meth:`query` ("sqlite" or "postgres"); the service's queries branch on it
    dialect: str = "sqlite"

    @abstractmethod
    def migrate(self) -> int:
        """Bring the schema to the newest version; returns that version."""

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    @abstractmethod
    def save_document(self, doc: Document) -> None:
        """Insert or replace one analysed document atomically (idempotent by id)."""

    @abstractmethod
    def get_document(self, article_id: str) -> Document | None: ...

    @abstractmethod
    def iter_documents(self, ids: list[str] | None = None) -> Iterator[Document]: ...

    @abstractmethod
    def list_articles(self, limit: int = 100, offset: int = 0) -> list[StoredArticle]: ...

    @abstractmethod
    def count_articles(self) -> int: ...

    def search(self, query: str, limit: int = 50) -> list[str]:
        """Article ids matching a full-text query, best first."""
        raise NotImplementedError

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a read-only SQL query written with ``?`` placeholders; rows as dicts.

        The SQL must be in the common subset of SQLite and PostgreSQL and take every
        value as a parameter (never formatted into the string).
        """
        raise NotImplementedError

    @abstractmethod
    def record_failure(self, source: str, reason: str) -> None: ...

    @abstractmethod
    def failures(self) -> list[dict[str, str]]: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def document_json(doc: Document) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":"))


def document_rows(doc: Document) -> dict[str, list[tuple[Any, ...]]]:
    """Flat rows for the query tables, in the column order of the schema."""
    aid = doc.id
    actors = [
        (aid, i, a.code, a.name, a.kind, a.country, a.sector, len(a.mentions))
        for i, a in enumerate(doc.actors)
    ]
    events = []
    for i, e in enumerate(doc.events):
        att = e.attributed_to or {}
        events.append((
            aid, i, e.type, e.mode,
            e.source.code if e.source else None, e.source.sector if e.source else None,
            e.target.code if e.target else None, e.target.sector if e.target else None,
            e.status, e.date or doc.published, e.location, att.get("text"), att.get("kind"),
            e.sentence.start, e.sentence.end, round(e.confidence, 4),
        ))
    attributions = [
        (aid, i, a.source.kind if a.source else None, a.source.text if a.source else None,
         a.source.code if a.source else None, a.content.start, a.content.end)
        for i, a in enumerate(doc.attributions)
    ]
    techniques = [
        (aid, i, t.technique, t.start, t.end, t.score) for i, t in enumerate(doc.techniques)
    ]
    return {"actors": actors, "events": events, "attributions": attributions,
            "techniques": techniques}

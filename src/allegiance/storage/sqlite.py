"""SQLite store: one file, WAL journal, versioned schema, one transaction per document."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..document import Document
from .base import PIPELINE_VERSION, Store, StoredArticle, document_json, document_rows
from .migrations import SHARED, SQLITE_EXTRA, latest_version

_INSERTS = {
    "actors": "INSERT INTO actors VALUES (?,?,?,?,?,?,?,?)",
    "events": "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "attributions": "INSERT INTO attributions VALUES (?,?,?,?,?,?,?)",
    "techniques": "INSERT INTO techniques VALUES (?,?,?,?,?,?)",
}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore(Store):
    """A corpus in one SQLite file. Safe for several processes writing at once (WAL)."""

    dialect = "sqlite"

    def __init__(self, path: str | Path, *, migrate: bool = True):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path, timeout=60.0, isolation_level=None,
                                    check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA busy_timeout=60000")
        if migrate:
            self.migrate()

    # -- schema -----------------------------------------------------------------------
    def schema_version(self) -> int:
        self.conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = self.conn.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> int:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            current = self.schema_version()
            for version in range(current + 1, latest_version() + 1):
                for statement in SHARED[version - 1] + SQLITE_EXTRA.get(version, []):
                    self.conn.execute(statement)
                self.conn.execute("INSERT INTO schema_version VALUES (?)", (version,))
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return latest_version()

    # -- articles ---------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE id = ? AND pipeline_version = ?",
            (article_id, PIPELINE_VERSION),
        ).fetchone()
        return row is not None

    def save_document(self, doc: Document) -> None:
        aid = doc.id
        rows = document_rows(doc)
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.execute("DELETE FROM articles WHERE id = ?", (aid,))
            self.conn.execute(
                "INSERT INTO articles (id, source, url, title, outlet, published, text, data,"
                " pipeline_version, analysed_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (aid, doc.source, doc.url, doc.title, doc.outlet, doc.published, doc.text,
                 document_json(doc), PIPELINE_VERSION, _now()),
            )
            for table, sql in _INSERTS.items():
                if rows[table]:
                    self.conn.executemany(sql, rows[table])
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def get_document(self, article_id: str) -> Document | None:
        row = self.conn.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Document.from_dict(json.loads(row["data"])) if row else None

    def iter_documents(self, ids: list[str] | None = None) -> Iterator[Document]:
        if ids is None:
            cursor = self.conn.execute(
                "SELECT data FROM articles ORDER BY coalesce(published, ''), analysed_at, id")
            for row in cursor:
                yield Document.from_dict(json.loads(row["data"]))
            return
        for aid in ids:
            doc = self.get_document(aid)
            if doc is not None:
                yield doc

    def list_articles(self, limit: int = 100, offset: int = 0) -> list[StoredArticle]:
        rows = self.conn.execute(
            "SELECT id, source, title, outlet, published, analysed_at FROM articles"
            " ORDER BY coalesce(published, ''), id LIMIT ? OFFSET ?", (limit, offset),
        ).fetchall()
        return [StoredArticle(**dict(r)) for r in rows]

    def count_articles(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def search(self, query: str, limit: int = 50) -> list[str]:
        """Article ids matching an FTS5 query, best first."""
        rows = self.conn.execute(
            "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?", (query, limit),
        ).fetchall()
        return [r[0] for r in rows]

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a read-only query with ``?`` placeholders; rows as dicts."""
        return [dict(r) for r in self.conn.execute(sql, tuple(params)).fetchall()]

    # -- failures ---------------------------------------------------------------------
    def record_failure(self, source: str, reason: str) -> None:
        self.conn.execute("INSERT INTO failures VALUES (?,?,?)", (source, reason, _now()))

    def failures(self) -> list[dict[str, str]]:
        rows = self.conn.execute("SELECT source, reason, at FROM failures ORDER BY at").fetchall()
        return [dict(r) for r in rows]

    def close(self) -> None:
        self.conn.close()

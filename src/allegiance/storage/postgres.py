"""PostgreSQL store: the same schema and behaviour as SQLite, for a shared server.

Uses psycopg 3. Every write is one transaction; saves of the same article id are
serialised with an advisory lock so concurrent writers (two analyses at once, CLI and
server at once) never lose or duplicate a document; migrations take a global advisory
lock so two processes starting together do not race on the schema.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

import psycopg
from psycopg.rows import dict_row

from ..document import Document
from .base import PIPELINE_VERSION, Store, StoredArticle, document_json, document_rows
from .migrations import POSTGRES_EXTRA, SHARED, latest_version

_INSERTS = {
    "actors": "INSERT INTO actors VALUES (%s,%s,%s,%s,%s,%s,%s,%s)",
    "events": "INSERT INTO events VALUES (" + ",".join(["%s"] * 16) + ")",
    "attributions": "INSERT INTO attributions VALUES (%s,%s,%s,%s,%s,%s,%s)",
    "techniques": "INSERT INTO techniques VALUES (%s,%s,%s,%s,%s,%s)",
}
_MIGRATE_LOCK = 7_263_001  # arbitrary advisory-lock key for schema migrations


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _clean(value: Any) -> Any:
    # PostgreSQL text cannot hold NUL; SQLite can. Drop it in the flat columns only.
    return value.replace("\x00", "") if isinstance(value, str) else value


class PostgresStore(Store):
    """A corpus in a PostgreSQL database, given as a ``postgresql://`` URL."""

    dialect = "postgres"

    def __init__(self, dsn: str, *, migrate: bool = True):
        self.dsn = dsn
        self.conn: psycopg.Connection[dict[str, Any]] = psycopg.connect(
            dsn, autocommit=True, row_factory=dict_row)
        if migrate:
            self.migrate()

    # -- schema -----------------------------------------------------------------------
    def schema_version(self) -> int:
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = self.conn.execute("SELECT max(version) AS v FROM schema_version").fetchone()
        return int(row["v"] or 0) if row else 0

    def migrate(self) -> int:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATE_LOCK,))
            current = self.schema_version()
            for version in range(current + 1, latest_version() + 1):
                for statement in SHARED[version - 1] + POSTGRES_EXTRA.get(version, []):
                    self.conn.execute(statement)  # type: ignore[arg-type]
                self.conn.execute("INSERT INTO schema_version VALUES (%s)", (version,))
        return latest_version()

    # -- articles ---------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE id = %s AND pipeline_version = %s",
            (article_id, PIPELINE_VERSION),
        ).fetchone()
        return row is not None

    def save_document(self, doc: Document) -> None:
        aid = doc.id
        rows = document_rows(doc)
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (aid,))
            self.conn.execute("DELETE FROM articles WHERE id = %s", (aid,))
            self.conn.execute(
                "INSERT INTO articles (id, source, url, title, outlet, published, text, data,"
                " pipeline_version, analysed_at) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                tuple(_clean(v) for v in (
                    aid, doc.source, doc.url, doc.title, doc.outlet, doc.published, doc.text,
                    document_json(doc), PIPELINE_VERSION, _now())),
            )
            with self.conn.cursor() as cur:
                for table, sql in _INSERTS.items():
                    if rows[table]:
                        cur.executemany(  # type: ignore[arg-type]
                            sql, [tuple(_clean(v) for v in r) for r in rows[table]])

    def get_document(self, article_id: str) -> Document | None:
        row = self.conn.execute(
            "SELECT data FROM articles WHERE id = %s", (article_id,)).fetchone()
        return Document.from_dict(json.loads(row["data"])) if row else None

    def iter_documents(self, ids: list[str] | None = None) -> Iterator[Document]:
        if ids is None:
            rows = self.conn.execute(
                "SELECT data FROM articles ORDER BY coalesce(published, ''), analysed_at, id"
            ).fetchall()
            for row in rows:
                yield Document.from_dict(json.loads(row["data"]))
            return
        for aid in ids:
            doc = self.get_document(aid)
            if doc is not None:
                yield doc

    def list_articles(self, limit: int = 100, offset: int = 0) -> list[StoredArticle]:
        rows = self.conn.execute(
            "SELECT id, source, title, outlet, published, analysed_at FROM articles"
            " ORDER BY coalesce(published, ''), id LIMIT %s OFFSET %s", (limit, offset),
        ).fetchall()
        return [StoredArticle(**r) for r in rows]

    def count_articles(self) -> int:
        row = self.conn.execute("SELECT count(*) AS n FROM articles").fetchone()
        return int(row["n"]) if row else 0

    def search(self, query: str, limit: int = 50) -> list[str]:
        """Article ids matching a web-search style full-text query, best first."""
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE to_tsvector('english', coalesce(title, '') || ' ' ||"
            " text) @@ websearch_to_tsquery('english', %s) ORDER BY ts_rank(to_tsvector("
            "'english', coalesce(title, '') || ' ' || text), websearch_to_tsquery('english', %s))"
            " DESC, id LIMIT %s", (query, query, limit),
        ).fetchall()
        return [r["id"] for r in rows]

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a read-only query written with ``?`` placeholders (shared with SQLite)."""
        pg_sql = sql.replace("%", "%%").replace("?", "%s")
        rows = self.conn.execute(pg_sql, tuple(params)).fetchall()  # type: ignore[call-overload]
        return [dict(r) for r in rows]

    # -- failures ---------------------------------------------------------------------
    def record_failure(self, source: str, reason: str) -> None:
        self.conn.execute("INSERT INTO failures VALUES (%s,%s,%s)",
                          (_clean(source), _clean(reason), _now()))

    def failures(self) -> list[dict[str, str]]:
        rows = self.conn.execute("SELECT source, reason, at FROM failures ORDER BY at").fetchall()
        return [dict(r) for r in rows]

    def close(self) -> None:
        self.conn.close()

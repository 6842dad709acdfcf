"""Storage: SQLite by default, PostgreSQL through the same :class:`Store` interface."""

from .base import Store, StoredArticle
from .sqlite import SQLiteStore


def open_store(location: str) -> Store:
    """Open the store at ``location``: a ``postgresql://`` URL or a SQLite file path."""
    if location.startswith(("postgresql://", "postgres://")):
        try:
            from .postgres import PostgresStore
        except ImportError as exc:  # pragma: no cover - depends on the optional backend
            raise RuntimeError("the PostgreSQL backend needs psycopg: pip install psycopg") from exc
        return PostgresStore(location)
    return SQLiteStore(location)


__all__ = ["Store", "StoredArticle", "SQLiteStore", "open_store"]

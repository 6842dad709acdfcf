"""Schema migrations, applied in order; each backend records the version it reached.

The SQL is written in the common subset of SQLite and PostgreSQL; backend-specific steps
(SQLite's FTS5, PostgreSQL's tsvector) live beside the shared ones.
"""

from __future__ import annotations

SHARED: list[list[str]] = [
    # 1: articles and their flat annotation tables
    [
        """CREATE TABLE IF NOT EXISTS articles (
            id TEXT PRIMARY KEY, source TEXT NOT NULL, url TEXT, title TEXT, outlet TEXT,
            published TEXT, text TEXT NOT NULL, data TEXT NOT NULL,
            pipeline_version TEXT NOT NULL, analysed_at TEXT NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS articles_published ON articles (published)",
        "CREATE INDEX IF NOT EXISTS articles_outlet ON articles (outlet)",
        """CREATE TABLE IF NOT EXISTS actors (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL, code TEXT, name TEXT NOT NULL, kind TEXT NOT NULL,
            country TEXT, sector TEXT, mentions INTEGER NOT NULL, PRIMARY KEY (article_id, idx))""",
        "CREATE INDEX IF NOT EXISTS actors_code ON actors (code)",
        """CREATE TABLE IF NOT EXISTS events (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL, type TEXT NOT NULL, mode TEXT,
            source_code TEXT, source_sector TEXT, target_code TEXT, target_sector TEXT,
            status TEXT NOT NULL, date TEXT, location TEXT, attributed_text TEXT,
            attributed_kind TEXT, sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
            confidence REAL NOT NULL, PRIMARY KEY (article_id, idx))""",
        "CREATE INDEX IF NOT EXISTS events_type ON events (type)",
        "CREATE INDEX IF NOT EXISTS events_date ON events (date)",
        "CREATE INDEX IF NOT EXISTS events_source ON events (source_code)",
        "CREATE INDEX IF NOT EXISTS events_target ON events (target_code)",
        """CREATE TABLE IF NOT EXISTS attributions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL, source_kind TEXT, source_text TEXT, source_code TEXT,
            content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx))""",
        """CREATE TABLE IF NOT EXISTS techniques (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL, technique TEXT NOT NULL, start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL, score REAL NOT NULL, PRIMARY KEY (article_id, idx))""",
        "CREATE INDEX IF NOT EXISTS techniques_technique ON techniques (technique)",
        """CREATE TABLE IF NOT EXISTS failures (
            source TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL)""",
    ],
    # 2: composite indexes for the service's filtered event queries (type/actor + dates)
    [
        "CREATE INDEX IF NOT EXISTS events_type_date ON events (type, date)",
        "CREATE INDEX IF NOT EXISTS events_source_date ON events (source_code, date)",
        "CREATE INDEX IF NOT EXISTS events_target_date ON events (target_code, date)",
        "CREATE INDEX IF NOT EXISTS attributions_source_code ON attributions (source_code)",
    ],
]

SQLITE_EXTRA: dict[int, list[str]] = {
    1: [
        """CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid')""",
        """CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END""",
        """CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END""",
    ],
}

POSTGRES_EXTRA: dict[int, list[str]] = {
    1: [
        """CREATE INDEX IF NOT EXISTS articles_fts ON articles USING GIN (
            to_tsvector('english', coalesce(title, '') || ' ' || text))""",
    ],
}


def latest_version() -> int:
    return len(SHARED)

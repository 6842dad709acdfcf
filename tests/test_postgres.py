"""PostgreSQL backend: same schema, same behaviour and same query results as SQLite.

Runs against a real server given by ``ALLEGIANCE_TEST_PG`` (``scripts/ci-postgres.sh``
starts a throwaway one); skipped when that variable is unset.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

DSN = os.environ.get("ALLEGIANCE_TEST_PG")
pytestmark = pytest.mark.skipif(not DSN, reason="ALLEGIANCE_TEST_PG is not set")
psycopg = pytest.importorskip("psycopg")

from allegiance.document import Document  # noqa: E402
from allegiance.service import queries  # noqa: E402
from allegiance.service.synth import synthetic_corpus, synthetic_document  # noqa: E402
from allegiance.storage import Store, open_store  # noqa: E402
from allegiance.storage.migrations import latest_version  # noqa: E402

DIRECTIONS = {"AID": 1, "AGREE": 1, "SUPPORT": 1, "ACCUSE": -1, "ASSAULT": -1, "SANCTION": -1}


@pytest.fixture()
def pg_dsn() -> Iterator[str]:
    """A fresh, empty database on the test server, dropped afterwards."""
    assert DSN
    name = f"allegiance_t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(DSN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(DSN)
    yield urlunsplit(parts._replace(path=f"/{name}"))
    with psycopg.connect(DSN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture()
def pair(pg_dsn: str, tmp_path: Path) -> Iterator[tuple[Store, Store, list[Document]]]:
    docs = list(synthetic_corpus(30, seed=7))
    pg, lite = open_store(pg_dsn), open_store(str(tmp_path / "c.db"))
    for doc in docs:
        pg.save_document(doc)
        lite.save_document(doc)
    yield pg, lite, docs
    pg.close()
    lite.close()


def test_migrations_are_versioned_and_idempotent(pg_dsn: str) -> None:
    errors: list[BaseException] = []

    def open_and_migrate() -> None:
        try:
            with open_store(pg_dsn) as s:
                s.migrate()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_and_migrate) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with open_store(pg_dsn) as s:
        assert s.schema_version() == latest_version()
        assert s.migrate() == latest_version()
        rows = s.query("SELECT count(*) AS n FROM schema_version")
        assert rows[0]["n"] == latest_version()


def test_round_trip_and_idempotent_save(pg_dsn: str) -> None:
    doc = synthetic_document(3)
    with open_store(pg_dsn) as s:
        assert s.dialect == "postgres" and not s.has_article(doc.id)
        s.save_document(doc)
        s.save_document(doc)  # replacing, never duplicating
        assert s.count_articles() == 1 and s.has_article(doc.id)
        back = s.get_document(doc.id)
        assert back is not None and back.to_dict() == doc.to_dict()
        assert len(s.query("SELECT * FROM events WHERE article_id = ?", [doc.id])) == len(
            doc.events)
        assert [a.id for a in s.list_articles()] == [doc.id]
        assert [d.id for d in s.iter_documents()] == [doc.id]
        s.record_failure("file.html", "no text")
        assert s.failures()[0]["reason"] == "no text"
        assert s.get_document("missing") is None


def test_same_results_as_sqlite(pair: tuple[Store, Store, list[Document]]) -> None:
    pg, lite, docs = pair
    assert pg.count_articles() == lite.count_articles() == len(docs)
    assert [a.id for a in pg.list_articles(10, 5)] == [a.id for a in lite.list_articles(10, 5)]
    for f in [queries.ArticleFilters(), queries.ArticleFilters(actor="RUS", limit=500),
              queries.ArticleFilters(event_type="AID", date_from="2023-04-01"),
              queries.ArticleFilters(technique="Doubt", outlet="World Wire"),
              queries.ArticleFilters(status="denied", limit=500),
              queries.ArticleFilters(q="sanctions", limit=500),
              queries.ArticleFilters(q="talks resume", limit=500)]:
        a, b = queries.query_articles(pg, f), queries.query_articles(lite, f)
        assert a["total"] == b["total"], f
        assert [i["id"] for i in a["items"]] == [i["id"] for i in b["items"]], f
    for ef in [queries.EventFilters(limit=1000), queries.EventFilters(type="ACCUSE"),
               queries.EventFilters(actor="USA", date_to="2023-12-31", min_confidence=0.5),
               queries.EventFilters(outlet="Morning Post", status="asserted")]:
        a, b = queries.query_events(pg, ef), queries.query_events(lite, ef)
        assert a["total"] == b["total"]
        key = [(i["article_id"], i["idx"], i["sentence"]) for i in a["items"]]
        assert key == [(i["article_id"], i["idx"], i["sentence"]) for i in b["items"]]
    sa, sb = queries.actor_summary(pg, "USA", DIRECTIONS), queries.actor_summary(lite, "USA",
                                                                                  DIRECTIONS)
    assert sa and sb and sa["articles"] == sb["articles"]
    assert sorted(map(str, sa["relations"])) == sorted(map(str, sb["relations"]))
    assert queries.outlet_rows(pg) == queries.outlet_rows(lite)
    assert queries.corpus_stats(pg) == queries.corpus_stats(lite)
    assert queries.network_edges(pg, "2023-01-01", "2023-06-30", DIRECTIONS) == \
        queries.network_edges(lite, "2023-01-01", "2023-06-30", DIRECTIONS)
    assert queries.list_actors(pg, "ni", 10) == queries.list_actors(lite, "ni", 10)
    assert sorted(pg.search("sanctions")) == sorted(lite.search("sanctions"))


def test_concurrent_writers_lose_nothing(pg_dsn: str) -> None:
    docs = [synthetic_document(i) for i in range(40)]
    errors: list[BaseException] = []

    def writer(chunk: list[Document]) -> None:
        try:
            with open_store(pg_dsn) as s:
                for doc in chunk:
                    s.save_document(doc)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    # four writers; each document is written by two of them at once
    chunks = [docs[0:20], docs[10:30], docs[20:40], docs[0:10] + docs[30:40]]
    threads = [threading.Thread(target=writer, args=(c,)) for c in chunks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with open_store(pg_dsn) as s:
        assert s.count_articles() == 40
        n_events = s.query("SELECT count(*) AS n FROM events")[0]["n"]
        assert n_events == sum(len(d.events) for d in docs)


def test_service_runs_on_postgres(pair: tuple[Store, Store, list[Document]],
                                  pg_dsn: str) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from allegiance.service import ServiceConfig, asgi, create_app

    app = create_app(ServiceConfig(db=pg_dsn, allow_fetch=False))
    with TestClient(asgi(app)) as c:
        assert c.get("/api/health").json()["backend"] == "postgres"
        body = c.get("/api/articles", params={"q": "sanctions", "limit": 5}).json()
        assert body["total"] == len(pair[1].search("sanctions", limit=1000))
        assert c.get("/api/events.csv", params={"type": "AID"}).status_code == 200
        assert c.get("/api/actors/USA").status_code == 200
        assert c.get("/api/outlets").status_code == 200
        assert c.get("/api/articles", params={"q": "'; DROP TABLE x; --"}).status_code == 200

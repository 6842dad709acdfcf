"""The web service: API filters against the stored documents, security, background jobs."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from click.testing import CliRunner  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from allegiance.config import Settings  # noqa: E402
from allegiance.document import Actor, Document, Span, Technique  # noqa: E402
from allegiance.service import ServiceConfig, asgi, create_app  # noqa: E402
from allegiance.service.commands import is_loopback, serve_command  # noqa: E402
from allegiance.service.synth import synthetic_corpus, synthetic_document  # noqa: E402
from allegiance.storage import open_store  # noqa: E402

N_DOCS = 40
HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">'


def hostile_document() -> Document:
    """An article whose text and title carry markup that must be shown, never run."""
    text = f"Officials in Paris posted {HOSTILE} on the ministry site. France denied it."
    doc = Document(text=text, title='Markup <b onmouseover="x()">test</b>', outlet="Evil Times",
                   published="2024-03-05", source="hand")
    doc.sentences = [doc.span(0, text.index(". ") + 1)]
    start = text.index("<script>")
    doc.techniques = [Technique("Loaded_Language", start, start + len(HOSTILE), HOSTILE, 0.9)]
    fr = text.index("France")
    doc.actors = [Actor("FRA", "France", "country", [Span(fr, fr + 6, "France")])]
    return doc


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Document]]:
    path = tmp_path_factory.mktemp("svc") / "corpus.db"
    docs = list(synthetic_corpus(N_DOCS, seed=3)) + [hostile_document()]
    with open_store(str(path)) as store:
        for doc in docs:
            store.save_document(doc)
    return path, docs


@pytest.fixture(scope="module")
def client(corpus: tuple[Path, list[Document]]) -> TestClient:
    app = create_app(ServiceConfig(db=str(corpus[0]), allow_fetch=False))
    with TestClient(asgi(app)) as c:
        yield c


def ids_where(docs: list[Document], pred) -> set[str]:  # type: ignore[no-untyped-def]
    return {d.id for d in docs if pred(d)}


def all_pages(client: TestClient, path: str, **params: object) -> tuple[int, list[dict]]:
    items: list[dict] = []
    offset = 0
    while True:
        r = client.get(path, params={**params, "limit": 20, "offset": offset})
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        offset += 20
        if offset >= body["total"]:
            return body["total"], items


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/events", "/api/events.csv",
                 "/api/actors/{code}", "/api/network", "/api/outlets", "/api/republication",
                 "/api/jobs/{job_id}"):
        assert path in spec["paths"], path


@pytest.mark.parametrize("params,pred", [
    ({"date_from": "2023-03-01", "date_to": "2023-06-30"},
     lambda d: "2023-03-01" <= (d.published or "") <= "2023-06-30"),
    ({"outlet": "World Wire"}, lambda d: d.outlet == "World Wire"),
    ({"actor": "CHN"}, lambda d: any(a.code == "CHN" for a in d.actors)),
    ({"event_type": "SANCTION"}, lambda d: any(e.type == "SANCTION" for e in d.events)),
    ({"status": "denied"}, lambda d: any(e.status == "denied" for e in d.events)),
    ({"technique": "Doubt"}, lambda d: any(t.technique == "Doubt" for t in d.techniques)),
    ({"actor": "USA", "event_type": "AID"},
     lambda d: any(a.code == "USA" for a in d.actors) and any(e.type == "AID" for e in d.events)),
])
def test_article_filters_match_the_documents(client: TestClient, corpus, params, pred) -> None:
    expected = ids_where(corpus[1], pred)
    assert expected, "the synthetic corpus should exercise this filter"
    total, items = all_pages(client, "/api/articles", **params)
    assert total == len(expected)
    assert {i["id"] for i in items} == expected


def test_full_text_search(client: TestClient, corpus) -> None:
    def words(d: Document) -> set[str]:
        return set(re.findall(r"\w+", f"{d.title} {d.text}".lower()))

    expected = ids_where(corpus[1], lambda d: "sanctions" in words(d))
    total, items = all_pages(client, "/api/articles", q="sanctions")
    assert {i["id"] for i in items} == expected and total == len(expected)
    both = ids_where(corpus[1], lambda d: {"sanctions", "aid"} <= words(d))
    assert both
    assert {i["id"] for i in all_pages(client, "/api/articles", q="sanctions aid")[1]} == both
    # query syntax is never interpreted: operators and quotes are just characters
    for q in ['"unbalanced', "NOT OR AND", "a* -b (c", "'; DROP TABLE articles; --", "::"]:
        assert client.get("/api/articles", params={"q": q}).status_code == 200
    assert client.get("/api/health").json()["articles"] == N_DOCS + 1


def test_article_has_every_annotation_with_offsets(client: TestClient, corpus) -> None:
    doc = corpus[1][5]
    data = client.get(f"/api/articles/{doc.id}").json()
    assert data["text"] == doc.text
    assert len(data["events"]) == len(doc.events) and data["events"]
    for t in data["techniques"]:
        assert data["text"][t["start"]:t["end"]] == t["text"]
    for a in data["attributions"]:
        assert data["text"][a["content"]["start"]:a["content"]["end"]] == a["content"]["text"]
    assert client.get("/api/articles/nope").status_code == 404


def test_hostile_text_is_returned_verbatim_as_json(client: TestClient) -> None:
    doc = hostile_document()
    r = client.get(f"/api/articles/{doc.id}")
    assert r.headers["content-type"].startswith("application/json")
    assert HOSTILE in r.json()["text"]
    page = client.get(f"/articles/{doc.id}")
    assert page.status_code == 200 and HOSTILE not in page.text  # served shell, text via API
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_events_filters_and_csv(client: TestClient, corpus) -> None:
    expected = [(d.id, i) for d in corpus[1] for i, e in enumerate(d.events)
                if e.type == "ACCUSE" and (e.date or d.published or "") >= "2023-06-01"]
    total, items = all_pages(client, "/api/events", type="ACCUSE", date_from="2023-06-01")
    assert total == len(expected)
    assert {(i["article_id"], i["idx"]) for i in items} == set(expected)
    for item in items:
        doc = next(d for d in corpus[1] if d.id == item["article_id"])
        assert item["sentence"] == doc.events[item["idx"]].sentence.text
    r = client.get("/api/events.csv", params={"type": "ACCUSE", "date_from": "2023-06-01"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == len(expected)
    assert {(row["article_id"], int(row["idx"])) for row in rows} == set(expected)
    actor = client.get("/api/events", params={"actor": "RUS", "limit": 1000}).json()
    assert all("RUS" in (e["source_code"], e["target_code"]) for e in actor["items"])


def test_actor_summary(client: TestClient, corpus) -> None:
    docs = corpus[1]
    body = client.get("/api/actors/USA").json()
    assert body["articles"] == len(ids_where(docs, lambda d: any(a.code == "USA"
                                                                 for a in d.actors)))
    n_events = sum(1 for d in docs for e in d.events
                   if "USA" in ((e.source.code if e.source else None),
                                (e.target.code if e.target else None)))
    assert body["events"]["total"] == n_events
    rel_total = sum(r["cooperative"] + r["conflictual"] + r["neutral"]
                    for r in body["relations"])
    assert rel_total == n_events
    speakers = sum(s["n"] for s in body["speakers"])
    assert speakers == sum(1 for d in docs for a in d.attributions
                           if a.source and a.source.code == "USA")
    assert client.get("/api/actors/NOBODY").status_code == 404
    listed = client.get("/api/actors", params={"q": "united"}).json()
    assert [a["code"] for a in listed] == ["USA"]


def test_network_window_counts_events(client: TestClient, corpus) -> None:
    net = client.get("/api/network", params={"date_from": "2023-01-01",
                                             "date_to": "2023-12-31", "limit": 2000}).json()
    expected = sum(1 for d in corpus[1] for e in d.events
                   if e.source and e.target and e.source.code != e.target.code
                   and e.status not in ("denied", "negated")
                   and "2023-01-01" <= (e.date or "") <= "2023-12-31")
    assert sum(e["weight"] for e in net["edges"]) == expected
    ids = {n["id"] for n in net["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    assert "2023-01" in net["months"]


def partition(nodes: list[dict]) -> set[frozenset[str]]:
    blocs: dict[int | None, set[str]] = {}
    for n in nodes:
        blocs.setdefault(n["bloc"], set()).add(n["id"])
    return {frozenset(v) for k, v in blocs.items() if k is not None}


def test_network_graph_matches_the_network_stage(client: TestClient, corpus) -> None:
    from allegiance.network import NetworkConfig, analysis_network

    stage = analysis_network(corpus[1], None, NetworkConfig(window="month"))
    api = client.get("/api/network/graph", params={"window": "month"}).json()
    assert [w["label"] for w in api["windows"]] == [w["label"] for w in stage["windows"]]
    busy = [w for w in stage["windows"] if w["edges"]]
    assert api["graph"]["label"] == busy[-1]["label"]  # default: the last window with events
    for win in busy[:3] + [busy[-1]]:
        graph = client.get("/api/network/graph", params={"w": win["label"]}).json()["graph"]
        # the same blocs (ids may differ: ties are numbered by actor order) and hub scores
        assert partition(graph["nodes"]) == partition(win["nodes"])
        got = {n["id"]: n["hub_score"] for n in graph["nodes"]}
        assert got == {n["id"]: n["hub_score"] for n in win["nodes"]}
        assert sum(e["events"] for e in graph["edges"]) == sum(e["events"] for e in win["edges"])
        assert all(e["source"] < e["target"] for e in graph["edges"])  # one tie per dyad
        assert sorted(b["size"] for b in graph["blocs"]) == sorted(b["size"] for b in win["blocs"])
    whole = client.get("/api/network/graph", params={"w": "all"}).json()["graph"]
    assert {h["actor"]: h["score"] for h in whole["hubs"]} == {
        h["actor"]: h["score"] for h in stage["hubs"]}
    assert partition(whole["nodes"]) == {frozenset(b["members"]) for b in stage["blocs"]}
    assert whole["index"] == -1 and whole["nodes"] and all(
        -1.5 <= n["x"] <= 1.5 for n in whole["nodes"])
    assert client.get("/api/network/graph", params={"w": "<b>"}).status_code == 422
    assert client.get("/api/network/graph", params={"window": "year"}).status_code == 422


def test_network_edge_evidence_has_sentences(client: TestClient, corpus) -> None:
    by_id = {d.id: d for d in corpus[1]}
    graph = client.get("/api/network/graph", params={"w": "all"}).json()["graph"]
    edge = max(graph["edges"], key=lambda e: e["events"])
    got = client.get("/api/network/evidence", params={
        "source": edge["source"], "target": edge["target"], "w": "all", "limit": 500}).json()
    assert got["total"] == edge["events"] == len(got["evidence"])
    for ev in got["evidence"]:
        doc = by_id[ev["article"]]
        event = doc.events[ev["event"]]
        assert ev["sentence"]["text"] == doc.text[event.sentence.start:event.sentence.end]
        assert ev["type"] == event.type and ev["status"] == event.status
        assert ev["href"] == f"/articles/{doc.id}#ann-e{ev['event']}"
        assert {ev["source"], ev["target"]} == {edge["source"], edge["target"]}
    weights = [ev["weight"] for ev in got["evidence"]]
    assert weights == sorted(weights, reverse=True)
    few = client.get("/api/network/evidence", params={
        "source": edge["source"], "target": edge["target"], "w": "all", "limit": 1}).json()
    assert len(few["evidence"]) == 1 and few["total"] == edge["events"]
    none = client.get("/api/network/evidence", params={"source": "NOBODY", "target": "USA"})
    assert none.json()["total"] == 0
    assert client.get("/api/network/evidence", params={"source": "<x>", "target": "USA"}
                      ).status_code == 422


def test_network_view_follows_the_store(tmp_path: Path) -> None:
    """A new article reaches the network view; meanwhile the previous result is served."""
    from allegiance.document import ActorRef, Event

    db = tmp_path / "grow.db"
    with open_store(str(db)) as store:
        for doc in synthetic_corpus(8, seed=4):
            store.save_document(doc)
    app = create_app(ServiceConfig(db=str(db), allow_fetch=False))
    with TestClient(asgi(app)) as c:
        first = c.get("/api/network/graph", params={"w": "all"}).json()
        assert "ATL" not in {n["id"] for n in first["graph"]["nodes"]}
        text = "Atlantis and Lemuria signed a trade pact on Friday."
        doc = Document(text=text, title="Pact", outlet="Wire", published="2024-06-07",
                       source="hand")
        doc.events = [Event(type="AGREE", status="asserted", confidence=0.9,
                            source=ActorRef("ATL", "Atlantis", 0, 8),
                            target=ActorRef("LEM", "Lemuria", 13, 20),
                            sentence=doc.span(0, len(text)))]
        with open_store(str(db)) as store:
            store.save_document(doc)
        for _ in range(400):
            got = c.get("/api/network/graph", params={"w": "all"}).json()
            if got["status"] == "ready" and "ATL" in {n["id"] for n in got["graph"]["nodes"]}:
                break
            assert got["status"] == "updating"
            threading.Event().wait(0.05)
        else:
            raise AssertionError("the network view never caught up with the store")
        ev = c.get("/api/network/evidence", params={"source": "ATL", "target": "LEM",
                                                   "w": "2024-06"}).json()
        assert [e["sentence"]["text"] for e in ev["evidence"]] == [text]


def test_outlet_profiles_and_stats(client: TestClient, corpus) -> None:
    profiles = client.get("/api/outlets").json()
    assert sum(p["articles"] for p in profiles) == N_DOCS + 1
    ww = next(p for p in profiles if p["outlet"] == "World Wire")
    docs = [d for d in corpus[1] if d.outlet == "World Wire"]
    assert ww["claims"] == sum(len(d.attributions) for d in docs)
    assert ww["technique_spans"] == sum(len(d.techniques) for d in docs)
    stats = client.get("/api/stats").json()
    assert stats["events"] == sum(len(d.events) for d in corpus[1])
    assert sum(m["n"] for m in stats["per_month"]) == N_DOCS + 1
    assert client.get("/api/republication").status_code == 200


def test_validation_rejects_bad_input(client: TestClient) -> None:
    assert client.get("/api/articles", params={"limit": 0}).status_code == 422
    assert client.get("/api/articles", params={"date_from": "yesterday"}).status_code == 422
    assert client.get("/api/events", params={"min_confidence": 3}).status_code == 422
    assert client.get("/api/articles?outlet=a%00b").status_code == 400
    assert client.post("/api/articles", json={"text": "a", "html": "<p>b</p>"}).status_code == 422
    assert client.post("/api/articles", json={}).status_code == 422


def test_url_submissions_refuse_private_addresses(corpus) -> None:
    app = create_app(ServiceConfig(db=str(corpus[0]), allow_fetch=True))
    with TestClient(asgi(app)) as c:
        for url in ("http://127.0.0.1/", "http://localhost:8000/admin", "http://10.1.2.3/x",
                    "http://192.168.0.1/", "http://[::1]/", "file:///etc/passwd"):
            r = c.post("/api/articles", json={"url": url})
            assert r.status_code == 422, (url, r.text)
    with TestClient(asgi(create_app(ServiceConfig(db=str(corpus[0]), allow_fetch=False)))) as c:
        assert c.post("/api/articles", json={"url": "https://example.org/"}).status_code == 403


def test_token_host_origin_and_size_limits(corpus) -> None:
    token = "s3cret-token-0123456789"
    app = create_app(ServiceConfig(db=str(corpus[0]), token=token, max_body_bytes=2000))
    with TestClient(asgi(app)) as c:
        assert c.get("/api/health").status_code == 401
        assert c.get("/").status_code == 401
        assert c.get("/api/health", headers={"authorization": "Bearer wrong"}).status_code == 401
        ok = c.get("/api/health", headers={"authorization": f"Bearer {token}"})
        assert ok.status_code == 200
        page = c.get("/articles", params={"token": token, "q": "aid"}, follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"] == "/articles?q=aid"
        assert "allegiance_token=" in page.headers["set-cookie"]
        assert "HttpOnly" in page.headers["set-cookie"]
        assert c.get("/articles?q=aid").status_code == 200  # the cookie now carries the token
        assert c.get("/api/health").status_code == 200
        big = c.post("/api/articles", json={"text": "x" * 5000})
        assert big.status_code == 413
    loop = create_app(ServiceConfig(db=str(corpus[0]),
                                    allowed_hosts=["127.0.0.1:8000", "localhost:8000"]))
    with TestClient(asgi(loop), base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/health").status_code == 200
        assert c.get("/api/health", headers={"host": "attacker.example"}).status_code == 421
        cross = c.post("/api/articles", json={"text": "hello"},
                       headers={"origin": "http://attacker.example"})
        assert cross.status_code == 403


def test_serve_refuses_public_address_without_token() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and not is_loopback("0.0.0.0")
    result = CliRunner().invoke(serve_command, ["--host", "0.0.0.0", "--db", "unused.db"],
                                env={"ALLEGIANCE_TOKEN": ""})
    assert result.exit_code == 2
    assert "token" in result.output


class SlowAnalyzer:
    """A stand-in pipeline with two stages, so progress can be seen between them."""

    def __init__(self, settings: Settings) -> None:
        from allegiance.pipeline import Pipeline

        class Stage:
            def __init__(self, name: str, gate: threading.Event | None) -> None:
                self.name, self.gate = name, gate

            def __call__(self, doc: Document) -> Document:
                if self.gate is not None:
                    self.gate.wait(10)
                doc.warnings.append(f"ran {self.name}")
                return doc

        self.pipeline = Pipeline([Stage("first", None), Stage("second", GATE)])


GATE = threading.Event()


def test_background_analysis_progress_and_concurrent_writers(tmp_path: Path) -> None:
    db = str(tmp_path / "jobs.db")
    app = create_app(ServiceConfig(db=db, workers=2, analyzer_factory=SlowAnalyzer))
    jobs = app.state.jobs
    GATE.clear()
    with TestClient(asgi(app)) as c:
        texts = ["Germany sent aid to Ukraine on Monday.", "China criticised Japan on Tuesday."]
        ids = [c.post("/api/articles", json={"text": t, "title": f"t{i}"}).json()["id"]
               for i, t in enumerate(texts)]
        # both wait inside stage "second": progress is visible mid-way
        for jid in ids:
            for _ in range(200):
                job = c.get(f"/api/jobs/{jid}").json()
                if job["stage"] == "second":
                    break
                threading.Event().wait(0.02)
            assert job["status"] == "analysing" and 0 < job["progress"] < 1
        # meanwhile another process (as the CLI would) writes to the same store
        writer = subprocess.Popen(
            [sys.executable, "-c", "import sys\n"
             "from allegiance.service.synth import synthetic_document\n"
             "from allegiance.storage import open_store\n"
             "with open_store(sys.argv[1]) as s:\n"
             "    for i in range(20): s.save_document(synthetic_document(1000 + i))\n", db],
            stderr=subprocess.PIPE, text=True)
        GATE.set()  # the two analyses now store while the other process writes
        done = [jobs.wait(jid, 20) for jid in ids]
        assert writer.wait(120) == 0, writer.stderr.read() if writer.stderr else ""
        assert all(j is not None and j.status == "done" for j in done), done
        assert c.get("/api/health").json()["articles"] == 22
        art = c.get(f"/api/articles/{done[0].article_id}").json()
        assert art["title"] == "t0" and "ran second" in art["warnings"]
        again = c.post("/api/articles", json={"text": texts[0]}).json()
        assert jobs.wait(again["id"], 10).already_stored  # type: ignore[union-attr]
        listed = c.get("/api/jobs").json()
        assert {j["id"] for j in listed} >= set(ids)


def test_real_pipeline_analyses_a_submission(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    db = str(tmp_path / "nlp.db")
    app = create_app(ServiceConfig(db=db, settings=Settings(stages=("nlp",))))
    with TestClient(asgi(app)) as c:
        html = ("<html><head><title>Talks</title></head><body><article><h1>Talks resume</h1>"
                "<p>The foreign ministers of France and Germany met in Berlin on Monday to "
                "discuss the new trade agreement with Canada.</p><p>Both said the talks "
                "had been useful and would continue next month in Paris.</p></article>"
                "</body></html>")
        job = c.post("/api/articles", json={"html": html, "outlet": "Test Wire"}).json()
        finished = app.state.jobs.wait(job["id"], 120)
        assert finished.status == "done", finished.error
        art = c.get(f"/api/articles/{finished.article_id}").json()
        assert "France and Germany" in art["text"] and art["outlet"] == "Test Wire"
        assert art["sentences"] and art["entities"]


def test_republication_families_and_outlet_share(tmp_path: Path) -> None:
    pytest.importorskip("allegiance.republication")
    base = " ".join(synthetic_document(i).text for i in range(5))
    origin = Document(text=base, outlet="First Wire", published="2024-01-01", title="orig")
    copy = Document(text=base + " Republished with permission.", outlet="Copy Desk",
                    published="2024-01-03", title="copy")
    db = str(tmp_path / "rep.db")
    with open_store(db) as s:
        for doc in [origin, copy, *(synthetic_document(i) for i in range(20, 30))]:
            s.save_document(doc)
    with TestClient(asgi(create_app(ServiceConfig(db=db)))) as c:
        body = c.get("/api/republication", params={"wait": True}).json()
        assert body["status"] == "ready"
        fams = body["families"]
        assert len(fams) == 1
        assert fams[0]["original"] == origin.id and fams[0]["republished"] == [copy.id]
        assert set(fams[0]["members"]) == {origin.id, copy.id}
        profiles = {p["outlet"]: p for p in c.get("/api/outlets").json()}
        assert profiles["Copy Desk"]["republication_status"] == "ready"
        assert profiles["Copy Desk"]["republished"] == 1
        assert profiles["Copy Desk"]["republished_share"] == 1.0
        assert profiles["First Wire"]["republished"] == 0
        art = c.get(f"/api/articles/{copy.id}").json()
        assert art["family"]["original"] == origin.id


class EmptyAnalyzer:
    """No stages: the submission is stored as ingested (tests the ingest paths only)."""

    def __init__(self, settings: Settings) -> None:
        from allegiance.pipeline import Pipeline

        self.pipeline = Pipeline([])

    def analyze(self, doc: Document) -> Document:
        return doc


PAGE = ("<html><head><title>Harbour deal</title></head><body><nav>Home | World</nav>"
        "<article><h1>Harbour deal signed</h1><p>Norway and Denmark signed a harbour "
        "agreement on Tuesday after two years of negotiations in Oslo.</p><p>The ministers "
        "said the deal would open new routes for shipping companies next spring.</p>"
        "</article></body></html>")


def test_url_and_upload_submissions(tmp_path: Path) -> None:
    import http.server

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/news/harbour"
    db = str(tmp_path / "ingest.db")
    # allow_private only so the test can fetch from its own loopback server
    app = create_app(ServiceConfig(db=db, settings=Settings(allow_private=True),
                                   analyzer_factory=EmptyAnalyzer))
    try:
        with TestClient(asgi(app)) as c:
            job = c.post("/api/articles", json={"url": url, "outlet": "Harbour News"}).json()
            done = app.state.jobs.wait(job["id"], 30)
            assert done.status == "done", done.error
            art = c.get(f"/api/articles/{done.article_id}").json()
            assert "Norway and Denmark signed" in art["text"] and "Home | World" not in art["text"]
            assert art["url"] == url and art["outlet"] == "Harbour News"
            up = c.post("/api/articles/upload", files={"file": ("note.txt", b"Chile and Peru "
                        b"agreed to share border data on Friday.", "text/plain")},
                        data={"title": "Border data", "published": "2024-06-07"}).json()
            done = app.state.jobs.wait(up["id"], 30)
            assert done.status == "done", done.error
            art = c.get(f"/api/articles/{done.article_id}").json()
            assert art["title"] == "Border data" and art["published"] == "2024-06-07"
            bad = c.post("/api/articles/upload", files={"file": ("x.txt", b"   ", "text/plain")})
            assert bad.status_code == 422
    finally:
        httpd.shutdown()


def test_existing_v1_store_is_migrated(tmp_path: Path) -> None:
    import sqlite3

    from allegiance.storage.migrations import SHARED, SQLITE_EXTRA, latest_version

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for statement in SHARED[0] + SQLITE_EXTRA.get(1, []):
        conn.execute(statement)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    conn.execute("INSERT INTO schema_version VALUES (1)")
    conn.commit()
    conn.close()
    with TestClient(asgi(create_app(ServiceConfig(db=str(path))))) as c:
        assert c.get("/api/health").json()["schema_version"] == latest_version()
    with open_store(str(path)) as s:
        names = {r["name"] for r in s.query("SELECT name FROM sqlite_master WHERE type = ?",
                                            ["index"])}
        assert "events_type_date" in names

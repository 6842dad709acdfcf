"""The web service: a REST API over the store and the static web interface.

``create_app`` builds a FastAPI application; ``allegiance serve`` runs it with uvicorn.
Each request thread gets its own store connection (SQLite WAL or PostgreSQL), so reads
run in parallel and writes from the server, the CLI and other servers never clash.
"""

from __future__ import annotations

import contextlib
import csv
import hmac
import io
import json
import logging
import queue
import re
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs, parse_qsl, urlencode

from fastapi import FastAPI, File, Form, HTTPException, Query, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    Response,
    StreamingResponse,
)
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, field_validator

from ..config import Settings
from ..document import Document
from ..storage import Store, open_store
from . import network_view, queries
from .jobs import JobManager

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
TOKEN_COOKIE = "allegiance_token"
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DAY = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
CODE = r"^[A-Za-z0-9_.\- ]{1,64}$"
WINDOW_LABEL = r"^(all|\d{4}-\d{2}|\d{4}-W\d{2})$"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass
class ServiceConfig:
    """How the service runs; ``token`` is required whenever it listens beyond loopback."""

    db: str = "allegiance.db"
    token: str | None = None
    max_body_bytes: int = 5_000_000
    workers: int = 1
    allow_fetch: bool = True
    allowed_hosts: list[str] | None = None  # Host headers accepted; None: any
    settings: Settings = field(default_factory=Settings)
    analyzer_factory: Callable[[Settings], Any] | None = None


class StorePool:
    """One store per thread: connections are not shared between threads.

    A connection whose thread has ended is closed when the next thread opens one, so a
    server whose thread pool is renewed does not leak connections.
    """

    def __init__(self, location: str):
        if location == ":memory:":
            raise ValueError("the service needs a database file or URL, not :memory:")
        self.location = location
        self.local = threading.local()
        self.opened: list[tuple[threading.Thread | None, Store]] = []
        self.lock = threading.Lock()
        open_store(location).close()  # create and migrate once, up front

    def get(self) -> Store:
        store = getattr(self.local, "store", None)
        if store is None:
            store = self.open(threading.current_thread())
            self.local.store = store
        return store

    def open(self, owner: threading.Thread | None = None) -> Store:
        """A new store; with ``owner``, closed once that thread has ended."""
        store = open_store(self.location)
        with self.lock:
            alive = []
            for thread, other in self.opened:
                if thread is not None and not thread.is_alive():
                    with contextlib.suppress(Exception):
                        other.close()
                else:
                    alive.append((thread, other))
            alive.append((owner, store))
            self.opened = alive
        return store

    def close(self) -> None:
        with self.lock:
            for _, store in self.opened:
                with contextlib.suppress(Exception):
                    store.close()
            self.opened.clear()


# -- security middleware ----------------------------------------------------------------

class Guard:
    """Token check, Host and Origin checks, request size limit and security headers."""

    def __init__(self, app: ASGIApp, config: ServiceConfig):
        self.app = app
        self.token = config.token
        self.max_body = config.max_body_bytes
        self.hosts = {h.lower() for h in config.allowed_hosts} if config.allowed_hosts else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        path: str = scope.get("path", "")
        is_api = path.startswith("/api") or path == "/openapi.json"
        host = headers.get("host", "").lower()
        if self.hosts is not None and host not in self.hosts:
            await _error(send, 421, "unexpected Host header", is_api)
            return
        origin = headers.get("origin")
        if origin and scope["method"] not in ("GET", "HEAD", "OPTIONS") and (
                origin.split("://", 1)[-1].lower() != host):
            await _error(send, 403, "cross-origin request refused", is_api)
            return
        raw_qs = scope.get("query_string", b"")
        if b"%00" in raw_qs or b"\x00" in raw_qs:
            await _error(send, 400, "NUL characters are not allowed", is_api)
            return
        if self.token:
            qs_token = parse_qs(raw_qs.decode("latin-1")).get("token", [None])[0]
            given = _bearer(headers.get("authorization")) or headers.get("x-allegiance-token") \
                or _cookie(headers.get("cookie"), TOKEN_COOKIE) or qs_token
            if not given or not hmac.compare_digest(given.encode(), self.token.encode()):
                await _error(send, 401, "a valid token is required (Authorization: Bearer "
                             "TOKEN, or open the page once with ?token=TOKEN)", is_api)
                return
            if qs_token and not is_api and scope["method"] == "GET":
                # Keep the token in a cookie, not in the address bar or the history.
                cookie = f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
                rest = [(k, v) for k, v in parse_qsl(raw_qs.decode("latin-1"),
                                                     keep_blank_values=True) if k != "token"]
                location = path + ("?" + urlencode(rest) if rest else "")
                await send({"type": "http.response.start", "status": 303, "headers": [
                    (b"location", location.encode("latin-1", "replace")),
                    (b"set-cookie", cookie.encode("latin-1")),
                    (b"content-length", b"0")]})
                await send({"type": "http.response.body", "body": b""})
                return
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _error(send, 413, f"request body over {self.max_body} bytes", is_api)
            return
        received = 0
        too_big = False

        async def limited_receive() -> Message:
            nonlocal received, too_big
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    too_big = True
                    raise _BodyTooLarge()
            return message

        async def secured_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"content-security-policy",
                     b"default-src 'self'; img-src 'self' data:; style-src 'self' "
                     b"'unsafe-inline'; script-src 'self'; connect-src 'self'; "
                     b"frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
                ]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except _BodyTooLarge:
            if too_big:
                await _error(send, 413, f"request body over {self.max_body} bytes", is_api)


class _BodyTooLarge(Exception):
    pass


def _bearer(value: str | None) -> str | None:
    if value and value.lower().startswith("bearer "):
        return value[7:].strip()
    return None


def _cookie(value: str | None, name: str) -> str | None:
    for part in (value or "").split(";"):
        key, _, val = part.strip().partition("=")
        if key == name:
            return val
    return None


async def _error(send: Send, status: int, detail: str, as_json: bool) -> None:
    if as_json:
        body = json.dumps({"detail": detail}).encode()
        ctype = b"application/json"
    else:
        body = detail.encode()
        ctype = b"text/plain; charset=utf-8"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", ctype),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


# -- request bodies -----------------------------------------------------------------------

def _no_nul(value: str | None) -> str | None:
    if value is not None and "\x00" in value:
        raise ValueError("NUL characters are not allowed")
    return value


class ArticleIn(BaseModel):
    """An article to analyse: exactly one of ``text``, ``html`` or ``url``."""

    text: str | None = Field(None, max_length=1_000_000, description="plain article text")
    html: str | None = Field(None, max_length=5_000_000, description="an HTML page")
    url: str | None = Field(None, max_length=2000, description="a public http(s) URL to fetch")
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, pattern=DATE)
    author: str | None = Field(None, max_length=500)
    force: bool = Field(False, description="re-analyse even if the article is stored")

    @field_validator("text", "html", "url", "title", "outlet", "author")
    @classmethod
    def _check_nul(cls, v: str | None) -> str | None:
        return _no_nul(v)


class JobOut(BaseModel):
    id: str
    kind: str
    label: str
    status: str
    stage: str | None
    progress: float
    article_id: str | None
    already_stored: bool
    error: str | None
    created: float
    updated: float


# -- the application ------------------------------------------------------------------------

def create_app(config: ServiceConfig) -> FastAPI:
    """The FastAPI app serving ``config.db``; the analysis workers start on first use."""
    pool = StorePool(config.db)
    jobs = JobManager(config.settings, pool.open, workers=config.workers,
                      allow_fetch=config.allow_fetch, analyzer_factory=config.analyzer_factory)
    cache = _CorpusCache(config.db)
    views = network_view.NetworkViews(lambda: open_store(config.db))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        jobs.stop()
        pool.close()

    app = FastAPI(title="Allegiance", version="0.1.0", docs_url=None, redoc_url=None,
                  lifespan=lifespan,
                  description="Who stands with whom, who says so, and how they say it: the "
                  "articles, annotations, actors, events and networks of an Allegiance store.")
    app.state.pool = pool
    app.state.jobs = jobs
    app.state.config = config

    def store() -> Store:
        return pool.get()

    def directions() -> dict[str, int]:
        try:
            from ..network.config import default_directions

            return default_directions()
        except ImportError:  # pragma: no cover - the network package is optional here
            return {}

    # -- status ------------------------------------------------------------------------
    @app.get("/api/health", tags=["status"])
    def health() -> dict[str, Any]:
        """Liveness, backend and number of articles and pending jobs."""
        s = store()
        return {"ok": True, "backend": s.dialect, "articles": s.count_articles(),
                "schema_version": s.schema_version(), "pending_jobs": jobs.pending()}

    @app.get("/api/stats", tags=["corpus"])
    def stats(top: Annotated[int, Query(ge=1, le=100)] = 15) -> Any:
        """Dashboard numbers: totals, articles per month, top actors, techniques, events."""
        return fast_json(queries.corpus_stats(store(), top))

    @app.get("/api/facets", tags=["corpus"])
    def facets() -> dict[str, list[str]]:
        """Values for the filter menus (outlets, event types, statuses, techniques)."""
        return queries.facets(store())

    # -- articles ----------------------------------------------------------------------
    @app.post("/api/articles", status_code=202, response_model=JobOut, tags=["articles"])
    def add_article(item: ArticleIn) -> dict[str, Any]:
        """Queue an article for analysis; poll ``/api/jobs/{id}`` for its progress."""
        given = [k for k in ("text", "html", "url") if getattr(item, k)]
        if len(given) != 1:
            raise HTTPException(422, "give exactly one of text, html or url")
        meta = {k: getattr(item, k) for k in ("title", "outlet", "published", "author")}
        kind = given[0]
        if kind == "text":
            text = (item.text or "").strip()
            if not text:
                raise HTTPException(422, "the text is empty")
            payload: dict[str, Any] = {"text": text, "meta": meta}
            label = item.title or text[:80]
        elif kind == "html":
            payload = {"html": item.html, "meta": meta}
            label = item.title or "HTML page"
        else:
            url = (item.url or "").strip()
            _check_url(url, config)
            payload = {"url": url, "meta": meta}
            label = url
        payload["force"] = item.force
        return _submit(jobs, kind, label, payload)

    @app.post("/api/articles/upload", status_code=202, response_model=JobOut,
              tags=["articles"])
    async def upload_article(
        file: Annotated[UploadFile, File(description="a .txt or .html file")],
        title: Annotated[str | None, Form(max_length=1000)] = None,
        outlet: Annotated[str | None, Form(max_length=200)] = None,
        published: Annotated[str | None, Form(pattern=DATE)] = None,
    ) -> dict[str, Any]:
        """Queue an uploaded text or HTML file for analysis."""
        raw = await file.read(config.max_body_bytes + 1)
        content = raw.decode("utf-8", errors="replace").replace("\x00", "")
        if not content.strip():
            raise HTTPException(422, "the file is empty")
        meta = {"title": _no_nul_http(title), "outlet": _no_nul_http(outlet),
                "published": published}
        name = (file.filename or "upload")[:200]
        is_html = name.lower().endswith((".html", ".htm")) or "html" in (
            file.content_type or "")
        if is_html:
            return _submit(jobs, "html", title or name, {"html": content, "meta": meta})
        return _submit(jobs, "text", title or name, {"text": content.strip(), "meta": meta})

    @app.get("/api/jobs", response_model=list[JobOut], tags=["articles"])
    def list_jobs(limit: Annotated[int, Query(ge=1, le=500)] = 50) -> list[dict[str, Any]]:
        """Recent analysis jobs, newest first."""
        return [j.public() for j in jobs.list(limit)]

    @app.get("/api/jobs/{job_id}", response_model=JobOut, tags=["articles"])
    def get_job(job_id: Annotated[str, PathParam(max_length=64)]) -> dict[str, Any]:
        """One job's status and progress (``progress`` runs from 0 to 1)."""
        job = jobs.get(job_id)
        if job is None:
            raise HTTPException(404, "no such job")
        return job.public()

    @app.get("/api/articles", tags=["articles"])
    def list_articles(
        date_from: Annotated[str | None, Query(pattern=DATE)] = None,
        date_to: Annotated[str | None, Query(pattern=DATE)] = None,
        outlet: Annotated[str | None, Query(max_length=200)] = None,
        actor: Annotated[str | None, Query(max_length=64)] = None,
        event_type: Annotated[str | None, Query(max_length=64)] = None,
        status: Annotated[str | None, Query(max_length=32)] = None,
        technique: Annotated[str | None, Query(max_length=100)] = None,
        q: Annotated[str | None, Query(max_length=500, description="words to find")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> Any:
        """Articles matching every given filter, newest first, with annotation counts."""
        f = queries.ArticleFilters(date_from, date_to, outlet, actor, event_type, status,
                                   technique, q, limit, offset)
        return fast_json(queries.query_articles(store(), f))

    @app.get("/api/articles/{article_id}", tags=["articles"],
             responses={200: {"description": "the article as analysis.json's article shape"}})
    def get_article(article_id: Annotated[str, PathParam(max_length=64)]) -> Response:
        """One article with its text and every annotation (character offsets into text)."""
        # The stored JSON is already the document's to_dict(): splice it, never re-encode it.
        rows = store().query("SELECT data, analysed_at FROM articles WHERE id = ?", [article_id])
        if not rows:
            raise HTTPException(404, "no such article")
        data = rows[0]["data"].rstrip()
        extra = json.dumps({"analysed_at": rows[0]["analysed_at"],
                            "family": cache.family_of(article_id)})
        body = data[:-1] + "," + extra[1:] if data.endswith("}") and data != "{}" else data
        return Response(body, media_type="application/json")

    # -- actors and events -------------------------------------------------------------
    @app.get("/api/actors", tags=["actors"])
    def list_actors(
        q: Annotated[str | None, Query(max_length=100)] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> Any:
        """Coded actors by the number of articles that mention them."""
        return fast_json(queries.list_actors(store(), q, limit, offset))

    @app.get("/api/actors/{code}", tags=["actors"])
    def get_actor(code: Annotated[str, PathParam(max_length=64)]) -> Any:
        """An actor: names, relations over time, events, and who speaks for it."""
        summary = queries.actor_summary(store(), code, directions())
        if summary is None:
            raise HTTPException(404, "no such actor")
        return fast_json(summary)

    def event_filters(
        date_from: str | None, date_to: str | None, type: str | None, status: str | None,
        actor: str | None, source: str | None, target: str | None, outlet: str | None,
        article_id: str | None, min_confidence: float | None, limit: int, offset: int,
    ) -> queries.EventFilters:
        return queries.EventFilters(date_from, date_to, type, status, actor, source, target,
                                    outlet, article_id, min_confidence, limit, offset)


    @app.get("/api/events", tags=["events"])
    def list_events(
        date_from: Annotated[str | None, Query(pattern=DATE)] = None,
        date_to: Annotated[str | None, Query(pattern=DATE)] = None,
        type: Annotated[str | None, Query(max_length=64)] = None,
        status: Annotated[str | None, Query(max_length=32)] = None,
        actor: Annotated[str | None, Query(max_length=64)] = None,
        source: Annotated[str | None, Query(max_length=64)] = None,
        target: Annotated[str | None, Query(max_length=64)] = None,
        outlet: Annotated[str | None, Query(max_length=200)] = None,
        article_id: Annotated[str | None, Query(max_length=64)] = None,
        min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> Any:
        """Events (who did what to whom) with their article and sentence, newest first."""
        f = event_filters(date_from, date_to, type, status, actor, source, target, outlet,
                          article_id, min_confidence, limit, offset)
        return fast_json(queries.query_events(store(), f))

    @app.get("/api/events.csv", tags=["events"],
             responses={200: {"content": {"text/csv": {}}}})
    def events_csv(
        date_from: Annotated[str | None, Query(pattern=DATE)] = None,
        date_to: Annotated[str | None, Query(pattern=DATE)] = None,
        type: Annotated[str | None, Query(max_length=64)] = None,
        status: Annotated[str | None, Query(max_length=32)] = None,
        actor: Annotated[str | None, Query(max_length=64)] = None,
        source: Annotated[str | None, Query(max_length=64)] = None,
        target: Annotated[str | None, Query(max_length=64)] = None,
        outlet: Annotated[str | None, Query(max_length=200)] = None,
        article_id: Annotated[str | None, Query(max_length=64)] = None,
        min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
        limit: Annotated[int, Query(ge=1, le=1_000_000)] = 100_000,
    ) -> StreamingResponse:
        """The same events as ``/api/events`` as a CSV file (spreadsheet-safe cells)."""
        f = event_filters(date_from, date_to, type, status, actor, source, target, outlet,
                          article_id, min_confidence, limit, 0)

        def rows() -> Iterator[str]:
            # Its own connection: a streaming body is iterated on other threads.
            s = open_store(config.db)
            try:
                yield from _csv_pages(s, f)
            finally:
                s.close()

        return StreamingResponse(rows(), media_type="text/csv; charset=utf-8",
                                 headers={"content-disposition":
                                          'attachment; filename="events.csv"'})

    # -- corpus views -----------------------------------------------------------------
    @app.get("/api/network", tags=["network"])
    def network(
        date_from: Annotated[str | None, Query(pattern=DATE)] = None,
        date_to: Annotated[str | None, Query(pattern=DATE)] = None,
        limit: Annotated[int, Query(ge=1, le=2000)] = 300,
    ) -> Any:
        """Actors and their ties in a time window: cooperative and conflictual event counts."""
        payload = queries.network_edges(store(), date_from, date_to, directions(), limit)
        payload["months"] = queries.event_months(store())
        return fast_json(payload)

    @app.get("/api/network/analysis", tags=["network"])
    def network_analysis(
        date_from: Annotated[str | None, Query(pattern=DAY)] = None,
        date_to: Annotated[str | None, Query(pattern=DAY)] = None,
    ) -> Any:
        """The full alliance-network analysis (blocs, hubs, per window) of the stage."""
        return cache.network(store(), date_from, date_to)

    def stored_network(window: str) -> tuple[network_view.StoredNetwork, str]:
        s = store()
        fams, status = cache.families(s, 0.0)
        key = (_CorpusCache.state(s), status)
        return views.get(s, key, window, fams if status == "ready" else None)

    @app.get("/api/network/graph", tags=["network"])
    def network_graph(
        window: Annotated[str, Query(pattern="^(month|week)$")] = "month",
        w: Annotated[str | None, Query(max_length=40, pattern=WINDOW_LABEL)] = None,
    ) -> Any:
        """One window of the alliance network: actors with their bloc (structural balance)
        and hub score, fixed positions, undirected ties, the window's blocs and hubs.

        ``w`` is a window label (``2024-03``, ``2024-W10``) or ``all`` for the whole period;
        without it, the last window with events. Computed once per store state and window
        kind from the stored events, then sliced; ``status`` is ``updating`` while a newer
        store state is being analysed in the background (the previous result is served).
        """
        try:
            net, status = stored_network(window)
        except ImportError as exc:
            return {"available": False, "reason": f"network stage not available ({exc})"}
        stats = {k: v for k, v in net.result.table.stats.items() if not k.startswith("_")}
        return fast_json({"available": True, "status": status, "window": window,
                          "windows": net.windows, "stats": stats,
                          "graph": network_view.window_graph(net, w)})

    @app.get("/api/network/evidence", tags=["network"])
    def network_evidence(
        source: Annotated[str, Query(pattern=CODE)],
        target: Annotated[str, Query(pattern=CODE)],
        window: Annotated[str, Query(pattern="^(month|week)$")] = "month",
        w: Annotated[str | None, Query(max_length=40, pattern=WINDOW_LABEL)] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
    ) -> Any:
        """The events of the tie ``source``–``target`` (both directions) in window ``w``:
        type, status, weight, the sentence with its offsets, the article and a link to the
        sentence in the article page. Heaviest events first; ``total`` counts them all."""
        try:
            net, _ = stored_network(window)
        except ImportError as exc:
            raise HTTPException(501, f"network stage not available ({exc})") from exc
        return fast_json(network_view.edge_evidence(store(), net, w, source, target, limit))

    @app.get("/api/republication", tags=["republication"])
    def republication(
        wait: Annotated[bool, Query(description="block until the families are current")] = False,
    ) -> Any:
        """Families of articles that republish the same text (``origin``, ``copies``)."""
        fams, status = cache.families(store(), 120.0 if wait else 0.0)
        return fast_json({"status": status, "families": fams})

    @app.get("/api/outlets", tags=["outlets"])
    def outlets(
        wait: Annotated[bool, Query(description="block until republication is current")] = False,
    ) -> list[dict[str, Any]]:
        """Per outlet: articles, sourcing mix, technique mix and share republished."""
        s = store()
        profiles = queries.outlet_rows(s)
        republished, status = cache.republished_by_outlet(s, 120.0 if wait else 0.0)
        for name, prof in profiles.items():
            prof["republication_status"] = status
            n = republished.get(name, 0)
            prof["republished"] = n
            prof["republished_share"] = round(n / prof["articles"], 4) if prof["articles"] else 0
        return list(profiles.values())

    # -- static web interface -----------------------------------------------------------
    assets = STATIC_DIR / "assets"
    if assets.is_dir():
        app.mount("/assets", StaticFiles(directory=assets), name="assets")

    @app.get("/{page:path}", include_in_schema=False)
    def index(page: str) -> Any:
        if page.startswith("api/") or page == "api":
            raise HTTPException(404, "no such endpoint")
        target = (STATIC_DIR / page).resolve()
        if page and target.is_file() and STATIC_DIR.resolve() in target.parents:
            return FileResponse(target)
        index_html = STATIC_DIR / "index.html"
        if index_html.is_file():
            return FileResponse(index_html, headers={"cache-control": "no-cache"})
        return HTMLResponse("<p>The web interface is not built: run <code>npm run build"
                            "</code> in web/app.</p>")

    guarded: Any = Guard(app, config)  # the ASGI entry point wraps the app
    app.state.guarded = guarded
    return app


def fast_json(content: Any) -> Any:
    """Encode plain rows (str, int, float, None) directly: FastAPI's generic encoder walks
    every value and dominates the time of large answers."""
    return JSONResponse(content)


def asgi(app: FastAPI) -> Any:
    """The guarded ASGI application to hand to the server."""
    return app.state.guarded


def _csv_pages(s: Store, f: queries.EventFilters, page: int = 5000) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.writer(buf)
    columns = [*queries.EVENT_COLUMNS, "title", "outlet", "sentence"]
    writer.writerow(columns)
    done = 0
    while done < f.limit:
        chunk = queries.query_events(s, _page(f, done, min(page, f.limit - done)),
                                     with_total=False)["items"]
        for item in chunk:
            writer.writerow([_csv_cell(item.get(c)) for c in columns])
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
        done += len(chunk)
        if len(chunk) < page:
            break
    rest = buf.getvalue()
    if rest:
        yield rest


def _page(f: queries.EventFilters, offset: int, limit: int) -> queries.EventFilters:
    data = dict(f.__dict__)
    data.update(offset=offset, limit=limit)
    return queries.EventFilters(**data)


def _csv_cell(value: Any) -> Any:
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _no_nul_http(value: str | None) -> str | None:
    if value is not None and "\x00" in value:
        raise HTTPException(422, "NUL characters are not allowed")
    return value


def _submit(jobs: JobManager, kind: str, label: str, payload: dict[str, Any]) -> dict[str, Any]:
    try:
        job = jobs.submit(kind, label, payload)
    except queue.Full as exc:
        raise HTTPException(503, "the analysis queue is full; try again later") from exc
    return job.public()


def _check_url(url: str, config: ServiceConfig) -> None:
    if not re.match(r"^https?://", url, re.IGNORECASE):
        raise HTTPException(422, "only http and https URLs are accepted")
    if not config.allow_fetch:
        raise HTTPException(403, "fetching URLs is disabled on this server")
    try:
        from ..ingest.fetch import check_url_allowed
    except ImportError as exc:  # pragma: no cover - the ingest stage ships it
        raise HTTPException(501, "URL fetching is not available") from exc
    try:
        check_url_allowed(url, config.settings.allow_private)
    except Exception as exc:  # UnsafeURLError and its kin: a refusal, not a crash
        raise HTTPException(422, str(exc)[:300]) from exc


class _CorpusCache:
    """Corpus-level results (republication families, network analysis).

    They are recomputed only when the store changes (its article count or latest analysis
    time). Families take seconds on a large corpus, so they are computed in a background
    thread with a connection of its own; until then the last result is served, marked as
    ``computing`` (``wait=true`` on the API blocks until it is ready).
    """

    def __init__(self, location: str) -> None:
        self.location = location
        self.lock = threading.Lock()
        self.fams: list[dict[str, Any]] = []
        self.fams_key: tuple[Any, ...] | None = None  # store state the families describe
        self.by_article: dict[str, int] = {}
        self.worker: threading.Thread | None = None
        self.done = threading.Condition(self.lock)
        self.nets: dict[tuple[Any, ...], Any] = {}
        self.net_lock = threading.Lock()

    @staticmethod
    def state(store: Store) -> tuple[Any, ...]:
        row = store.query("SELECT count(*) AS n, max(analysed_at) AS last FROM articles")[0]
        return (int(row["n"]), row["last"])

    def families(self, store: Store, wait: float = 0.0) -> tuple[list[dict[str, Any]], str]:
        """The families and ``"ready"`` or ``"computing"`` (then the previous result)."""
        key = self.state(store)
        deadline = time.monotonic() + wait
        with self.lock:
            if self.fams_key != key and self.worker is None:
                self.worker = threading.Thread(target=self._compute, args=(key,),
                                               name="allegiance-families", daemon=True)
                self.worker.start()
            while self.fams_key != key and time.monotonic() < deadline:
                self.done.wait(max(0.0, deadline - time.monotonic()))
            return self.fams, "ready" if self.fams_key == key else "computing"

    def _compute(self, key: tuple[Any, ...]) -> None:
        fams: list[dict[str, Any]] = []
        try:
            store = open_store(self.location)
            try:
                key = self.state(store)
                fams = _compute_families(store)
            finally:
                store.close()
        except Exception as exc:  # keep serving the previous result
            log.warning("republication families failed: %r", exc)
        with self.lock:
            self.fams, self.fams_key = fams, key
            self.by_article = {aid: i for i, fam in enumerate(fams)
                               for aid in fam.get("members", [])}
            self.worker = None
            self.done.notify_all()

    def family_of(self, article_id: str) -> dict[str, Any] | None:
        with self.lock:
            i = self.by_article.get(article_id)
            return self.fams[i] if i is not None else None

    def republished_by_outlet(self, store: Store, wait: float = 0.0) -> tuple[dict[str, int], str]:
        fams, status = self.families(store, wait)
        ids = [aid for fam in fams for aid in fam.get("republished", [])]
        out: dict[str, int] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for r in store.query(
                    "SELECT coalesce(outlet, '(unknown)') AS outlet, count(*) AS n FROM articles"
                    f" WHERE id IN ({marks}) GROUP BY coalesce(outlet, '(unknown)')", chunk):
                out[r["outlet"]] = out.get(r["outlet"], 0) + int(r["n"])
        return out, status

    def network(self, store: Store, date_from: str | None, date_to: str | None) -> Any:
        try:
            from ..network import network_payload
            from ..network.config import NetworkConfig
        except ImportError as exc:
            return {"available": False, "reason": f"network stage not available ({exc})"}
        key = (self.state(store), date_from, date_to)
        with self.net_lock:
            if key not in self.nets:
                try:
                    docs = _window_documents(store, date_from, date_to)
                    with self.lock:
                        families = self.fams if self.fams_key == key[0] else None
                    cfg = NetworkConfig(start=date_from, end=date_to)
                    payload = _jsonable(network_payload(docs, families, cfg))
                except Exception as exc:  # the stage's failure must not take the API down
                    log.warning("network analysis failed: %r", exc)
                    return {"available": False, "reason": f"network analysis failed: {exc!r}"}
                if len(self.nets) > 32:
                    self.nets.clear()
                self.nets[key] = {"available": True, "network": payload}
            return self.nets[key]


def _window_documents(store: Store, date_from: str | None, date_to: str | None
                      ) -> list[Document]:
    """The documents with an event in the window (all of them without dates)."""
    where: list[str] = []
    params: list[Any] = []
    queries.event_date_range(where, params, date_from, date_to)
    cond = (" WHERE EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND "
            + " AND ".join(where) + ")") if where else ""
    rows = store.query(f"SELECT a.data FROM articles a{cond}"
                       " ORDER BY coalesce(a.published, ''), a.analysed_at, a.id", params)
    return [Document.from_dict(json.loads(r["data"])) for r in rows]


def _compute_families(store: Store) -> list[dict[str, Any]]:
    """Republication families (the stage's shape, ``origin``/``copies``/``members``), plus
    ``members`` as plain ids and ``republished`` (the copies) for the web interface."""
    try:
        from ..republication import find_republications
    except ImportError:
        return []
    started = time.time()
    rows = store.query("SELECT id, text, published, outlet FROM articles"
                       " ORDER BY coalesce(published, ''), analysed_at, id")
    try:
        raw = find_republications(rows)
    except Exception as exc:  # the stage's failure must not take the API down
        log.warning("republication detection failed: %r", exc)
        return []
    families = []
    for fam in raw:
        data = _jsonable(fam)
        members = [m.get("id") if isinstance(m, dict) else m for m in data.get("members", [])]
        data["member_details"] = data.get("members", [])
        origin = data.get("origin")
        ids = [str(origin)] if origin is not None else []
        ids += [str(m) for m in members if m is not None and str(m) not in ids]
        data["members"] = ids
        data["original"] = origin
        data["republished"] = [str(c) for c in data.get("copies", [])]
        families.append(data)
    log.info("republication families: %d in %.1fs", len(families), time.time() - started)
    return families


def _jsonable(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return _jsonable(value.to_dict())
    if hasattr(value, "__dataclass_fields__"):
        from dataclasses import asdict

        return _jsonable(asdict(value))
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if isinstance(value, float | int | str | bool) or value is None:
        return value
    return str(value)

"""Browser tests: Debian's headless Chromium, driven by Playwright, against the served app.

Skipped when Chromium or the ``playwright`` package is missing (``scripts/ci-browser.sh``
installs Chromium; Playwright never downloads a browser here). Screenshots of every view
are saved under ``test-artifacts/`` at the repository root.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

CHROMIUM = os.environ.get("ALLEGIANCE_CHROMIUM") or shutil.which("chromium") or shutil.which(
    "chromium-browser")
pytestmark = pytest.mark.skipif(not CHROMIUM, reason="Chromium is not installed")
sync_api = pytest.importorskip("playwright.sync_api")
pytest.importorskip("uvicorn")

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from allegiance.document import (  # noqa: E402
    Actor,
    ActorRef,
    Attribution,
    Document,
    Event,
    Source,
    Span,
    Technique,
)
from allegiance.service import ServiceConfig, asgi, create_app  # noqa: E402
from allegiance.service.synth import synthetic_corpus  # noqa: E402
from allegiance.storage import open_store  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = '<img src=x onerror="document.title=\'PWNED\'"><script>document.title="PWNED"</script>'


def long_document() -> Document:
    """A long article whose last claim sits far below the fold, and a hostile payload."""
    filler = "".join(f"Paragraph {i} says nothing of note about the weather.\n\n"
                     for i in range(80))
    claim = "the border crossing would reopen on Friday"
    text = (f"Officials in Kyiv published {HOSTILE} by mistake.\n\n{filler}"
            f"A spokesman for Ukraine said that {claim}. This is a disgraceful lie.")
    doc = Document(text=text, title="Long <i>report</i> on the crossing", outlet="Test Wire",
                   published="2024-05-02", source="hand")
    src = text.index("A spokesman for Ukraine")
    cue = text.index("said", src)
    content = text.index(claim)
    doc.attributions = [Attribution(
        source=Source(text="A spokesman for Ukraine", code="UKR", kind="organization",
                      start=src, end=src + 23),
        cue=Span(cue, cue + 4, "said"), content=Span(content, content + len(claim), claim))]
    lie = text.index("disgraceful lie")
    doc.techniques = [Technique("Loaded_Language", lie, lie + 15, "disgraceful lie", 0.91)]
    ukr = text.index("Ukraine", src)
    doc.actors = [Actor("UKR", "Ukraine", "country", [Span(ukr, ukr + 7, "Ukraine")])]
    return doc


def treaty_document() -> Document:
    """A cooperation event whose sentence carries markup: the network panel must show it as
    text when the tie is opened."""
    filler = "".join(f"Paragraph {i} is about the harbour and its ferries.\n\n" for i in range(60))
    sentence = f"France and Germany signed a defence pact {HOSTILE} in Aachen."
    text = f"{filler}{sentence} More talks follow."
    doc = Document(text=text, title="Pact <b>signed</b>", outlet="Test Wire",
                   published="2024-05-03", source="hand")
    start = text.index(sentence)
    fra, deu = start, text.index("Germany", start)
    signed = text.index("signed", start)
    doc.events = [Event(type="COOPERATE", status="asserted", confidence=0.9,
                        source=ActorRef("FRA", "France", fra, fra + 6),
                        target=ActorRef("DEU", "Germany", deu, deu + 7),
                        sentence=Span(start, start + len(sentence), sentence),
                        trigger=Span(signed, signed + 6, "signed"))]
    return doc


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("web") / "web.db"
    with open_store(str(db)) as store:
        for doc in synthetic_corpus(60, seed=11):
            store.save_document(doc)
        store.save_document(long_document())
        store.save_document(treaty_document())
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app(ServiceConfig(db=str(db), allow_fetch=False))
    srv = uvicorn.Server(uvicorn.Config(asgi(app), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.05)
    yield base
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    # launch() gives Chromium a fresh, empty profile directory of its own each time
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    context.close()
    assert not errors, errors


def ready(pg, path: str) -> None:  # type: ignore[no-untyped-def]
    pg.wait_for_selector(f'body[data-ready="{path}"]', state="attached", timeout=15000)


def test_dashboard(page, server: str) -> None:  # type: ignore[no-untyped-def]
    stats = httpx.get(f"{server}/api/stats").json()
    page.goto(server + "/")
    ready(page, "/")
    totals = page.inner_text("#totals")
    assert f"{stats['articles']}" in totals and f"{stats['events']}" in totals
    assert page.locator("#over-time svg rect").count() == len(stats["per_month"])
    top = page.locator("#top-actors li").first.inner_text()
    assert stats["top_actors"][0]["code"] in top
    assert page.locator("#top-techniques li").count() == len(stats["top_techniques"])
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)


def test_article_highlights_and_panel_click(page, server: str) -> None:  # type: ignore[no-untyped-def]
    doc = long_document()
    page.goto(f"{server}/articles/{doc.id}")
    ready(page, f"/articles/{doc.id}")
    # the hostile markup is shown as text and never runs
    assert HOSTILE in page.inner_text("#article-text")
    assert page.title() != "PWNED" and page.locator("#article-text img, #article-text script"
                                                    ).count() == 0
    assert page.inner_text("#article-title") == doc.title
    # every annotation is highlighted at its offsets
    tech = page.locator("mark.hl-technique")
    assert "".join(tech.all_inner_texts()) == "disgraceful lie"
    claim = doc.attributions[0].content.text
    assert "".join(page.locator("mark.hl-claim").all_inner_texts()) == claim
    assert "".join(page.locator("mark.hl-source").all_inner_texts()) == "A spokesman for Ukraine"
    assert page.locator("mark.hl-source.hl-actor").inner_text() == "Ukraine"  # overlap kept
    target = page.locator("#ann-c0")
    assert not target.is_visible() or not _in_viewport(page, "#ann-c0")  # below the fold
    page.screenshot(path=str(ARTIFACTS / "article-top.png"))
    page.click("#panel-claims .entry")
    page.wait_for_selector("mark.hl-claim.flash")
    assert _in_viewport(page, "#ann-c0")
    assert urlsplit(page.url).fragment == "ann-c0"
    page.screenshot(path=str(ARTIFACTS / "article-claim.png"))
    page.click("#panel-techniques .entry")
    page.wait_for_selector("mark.hl-technique.flash")
    assert _in_viewport(page, "#ann-t0")
    # the layer toggle hides technique colouring
    page.uncheck('input[data-layer="technique"]')
    assert page.locator(".view.hide-technique").count() == 1


def _in_viewport(pg, selector: str) -> bool:  # type: ignore[no-untyped-def]
    box = pg.locator(selector).bounding_box()
    height = pg.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
           "#17becf", "#bcbd22", "#7f7f7f"]


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[k:k + 2], 16) for k in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_network_view_and_time_slider(page, server: str) -> None:  # type: ignore[no-untyped-def]
    api = httpx.get(f"{server}/api/network/graph").json()
    windows = [w["label"] for w in api["windows"]]
    graph = api["graph"]
    page.goto(server + "/network")
    ready(page, "/network")
    nodes = page.locator("#network-svg g.node")
    assert nodes.count() == len(graph["nodes"]) > 2
    assert page.locator("#network-svg g.edge").count() == len(graph["edges"]) > 0
    assert graph["label"] in page.inner_text("#window-label")
    # every actor is coloured by its bloc from the analysis; unaligned ones are grey
    fills = dict(zip(nodes.evaluate_all("els => els.map(e => e.dataset.id)"),
                     nodes.evaluate_all("els => els.map(e => getComputedStyle("
                                        "e.querySelector('circle')).fill)"), strict=True))
    assert any(n["bloc"] is not None for n in graph["nodes"])
    for n in graph["nodes"]:
        want = _rgb(PALETTE[n["bloc"] % len(PALETTE)]) if n["bloc"] is not None else _rgb(
            "#c7c7c7")
        assert fills[n["id"]] == want, n
    assert page.locator("#bloc-list li").count() == len(graph["blocs"])
    page.screenshot(path=str(ARTIFACTS / "network.png"))
    slider = page.locator("#time-slider")
    slider.fill("3")  # the fourth window
    page.wait_for_url(lambda url: "w=" in url)
    ready(page, "/network")
    query = parse_qs(urlsplit(page.url).query)
    assert query["w"] == [windows[3]] and query["window"] == ["month"]
    page.wait_for_selector(f'#window-label:has-text("{windows[3]}")')
    expected = httpx.get(f"{server}/api/network/graph", params={"w": windows[3]}).json()["graph"]
    assert page.locator("#network-svg g.node").count() == len(expected["nodes"])
    page.screenshot(path=str(ARTIFACTS / "network-slider.png"))


def test_network_hubs_sized_by_score(page, server: str) -> None:  # type: ignore[no-untyped-def]
    graph = httpx.get(f"{server}/api/network/graph", params={"w": "all"}).json()["graph"]
    page.goto(server + "/network?w=all")
    ready(page, "/network")
    assert page.locator("#whole-period").is_checked()
    radius = dict(zip(
        page.locator("#network-svg g.node").evaluate_all("els => els.map(e => e.dataset.id)"),
        page.locator("#network-svg g.node circle").evaluate_all(
            "els => els.map(e => Number(e.getAttribute('r')))"), strict=True))
    scores = {n["id"]: n["hub_score"] for n in graph["nodes"]}
    top = max(scores, key=lambda c: scores[c])
    low = min(scores, key=lambda c: scores[c])
    assert scores[top] > scores[low] and radius[top] > radius[low]
    assert page.locator("#hub-list li").count() == len(graph["hubs"])
    page.screenshot(path=str(ARTIFACTS / "network-whole-period.png"))


def test_network_edge_opens_escaped_evidence(page, server: str) -> None:  # type: ignore[no-untyped-def]
    doc = treaty_document()
    page.goto(server + "/network?window=month&w=2024-05")
    ready(page, "/network")
    edge = page.locator('#network-svg g.edge[data-source="DEU"][data-target="FRA"]')
    edge.locator(".edge-hit").click()
    page.wait_for_selector("#evidence-list li.ev")
    item = page.locator(f'#evidence-list li.ev[data-article="{doc.id}"]')
    sentence = doc.events[0].sentence.text
    assert item.locator(".sentence").inner_text() == sentence  # markup shown as text
    assert page.locator("#network-panel img, #network-panel script, #network-panel b").count() == 0
    assert page.title() != "PWNED"
    total = httpx.get(f"{server}/api/network/evidence", params={
        "source": "DEU", "target": "FRA", "w": "2024-05"}).json()["total"]
    assert page.locator("#evidence-list li.ev").count() == min(total, 100)
    page.screenshot(path=str(ARTIFACTS / "network-evidence.png"))
    anchor = item.locator("a")
    assert anchor.get_attribute("href") == f"/articles/{doc.id}#ann-e0"
    anchor.click()
    ready(page, f"/articles/{doc.id}")
    page.wait_for_selector("mark.hl-event.flash")
    assert _in_viewport(page, "#ann-e0")
    assert urlsplit(page.url).fragment == "ann-e0"


def test_search_and_filters_live_in_the_url(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    ready(page, "/")
    page.fill("#search-q", "sanctions")
    page.press("#search-q", "Enter")
    page.wait_for_url(lambda url: "q=sanctions" in url)
    ready(page, "/articles")
    total = httpx.get(f"{server}/api/articles", params={"q": "sanctions"}).json()["total"]
    assert total > 0
    assert f"of {total}" in page.inner_text(".pager .count")
    page.select_option('select[name="outlet"]', "World Wire")
    page.click("#filters button[type=submit]")
    page.wait_for_url(lambda url: "outlet=World+Wire" in url or "outlet=World%20Wire" in url)
    ready(page, "/articles")
    both = httpx.get(f"{server}/api/articles",
                     params={"q": "sanctions", "outlet": "World Wire"}).json()
    assert page.locator("#results li").count() == min(25, both["total"])
    page.screenshot(path=str(ARTIFACTS / "search.png"))
    page.reload()  # the URL alone restores the view
    ready(page, "/articles")
    assert page.input_value('select[name="outlet"]') == "World Wire"
    assert page.input_value('#filters input[name="q"]') == "sanctions"
    page.click("#results li a >> nth=0")
    page.wait_for_selector("#article-text")
    page.go_back()
    ready(page, "/articles")
    assert "q=sanctions" in page.url


def test_token_protected_server(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    token = "browser-test-token-0123456789"
    db = tmp_path / "tok.db"
    with open_store(str(db)) as store:
        for doc in synthetic_corpus(5, seed=2):
            store.save_document(doc)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app(ServiceConfig(db=str(db), token=token, allow_fetch=False))
    srv = uvicorn.Server(uvicorn.Config(asgi(app), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(f"{base}/api/health", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.05)
        context = browser.new_context()
        pg = context.new_page()
        assert pg.goto(base + "/").status == 401  # no token: not even the page
        pg.goto(f"{base}/?token={token}")  # the token moves into a cookie
        ready(pg, "/")
        assert "token" not in pg.url
        assert "5" in pg.inner_text("#totals")  # the API calls carried the cookie
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / "token-dashboard.png"))
        context.close()
    finally:
        srv.should_exit = True
        thread.join(10)

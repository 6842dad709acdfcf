"""Tests of the ingest stage on realistic inputs (fixtures written here, no network)."""

from __future__ import annotations

import gzip
import io
import json
import socket
from pathlib import Path

import httpx
import pytest

from allegiance.config import Settings
from allegiance.document import Document
from allegiance.ingest import (
    FetchError,
    InputError,
    UnsafeURLError,
    check_url_allowed,
    extract_article,
    fetch_url,
    normalize_date,
    read_inputs,
    strip_furniture,
)
from allegiance.ingest import readers as readers_mod
from allegiance.ingest.benchmark import match_counts, score
from allegiance.ingest.fetch import FetchResult
from allegiance.ingest.lang import not_english_reason

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
BENCH = DATA / "article-extraction"

P1 = ("Foreign ministers of the two countries met in Geneva on Tuesday and agreed to resume "
      "talks on the disputed border, officials said after the meeting.")
P2 = ("The agreement follows months of tension in which both governments accused each other "
      "of moving troops closer to the frontier, according to diplomats familiar with the talks.")
P3 = ("\"We have chosen dialogue over confrontation,\" the foreign minister told reporters, "
      "adding that a joint commission would meet again in March.")
ARTICLE = "\n\n".join([P1, P2, P3])

GERMAN = ("Die Außenminister der beiden Länder haben sich am Dienstag in Genf getroffen und "
          "vereinbart, die Gespräche über die umstrittene Grenze wieder aufzunehmen. Die "
          "Einigung folgt auf Monate der Spannungen, in denen sich beide Regierungen "
          "gegenseitig vorgeworfen hatten, Truppen an die Grenze zu verlegen.")
FRENCH = ("Les ministres des affaires étrangères des deux pays se sont rencontrés mardi à "
          "Genève et ont convenu de reprendre les discussions sur la frontière contestée. "
          "L'accord fait suite à des mois de tensions pendant lesquels les deux gouvernements "
          "se sont accusés mutuellement de rapprocher des troupes de la frontière.")

FURNITURE = [
    "Home | World | Politics | Business | Sport",
    "Share this:",
    "Click to share on Twitter (Opens in new window)",
    "Click to share on Facebook (Opens in new window)",
    "Like this:",
    "Like Loading...",
    "Related",
    "3f2b9c1e-7a4d-4e2b-9c1d-2b7e8f9a0c31",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Powered by WordPress",
    "We use cookies to improve your experience on our site. By continuing you accept them.",
    "Subscribe to our newsletter",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ministers agree to resume border talks | The Daily Ledger</title>
<meta property="og:site_name" content="The Daily Ledger">
<meta property="og:title" content="Ministers agree to resume border talks">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-05T14:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li></ul></nav>
<main><article>
<h1>Ministers agree to resume border talks</h1>
<p class="byline">By Jane Doe</p>
<p>{P1}</p><p>{P2}</p><p>{P3}</p>
<div class="share">Share this: <a href="#">Twitter</a> <a href="#">Facebook</a></div>
</article></main>
<footer><p>Powered by WordPress</p><p>&copy; 2024 The Daily Ledger</p></footer>
</body></html>"""


def settings(**kw: object) -> Settings:
    s = Settings()
    for key, value in kw.items():
        setattr(s, key, value)
    return s


def read(*paths: object, **kw: object) -> list[Document | InputError]:
    return list(read_inputs([str(p) for p in paths], settings=kw.pop("settings", settings()),
                            **kw))  # type: ignore[arg-type]


def docs(items: list[Document | InputError]) -> list[Document]:
    return [x for x in items if isinstance(x, Document)]


def errors(items: list[Document | InputError]) -> list[InputError]:
    return [x for x in items if isinstance(x, InputError)]


# --- furniture ------------------------------------------------------------------------

def test_strip_furniture_keeps_article_and_removes_furniture() -> None:
    text = "\n".join([FURNITURE[0], P1, "", P2, "", P3, "", *FURNITURE[1:]])
    clean, removed = strip_furniture(text)
    for para in (P1, P2, P3):
        assert para in clean
    for line in FURNITURE:
        assert line not in clean, line
        assert line in removed
    assert "\n\n" in clean  # paragraph breaks kept


def test_strip_furniture_related_block_and_menus() -> None:
    text = "\n".join(["Home", "World", "Politics", "Sport", P1, P2,
                      "Related posts", "Ministers meet again in Geneva",
                      "Border dispute timeline explained", P3])
    clean, removed = strip_furniture(text)
    assert "Ministers meet again in Geneva" in removed
    assert "Home" in removed and "Sport" in removed
    assert P3 in clean and P1 in clean  # a full paragraph ends the related block


def test_strip_furniture_does_not_touch_sentences_that_mention_keywords() -> None:
    lines = ["Next week the parliament will vote on the border agreement.",
             "Share prices in the region rose after the announcement on Tuesday.",
             "Copyright law was not part of the negotiations, officials said.",
             "| Country | Troops | Change |", "| North | 12,000 | -3,000 |"]
    clean, removed = strip_furniture("\n".join(lines))
    assert removed == []
    for line in lines:
        assert line in clean


# --- formats --------------------------------------------------------------------------

def test_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("\n".join([FURNITURE[0], ARTICLE, *FURNITURE[1:]]), encoding="utf-8")
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert doc.source == str(path)
    assert P1 in doc.text and P3 in doc.text
    assert "Leave a Reply" not in doc.text and "Leave a Reply" in doc.removed


def test_html_file_extracts_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read(path)
    assert isinstance(doc, Document), doc
    assert P1 in doc.text and P2 in doc.text and P3 in doc.text
    assert "Powered by WordPress" not in doc.text
    assert doc.title == "Ministers agree to resume border talks"
    assert doc.outlet == "The Daily Ledger"
    assert doc.published == "2024-03-05"
    assert doc.author == "Jane Doe"


def test_jsonl_with_good_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": ARTICLE, "url": "https://example.org/a", "title": "Talks resume",
                    "outlet": "Example News", "published": "March 5, 2024"}),
        "",
        json.dumps([1, 2, 3]),
        '{"text": "unterminated',
        json.dumps({"html": PAGE, "outlet": "Ledger (from record)"}),
        json.dumps({"title": "no body"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    assert [x.source for x in items] == [f"{path}:{n}" for n in (1, 3, 4, 5, 6)]
    first, listed, broken, html_doc, nobody = items
    assert isinstance(first, Document) and first.published == "2024-03-05"
    assert first.url == "https://example.org/a" and first.outlet == "Example News"
    assert isinstance(listed, InputError) and "not an object" in listed.reason
    assert isinstance(broken, InputError) and "invalid JSON" in broken.reason
    assert isinstance(html_doc, Document) and html_doc.outlet == "Ledger (from record)"
    assert html_doc.title == "Ministers agree to resume border talks"
    assert isinstance(nobody, InputError) and "neither" in nobody.reason


@pytest.mark.parametrize("payload", [
    {"text": ARTICLE, "title": "One"},
    [{"text": ARTICLE}, {"text": P2 + " " + P3}],
    {"articles": [{"text": ARTICLE}, {"html": PAGE}]},
])
def test_json_shapes(tmp_path: Path, payload: object) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    items = read(path)
    assert items and all(isinstance(x, Document) for x in items), items
    if isinstance(payload, dict) and "text" in payload:
        assert items[0].source == str(path)
    else:
        assert [x.source for x in items] == [f"{path}[{i}]" for i in range(len(items))]


def test_invalid_json_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"text": "Ministers met", ', encoding="utf-8")
    [err] = read(path)
    assert isinstance(err, InputError) and "invalid JSON" in err.reason


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        req = writer.create_warc_record("https://example.org/talks", "request",
                                        payload=io.BytesIO(b"GET /talks HTTP/1.1\r\n\r\n"))
        writer.write_record(req)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://example.org/talks", "response", payload=io.BytesIO(PAGE.encode()),
            http_headers=headers))
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://example.org/logo.png", "response",
            payload=io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00"), http_headers=img))


def test_warc_html_records_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    items = read(path)
    [doc] = docs(items)
    assert doc.source == f"{path}#2" and doc.url == "https://example.org/talks"
    assert P2 in doc.text
    errs = errors(items)
    assert [e.source for e in errs] == [f"{path}#1", f"{path}#3"]
    assert "request record" in errs[0].reason
    assert "image/png" in errs[1].reason and "not HTML" in errs[1].reason


RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Ledger World</title><link>https://ledger.example/</link>
<item><title>Talks resume</title><link>https://ledger.example/talks</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><author>jane@ledger.example (Jane Doe)</author>
<description><![CDATA[<p>{P1}</p><p>{P2}</p>]]></description></item>
<item><title>Only a link</title><link>https://ledger.example/only-link</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger Atom</title>
<entry><title>Commission to meet</title><link href="https://ledger.example/commission"/>
<updated>2024-03-06T08:00:00Z</updated>
<content type="html">&lt;p&gt;{P3}&lt;/p&gt;</content></entry></feed>"""


def test_rss_feed_entries(tmp_path: Path) -> None:
    path = tmp_path / "world.rss"
    path.write_text(RSS, encoding="utf-8")
    items = read(path)
    doc, err = items
    assert isinstance(doc, Document) and doc.source == f"{path}#1"
    assert doc.url == "https://ledger.example/talks" and doc.title == "Talks resume"
    assert doc.published == "2024-03-05" and doc.outlet == "Ledger World"
    assert P1 in doc.text and P2 in doc.text
    assert isinstance(err, InputError) and "fetch_links" in err.reason


def test_rss_link_only_entry_fetched_when_allowed(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "world.xml"
    path.write_text(RSS, encoding="utf-8")
    fetched: list[str] = []

    def fake_fetch(url: str, s: Settings) -> FetchResult:
        fetched.append(url)
        return FetchResult(url=url, status=200, content=PAGE.encode(),
                           content_type="text/html; charset=utf-8", encoding="utf-8")

    monkeypatch.setattr(readers_mod, "fetch_url", fake_fetch)
    items = read(path, fetch_links=True)
    # Entries without full content (a summary or nothing) are fetched when allowed.
    assert fetched == ["https://ledger.example/talks", "https://ledger.example/only-link"]
    assert [d.source for d in docs(items)] == [f"{path}#1", f"{path}#2"]
    assert docs(items)[1].url == "https://ledger.example/only-link"
    assert P3 in docs(items)[0].text  # the full page, not only the summary


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    [doc] = read(path)
    assert isinstance(doc, Document) and P3 in doc.text and doc.published == "2024-03-06"


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><inventory><item sku='1'/></inventory>",
                    encoding="utf-8")
    [err] = read(path)
    assert isinstance(err, InputError) and "feed" in err.reason


def test_urls_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_dns: list[str]) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("# morning reading\nhttps://93.184.216.34/talks\n\n"
                    "http://127.0.0.1/admin\n", encoding="utf-8")

    def fake_fetch(url: str, s: Settings) -> FetchResult:
        check_url_allowed(url, s.allow_private)  # the real guard, no network for literals
        return FetchResult(url=url, status=200, content=PAGE.encode(),
                           content_type="text/html")

    monkeypatch.setattr(readers_mod, "fetch_url", fake_fetch)
    items = list(read_inputs([], urls_file=str(urls), settings=settings()))
    doc, err = items
    assert isinstance(doc, Document) and doc.source == "https://93.184.216.34/talks"
    assert doc.url == "https://93.184.216.34/talks" and doc.outlet == "The Daily Ledger"
    assert isinstance(err, InputError) and err.source == "http://127.0.0.1/admin"
    assert "loopback" in err.reason


@pytest.mark.parametrize("data,expect", [
    (PAGE.encode(), "html"),
    (ARTICLE.encode(), "text"),
    ((json.dumps({"text": ARTICLE}) + "\n" + json.dumps({"text": P3})).encode(), "jsonl"),
])
def test_stdin_is_sniffed(data: bytes, expect: str) -> None:
    items = list(read_inputs(["-"], settings=settings(), stdin=io.BytesIO(data)))
    assert items and all(isinstance(x, Document) for x in items), items
    if expect == "jsonl":
        assert [x.source for x in items] == ["<stdin>:1", "<stdin>:2"]
    else:
        assert items[0].source == "<stdin>"
    if expect == "html":
        assert items[0].title == "Ministers agree to resume border talks"


def test_folder_recursive_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04\x00\x00")
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    items = read(tmp_path)
    assert [x.source for x in items] == [str(tmp_path / n) for n in
                                         ("a.html", "b/two.txt", "c.html.gz", "notes.docx")]
    assert isinstance(items[3], InputError) and "unsupported" in items[3].reason
    assert len(docs(items)) == 3


# --- bad inputs -----------------------------------------------------------------------

def test_bad_inputs_each_reported_and_others_continue(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text("   \n\t\n  ", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    short = tmp_path / "short.txt"
    short.write_text("Talks resume.", encoding="utf-8")
    german = tmp_path / "de.txt"
    german.write_text(GERMAN, encoding="utf-8")
    french = tmp_path / "fr.html"
    french.write_text(f"<html><body><article><p>{FRENCH}</p></article></body></html>",
                      encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    items = read(empty, blank, binary, short, german, french, good, missing)
    reasons = {Path(x.source).name: x.reason for x in errors(items)}
    assert "empty file" in reasons["empty.txt"]
    assert "whitespace" in reasons["blank.txt"]
    assert "binary" in reasons["image.txt"]
    assert "too short" in reasons["short.txt"]
    assert reasons["de.txt"].startswith("not English (looks like German")
    assert reasons["fr.html"].startswith("not English (looks like French")
    assert "no such file" in reasons["missing.txt"]
    assert [d.source for d in docs(items)] == [str(good)]


def test_huge_file_refused_before_reading(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: costs no disk and is never read

    def no_read(*a: object, **k: object) -> None:
        raise AssertionError("the file must not be read")

    monkeypatch.setattr(readers_mod, "_read_capped", no_read)
    [err] = read(big)
    assert isinstance(err, InputError) and "exceeds the input limit" in err.reason
    assert "209,715,200 bytes" in err.reason


def test_invalid_utf8_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    text = ARTICLE.replace("\"We have", "\u201cWe have").replace("confrontation,\"",
                                                                   "confrontation,\u201d")
    text += "\n\nThe caf\u00e9 near the lake was closed for the day."
    path.write_bytes(text.encode("cp1252"))
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert "\u201cWe have" in doc.text and "caf\u00e9" in doc.text
    assert any("not valid UTF-8" in w for w in doc.warnings)


def test_utf8_bom_and_utf16(tmp_path: Path) -> None:
    a = tmp_path / "bom.txt"
    a.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    b = tmp_path / "utf16.txt"
    b.write_bytes(ARTICLE.encode("utf-16"))
    da, db = read(a, b)
    assert isinstance(da, Document) and da.text.startswith("Foreign ministers")
    assert isinstance(db, Document) and db.text == da.text and not db.warnings


def test_malformed_html(tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text(f"<html><body><div><p>{P1}<p>{P2}<b>unclosed <div>{P3}",
                      encoding="utf-8")
    nothing = tmp_path / "nothing.html"
    nothing.write_text("<html><head><script>var x = 1;</script></head><body><div></div>",
                       encoding="utf-8")
    doc, err = read(broken, nothing)
    assert isinstance(doc, Document) and P1 in doc.text and P3 in doc.text
    assert isinstance(err, InputError) and "no article text" in err.reason


def test_language_check_thresholds() -> None:
    assert not_english_reason(ARTICLE) is None
    assert not_english_reason("Short text.") is None  # too short to tell: abstains
    why = not_english_reason("Министры иностранных дел двух стран встретились во вторник в "
                             "Женеве и договорились возобновить переговоры о границе.")
    assert why is not None and "Cyrillic" in why


@pytest.mark.parametrize("value,expect", [
    ("2024-03-05T14:30:00Z", "2024-03-05"), ("March 5, 2024", "2024-03-05"),
    ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"), ("5 March 2024", "2024-03-05"),
    ("March 2024", None), ("not a date", None), ("2024-02-30", None), (None, None),
])
def test_normalize_date(value: str | None, expect: str | None) -> None:
    assert normalize_date(value) == expect


# --- URL guard and fetching -----------------------------------------------------------

@pytest.fixture
def no_dns(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail the test on any real name resolution; record lookups."""
    looked: list[str] = []

    def fake(host: str, *a: object, **k: object) -> list[tuple[object, ...]]:
        looked.append(host)
        if host == "localhost":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 80))]
        raise AssertionError(f"unexpected DNS lookup of {host}")

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return looked


@pytest.mark.parametrize("url,fragment", [
    ("http://127.0.0.1/", "loopback"), ("http://10.0.0.1/admin", "private"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"), ("http://[::1]:8080/", "loopback"),
    ("http://localhost/", "localhost"), ("file:///etc/passwd", "only http and https"),
    ("http://0.0.0.0/", "unspecified"), ("http://[::ffff:127.0.0.1]/", "loopback"),
    ("http://224.0.0.1/", "multicast"), ("gopher://example.org/", "only http and https"),
    ("http://user:pw@93.184.216.34/", "credentials"),
])
def test_url_guard_refuses(url: str, fragment: str, no_dns: list[str]) -> None:
    with pytest.raises(UnsafeURLError, match=fragment):
        check_url_allowed(url, allow_private=False)


def test_url_guard_allows_public_literal_without_lookup(no_dns: list[str]) -> None:
    check_url_allowed("https://93.184.216.34/news", allow_private=False)
    check_url_allowed("http://[2606:2800:220:1:248:1893:25c8:1946]/", allow_private=False)
    check_url_allowed("http://10.0.0.1/", allow_private=True)
    assert no_dns == []


def test_url_guard_checks_every_resolved_address(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 443)),
               (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("192.168.1.20", 443))]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: answers)
    with pytest.raises(UnsafeURLError, match="192.168.1.20"):
        check_url_allowed("https://news.example/", allow_private=False)
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: answers[:1])
    check_url_allowed("https://news.example/", allow_private=False)


def _public_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 443))])


def test_fetch_checks_each_redirect_hop(monkeypatch: pytest.MonkeyPatch) -> None:
    _public_dns(monkeypatch)
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/start":
            return httpx.Response(302, headers={"location": "/next"})
        return httpx.Response(301, headers={"location": "http://169.254.169.254/latest"})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    with pytest.raises(UnsafeURLError, match="link-local"):
        fetch_url("https://news.example/start", settings(), client=client)
    assert seen == ["https://news.example/start", "https://news.example/next"]


def test_fetch_redirect_limit_and_size_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    _public_dns(monkeypatch)

    def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": "/again"})

    with pytest.raises(FetchError, match="redirects"):
        fetch_url("https://news.example/", settings(),
                  client=httpx.Client(transport=httpx.MockTransport(loop)))

    def big(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/html"},
                              content=b"<p>" + b"x" * 5000 + b"</p>")

    with pytest.raises(FetchError, match="limit of 1,000 bytes"):
        fetch_url("https://news.example/", settings(fetch_max_bytes=1000),
                  client=httpx.Client(transport=httpx.MockTransport(big)))
    res = fetch_url("https://news.example/", settings(),
                    client=httpx.Client(transport=httpx.MockTransport(big)))
    assert res.status == 200 and res.mime == "text/html" and len(res.content) == 5007

    def missing(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404)

    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_url("https://news.example/gone", settings(),
                  client=httpx.Client(transport=httpx.MockTransport(missing)))


# --- extraction and the benchmark scorer ----------------------------------------------

def test_extract_article_html() -> None:
    art = extract_article(PAGE, url="https://www.ledger.example/talks")
    assert art is not None and P2 in art.text and "\n\n" in art.text
    plain = extract_article(PAGE, extractor="trafilatura")
    assert plain is not None and P2 in plain.text
    with pytest.raises(ValueError):
        extract_article(PAGE, extractor="nope")


def test_scorer_basics() -> None:
    assert match_counts(ARTICLE, ARTICLE) == (1.0, 0.0, 0.0)
    tp, fp, fn = match_counts(ARTICLE, GERMAN)
    assert tp == 0.0 and fp > 0 and fn > 0
    half = score({"a": ARTICLE, "b": P1}, {"a": ARTICLE, "b": ""}, n_bootstrap=10)
    assert half.recall == pytest.approx(0.5) and half.precision == pytest.approx(1.0)


def _bench() -> Path:
    if not (BENCH / "ground-truth.json").is_file():
        pytest.skip("article-extraction benchmark not available")
    return BENCH


def test_scorer_reproduces_published_numbers() -> None:
    from allegiance.ingest.benchmark import load_output, load_truth

    data = _bench()
    truth = load_truth(data)
    published = {"trafilatura": 0.958, "newspaper": 0.949, "readability_js": 0.947,
                 "goose3": 0.896, "AutoExtract": 0.970}
    for name, f1 in published.items():
        path = data / "output" / f"{name}.json"
        if path.is_file():
            assert score(truth, load_output(path), n_bootstrap=2).f1 == pytest.approx(f1,
                                                                                     abs=0.005)


def test_benchmark_pages_extract_well_and_cli(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from allegiance.ingest.commands import eval_extraction

    data = _bench()
    out = tmp_path / "eval.json"
    res = CliRunner().invoke(eval_extraction, ["--data", str(data), "--limit", "4",
                                               "--n-bootstrap", "20", "--json", str(out)])
    assert res.exit_code == 0, res.output
    numbers = json.loads(out.read_text())["result"]
    assert numbers["n"] == 4 and numbers["f1"] > 0.85
    bad = CliRunner().invoke(eval_extraction, ["--data", str(tmp_path / "nope")])
    assert bad.exit_code == 2 and "ground-truth.json" in bad.output


def test_benchmark_page_through_read_inputs(tmp_path: Path) -> None:
    from allegiance.ingest.benchmark import load_truth

    data = _bench()
    page_id = sorted(load_truth(data))[0]
    path = data / "html" / f"{page_id}.html.gz"
    items = read(path)
    assert len(items) == 1
    if isinstance(items[0], Document):
        truth = load_truth(data)[page_id]
        tp, fp, fn = match_counts(truth, items[0].text)
        assert tp / (tp + fn) > 0.8
    else:  # a non-English page is refused with the reason
        assert items[0].reason.startswith("not English")


def test_feed_summary_kept_when_fetch_fails(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "world.rss"
    path.write_text(RSS, encoding="utf-8")

    def failing(url: str, s: Settings) -> FetchResult:
        raise FetchError(f"{url}: timed out after 20 s")

    monkeypatch.setattr(readers_mod, "fetch_url", failing)
    first, second = read(path, fetch_links=True)
    assert isinstance(first, Document) and P1 in first.text
    assert any("timed out" in w for w in first.warnings)
    assert isinstance(second, InputError) and "timed out" in second.reason


def test_lists_with_few_function_words_warn_not_refuse(tmp_path: Path) -> None:
    scores = "\n".join(f"Palm Bay {70 + i} Rockledge {44 + i} Tolivert {25 + i} points Davis "
                       f"{17 - i} rebounds" for i in range(8))
    path = tmp_path / "scores.txt"
    path.write_text(scores, encoding="utf-8")
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert any("few English function words" in w for w in doc.warnings)
    indonesian = ("Menteri luar negeri dari kedua negara bertemu di Jenewa pada hari Selasa dan "
                  "sepakat untuk melanjutkan perundingan tentang perbatasan yang disengketakan, "
                  "kata para pejabat setelah pertemuan itu. Mereka juga akan bertemu lagi.")
    assert (not_english_reason(indonesian) or "").startswith("not English (looks like Indo")


def test_jsonl_line_over_limit_and_gzip_input(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "x " * 5000}) + "\n" + json.dumps({"text": ARTICLE})
                    + "\n", encoding="utf-8")
    err, doc = read(path, settings=settings(max_input_bytes=2000))
    assert isinstance(err, InputError) and err.source == f"{path}:1"
    assert "longer than the input limit" in err.reason
    assert isinstance(doc, Document) and doc.source == f"{path}:2"
    gz = tmp_path / "story.txt.gz"
    gz.write_bytes(gzip.compress(ARTICLE.encode()))
    [gdoc] = read(gz)
    assert isinstance(gdoc, Document) and gdoc.text == ARTICLE


def test_url_argument_is_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_fetch(url: str, s: Settings) -> FetchResult:
        return FetchResult(url=url + "?final", status=200, content=ARTICLE.encode(),
                           content_type="text/plain; charset=utf-8", encoding="utf-8")

    monkeypatch.setattr(readers_mod, "fetch_url", fake_fetch)
    [doc] = read("https://news.example/story")
    assert isinstance(doc, Document) and doc.source == "https://news.example/story"
    assert doc.url == "https://news.example/story?final" and doc.text == ARTICLE


def test_dns_rebinding_caught_at_connect(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["93.184.216.34", "127.0.0.1"])  # public when checked, loopback after

    def rebinding(host: str, port: object, *a: object, **k: object) -> list[tuple[object, ...]]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), 80))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with pytest.raises(UnsafeURLError, match="loopback"):
        fetch_url("http://rebind.example/", settings())  # real client, refused pre-connect


def test_cookie_notice_versus_article_about_cookies() -> None:
    notice = ("This website uses cookies to improve your experience. By continuing to browse "
              "the site you agree to our use of cookies.")
    article = ("The European Commission said on Monday that new cookie consent rules would "
               "force websites to offer a reject button as prominent as the accept button.")
    subhead = "Theme park reopens after floods"
    clean, removed = strip_furniture("\n\n".join([article, subhead, notice]))
    assert removed == [notice]
    assert article in clean and subhead in clean


def test_file_that_is_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("This is a plain note, not an archive of web pages.\n", encoding="utf-8")
    [err] = read(path)
    assert isinstance(err, InputError) and err.source == str(path)
    assert err.reason.startswith("not a WARC file")


def test_wordpress_scrape_related_block_with_dates_and_categories() -> None:
    page = "\n".join([
        "Ministers agree to resume border talks", "Posted on March 5, 2024 by admin",
        P1, P2, "Related", "Border dispute: what we know", "March 1, 2024", 'In "World"',
        "Leave a Reply Cancel reply", "Comment *", "Name *", "Email *", "Website",
        "Save my name, email, and website in this browser for the next time I comment.",
    ])
    clean, removed = strip_furniture(page)
    assert clean == "\n".join(["Ministers agree to resume border talks", P1, P2])
    assert 'In "World"' in removed and "March 1, 2024" in removed


def test_plain_text_headline_and_file_date(tmp_path: Path) -> None:
    path = tmp_path / "2024-03-05-harbor-wire-talks.txt"
    path.write_text("Saudi and Iranian ministers hold talks in Beijing\n\n" + ARTICLE,
                    encoding="utf-8")
    (doc,) = docs(read(tmp_path))
    assert doc.title == "Saudi and Iranian ministers hold talks in Beijing"
    assert doc.published == "2024-03-05"
    assert not doc.text.startswith("Saudi and Iranian ministers")


def test_folder_walk_passes_over_sidecar_files(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# My corpus\n\nNotes about these articles.\n")
    (tmp_path / "sources.csv").write_text("id,url\n1,https://example.org/a\n")
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    items = read(tmp_path)
    assert [Path(x.source).name for x in items] == ["story.txt"]
    assert len(docs(items)) == 1


def test_wire_dateline_names_the_outlet(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("MOSCOW (Reuters) - " + ARTICLE, encoding="utf-8")
    (doc,) = docs(read(path))
    assert doc.outlet == "Reuters"


def test_a_date_in_the_file_name_is_the_publication_date(tmp_path: Path) -> None:
    for name, day in [("2016-03-11_story.txt", "2016-03-11"),
                      ("politico_2015-12-23_ben-carson-hints.txt", "2015-12-23"),
                      ("article814251296.txt", None), ("draft_2016-13-45_x.txt", None)]:
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
        (doc,) = docs(read(tmp_path / name))
        assert doc.published == day, name


def test_a_date_in_the_address_is_the_publication_date_when_the_page_gives_none(
        tmp_path: Path) -> None:
    from allegiance.ingest.readers import url_date

    assert url_date("https://www.cnn.com/2019/11/18/politics/trump-health/index.html") == \
        "2019-11-18"
    assert url_date("https://www.politifact.com/article/2019/nov/18/guide-to-tariffs/") == \
        "2019-11-18"
    assert url_date("https://www.latimes.com/business/story/2019-11-19/gannett-merger") == \
        "2019-11-19"
    assert url_date("https://example.org/archive/2019/02/30/x") is None  # no such day
    assert url_date("https://www.wsj.com/articles/is-football-violence-a-crime-11574121884") \
        is None
    path = tmp_path / "records.json"
    path.write_text(json.dumps([
        {"text": ARTICLE, "url": "https://news.example/2019/11/20/story"},
        {"text": ARTICLE, "url": "https://news.example/2019/11/20/story",
         "published": "2019-11-21"}]), encoding="utf-8")
    first, second = docs(read(path))
    assert first.published == "2019-11-20" and second.published == "2019-11-21"


def test_a_judged_article_can_be_one_row_of_a_sentence_corpus(tmp_path: Path) -> None:
    from allegiance.ingest.readers import keyed_records, read_reference

    (tmp_path / "s.tsv").write_text("sentence_id\tsentence\nab-1\tIran expelled two "
                                    "diplomats.\tOBJ\nab-2\tThe weather was mild.\n",
                                    encoding="utf-8")
    assert keyed_records(tmp_path / "s.tsv") == ["ab-1", "ab-2"]
    assert read_reference(tmp_path, "s.tsv#ab-1") == ("Iran expelled two diplomats.", None)
    assert read_reference(tmp_path, "s.tsv#ab-3") is None
    assert read_reference(tmp_path, "missing.tsv#ab-1") is None


def test_a_judged_article_can_be_one_line_of_a_document_per_line_corpus(tmp_path: Path) -> None:
    from allegiance.ingest.readers import keyed_records, read_reference

    (tmp_path / "news.cor").write_text("India recalled its envoy from Pakistan.\n\n"
                                       "Fires cost \u00a35 million near Sydney.\n",
                                       encoding="cp1252")
    assert keyed_records(tmp_path / "news.cor") == ["1", "3"]  # line numbers, blanks skipped
    # one pound sign in English text: the Windows code page, not a detector's wild guess
    assert read_reference(tmp_path, "news.cor#3") == ("Fires cost \u00a35 million near Sydney.",
                                                      None)
    assert read_reference(tmp_path, "news.cor#2") is None

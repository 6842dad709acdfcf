"""From HTML or scraped text to clean article text.

HTML goes through trafilatura (main text, title, date, author, site name). Both HTML
extractions and plain-text inputs then lose their *page furniture*: comment forms, share
and like buttons, newsletter and cookie notices, navigation, tracking ids. Removed lines
are returned so a reader can check that nothing of the article went.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import trafilatura

__all__ = ["ExtractedArticle", "extract_article", "strip_furniture", "normalize_whitespace",
           "EXTRACTORS"]

EXTRACTORS = ("allegiance", "trafilatura")

# --- page furniture -------------------------------------------------------------------

_SOCIAL = (r"(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|tumblr|telegram|"
           r"flipboard|pocket|email|e-mail|messenger|sms|print|mail)")

# A line that is *entirely* furniture (matched against the stripped, lower-cased line with
# trailing punctuation and counters removed). Kept short and specific: a pattern here must
# not match a sentence of an article.
_WHOLE_LINE = [
    r"leave a (?:reply|comment|response)(?: cancel reply)?",
    r"cancel reply", r"post a comment", r"add (?:a |your )?comment", r"no comments(?: yet)?",
    r"\d+ (?:comments?|responses?|replies)", r"comments?(?: \d+)?", r"\d+",
    r"(?:view|show|hide|load|read) (?:all |more )?comments?(?: \d+)?",
    r"(?:tell us what you think|join the (?:conversation|discussion)|have your say)",
    r"(?:proudly )?powered by (?:wordpress|blogger|ghost|squarespace|wix|drupal|joomla|tumblr|"
    r"substack|medium|jekyll|hugo|typepad|wp ?engine|disqus)\b.{0,60}",
    r"theme(?: by|:) [\w .-]{2,40}",
    r"share(?: this)?(?: article| story| post| page| on)?", r"share(?: on| via)? " + _SOCIAL,
    r"(?:tweet|pin it|pin|like|save|print|email|e-mail|copy link|link copied|" + _SOCIAL + ")",
    r"(?:print|order|purchase) (?:article|this article|reprints?|licensing)",
    r"click to (?:share|email|print|tweet)\b.*", r"opens in (?:a )?new window",
    r"like this", r"like loading", r"loading", r"be the first to like this",
    r"related(?: posts| articles| stories| content| coverage| reading| links| news| topics)?",
    r"(?:you|we think you) (?:may|might|will) (?:also )?(?:like|enjoy|be interested in)",
    r"(?:more|latest|recommended|trending|popular|top) (?:from [\w .'-]{2,40}|stories|news|"
    r"articles|posts|videos|on [\w .'-]{2,40}|in [\w .'-]{2,40})",
    r"(?:most (?:read|popular|viewed|shared)|editor'?s picks|recommended(?: for you)?|trending)",
    r"(?:read|see) (?:more|also|next|full (?:story|article))(?: (?:here|below))?",
    r"continue reading(?: the main story| below| below the ad)?", r"read the full story",
    r"(?:advertisement|advertising|sponsored(?: content)?|ad|ads|promoted(?: content)?)",
    r"(?:story|article) continues below(?: advertisement)?", r"scroll (?:down )?to continue.*",
    r"skip (?:to|navigation)(?: main)? ?(?:content|navigation|menu)?",
    r"(?:menu|search|home|close|back to top|toggle navigation|main menu|navigation|sign in|"
    r"log ?in|log ?out|register|my account|subscribe(?: now| today| here)?|sign up(?: now)?)",
    r"(?:subscribe|sign up|register)(?: now| today| free)? (?:to|for) (?:our|the|my) "
    r"(?:[\w'-]+ ){0,4}(?:newsletters?|e-?mails?|updates|alerts|digest)\b.*",
    r"get (?:our|the) (?:[\w'-]+ ){0,4}newsletter\b.*",
    r"(?:enter|your) e-?mail(?: address)?(?: here)?", r"(?:name|email|website)\s*\*?",
    r"(?:tags?|filed under|posted in|categories|category|topics|keywords)\s*:.*",
    r"(?:posted|published|updated|last updated)(?: on)?\s*:?",
    r"(?:posted|published|updated|last updated)(?: on| at)?:? [\w ,:./-]{3,40}"
    r"(?: by [\w .'-]{2,40})?",
    r"follow (?:us|me|him|her|them)(?: on [\w ,&]{2,60})?",
    r"(?:©|\(c\) ?\d{4}|copyright ?(?:©|\(c\)|\d{4})).{0,120}",
    r".{0,100}\ball rights reserved\b.{0,60}",
    r"(?:image|photo|picture|video)(?: credit)?s?\s*:.{0,80}",
    r"this copy is for your personal,? non-?commercial use only\b.*",
    r"(?:previous|next)", r"(?:previous|next) (?:post|article|story|page)\b\s*:?.{0,100}",
    r"(?:up ?next|watch next|what to read next)",
]
_WHOLE_RE = re.compile(r"^(?:" + "|".join(_WHOLE_LINE) + r")$", re.IGNORECASE)

# Furniture phrases that condemn a line of any (moderate) length.
_PHRASES = re.compile(
    r"your email address will not be published|required fields are marked|"
    r"you must be logged in to post a comment|"
    r"notify me of (?:new|follow-up) (?:comments|posts)|"
    r"save my name, email,? and website|"
    r"subscribe to (?:our|the) [\w' -]{0,40}newsletter|"
    r"sign up (?:for|to) (?:our|the) [\w' -]{0,40}newsletter|"
    r"(?:delivered|straight) to your inbox|"
    r"this copy is for your personal,? non-?commercial use|"
    r"to order presentation-ready copies|"
    r"javascript (?:is )?(?:disabled|required)|enable javascript|"
    r"your browser does not support",
    re.IGNORECASE,
)
PHRASE_MAX_WORDS = 60  # a longer paragraph is article text that mentions the phrase

# A cookie notice speaks to the visitor about this site; an article about cookie rules
# does not (so "cookie" alone never condemns a line).
_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_COOKIE_NOTICE = re.compile(
    r"\b(?:our|this) (?:site|website|web ?site)\b|\byou (?:agree|accept|consent)|"
    r"continu(?:e|ing) to (?:use|browse)|accept (?:all )?cookies|manage cookies|"
    r"(?:improve|enhance|personali[sz]e) your (?:browsing |user )?experience|"
    r"best (?:possible )?experience", re.IGNORECASE)

# Lines that open a furniture block at the end of a page ("Related", "Share this:").
_BLOCK_START = re.compile(
    r"^(?:related(?: posts| articles| stories| content| coverage| reading)?|share this|"
    r"like this|leave a (?:reply|comment)|you (?:may|might) also like|more from .{2,40}|"
    r"recommended(?: for you)?|most (?:read|popular)|trending|read (?:more|next)|"
    r"more (?:stories|news|articles)|(?:also )?read also|see also)\s*:?$", re.IGNORECASE)
_RELATED_PREFIX = re.compile(r"^(?:related|read more|read also|see also|also read|"
                             r"more|watch|listen|recommended)\s*:\s*\S", re.IGNORECASE)

_UUID = re.compile(r"^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$", re.I)
_HEX = re.compile(r"^(?:0x)?[0-9a-f]{12,}$", re.IGNORECASE)
_ID_KV = re.compile(r"^(?:id|ref|tracking(?: id)?|utm_\w+|uid|guid|hash|sku|article id)"
                    r"\s*[:=#]\s*\S+$", re.IGNORECASE)
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_NAV_SEP = re.compile(r"\s+(?:\||•|·|»|›|/|>|–|—)\s+")
_SENT_END = re.compile(r"[.!?…:;\"”'’)。！？」』）]$")
_COUNTER_TAIL = re.compile(r"[\s:.…!|»›>()\[\]\d-]+$")
_BULLET = re.compile(r"^(?:[-*•▪►◦·]|\d+[.)])\s+")


def _token_like_id(line: str) -> bool:
    """A single long token mixing letters and digits: a hash, tracking id or session key."""
    if " " in line or len(line) < 16:
        return False
    return bool(re.fullmatch(r"[A-Za-z0-9_=+/.-]+", line)) and bool(re.search(r"\d", line)) \
        and bool(re.search(r"[A-Za-z]", line)) and not _URL_LINE.match(line)


def _words(line: str) -> int:
    return len(line.split())


def is_furniture(line: str) -> bool:
    """Whether one line (of a page or an extraction) is page furniture, not article text."""
    s = line.strip()
    if not s:
        return False
    if _UUID.match(s) or _HEX.match(s) or _ID_KV.match(s) or _token_like_id(s):
        return True
    bare = _BULLET.sub("", s)
    key = _COUNTER_TAIL.sub("", bare).strip() if _words(bare) <= 12 else bare
    key = key.rstrip(" .:…!")
    if _words(bare) <= 20 and (_WHOLE_RE.match(key) or _WHOLE_RE.match(bare.rstrip(" .:…!"))):
        return True
    if _words(s) <= PHRASE_MAX_WORDS and _PHRASES.search(s):
        return True
    if _words(s) <= 50 and _COOKIE.search(s) and _COOKIE_NOTICE.search(s):
        return True
    if _words(s) <= 15 and _RELATED_PREFIX.match(bare):
        return True
    # Navigation: short items joined by separators ("Home | World | Business | Sport").
    if s.startswith("|"):  # a table row, as trafilatura writes tables
        return False
    items = _NAV_SEP.split(s)
    return len(items) >= 3 and all(0 < _words(i) <= 3 for i in items) and not _SENT_END.search(s)


def _menu_item(line: str) -> bool:
    """One to three words, short, no digits, no sentence punctuation: "World", "Sport"."""
    return (_words(line) <= 3 and len(line) <= 25 and not _SENT_END.search(line)
            and not _BULLET.match(line) and not re.search(r"\d", line))


_FULL_STOP = re.compile(r"[.!?…。！？][\"”'’)\]]*$")


def _is_short_title(line: str) -> bool:
    """A headline, date or label: short and not ending a sentence."""
    s = _BULLET.sub("", line.strip())
    return 0 < _words(s) <= 15 and not _FULL_STOP.search(s)


def _drop_run(run: list[int], drop: list[bool], min_len: int = 4) -> None:
    if len(run) >= min_len:
        for j in run:
            drop[j] = True


def strip_furniture(text: str) -> tuple[str, list[str]]:
    """Remove page furniture lines; return the clean text and the removed lines.

    Three rules: lines that are furniture on their own (:func:`is_furniture`); inside a
    block opened by a heading such as "Related" or "Share this:", the short title-like lines
    that follow (a full sentence or a long paragraph ends the block); and, before the first
    or after the last paragraph, runs of four or more menu items ("Home", "World", ...).
    """
    lines = text.split("\n")
    drop = [False] * len(lines)
    in_block = False
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        if _BLOCK_START.match(s.rstrip(" .…")):
            drop[i] = True
            in_block = True
            continue
        if is_furniture(s):
            drop[i] = True
            continue
        if in_block:
            if _is_short_title(s):
                drop[i] = True
                continue
            in_block = False
    # Menus: runs of >= 4 menu items before the first or after the last paragraph of text.
    body = [i for i, line in enumerate(lines) if not drop[i] and _words(line) >= 8]
    first, last = (body[0], body[-1]) if body else (len(lines), -1)
    run: list[int] = []
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        if (i < first or i > last) and _menu_item(s):
            run.append(i)
            continue
        if not drop[i]:
            _drop_run(run, drop)
            run = []
    _drop_run(run, drop)
    removed = [lines[i].strip() for i in range(len(lines)) if drop[i]]
    kept = "\n".join(line for i, line in enumerate(lines) if not drop[i])
    return normalize_whitespace(kept), removed


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_BLANKS = re.compile(r"\n\s*\n+")


def normalize_whitespace(text: str) -> str:
    """Conservative clean-up: one space inside lines, paragraph breaks kept as blank lines.

    Single line breaks are kept as they are (they may be meaningful in a plain text); runs
    of blank lines become one blank line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return _BLANKS.sub("\n\n", text).strip()


# --- HTML extraction ------------------------------------------------------------------

@dataclass
class ExtractedArticle:
    """What the extractor found in one HTML page."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    outlet: str | None = None
    url: str | None = None
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# If the precision-oriented extraction keeps fewer words than this and less than
# FALLBACK_RATIO of the balanced one, it has missed the article body: use the balanced one.
FALLBACK_MIN_WORDS = 50
FALLBACK_RATIO = 0.5


def _bare(html: str, url: str | None, **kwargs: Any) -> Any:
    try:
        return trafilatura.bare_extraction(html, url=url, include_comments=False,
                                           output_format="python", **kwargs)
    except Exception:  # trafilatura can raise on pathological markup; treat as no result
        return None


def _paragraphs(text: str) -> str:
    """trafilatura separates paragraphs with one newline; the project uses a blank line."""
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def extract_article(html: str, url: str | None = None, *,
                    extractor: str = "allegiance") -> ExtractedArticle | None:
    """Extract the article of an HTML page, or ``None`` when no text can be found.

    ``allegiance`` (the default): trafilatura with ``favor_precision`` (fewer leftovers
    of teasers and boilerplate), falling back to its balanced mode when the precise one
    lost the body, then :func:`strip_furniture`. ``trafilatura``: plain defaults, for
    comparison.
    """
    if extractor not in EXTRACTORS:
        raise ValueError(f"unknown extractor {extractor!r}; choose from {EXTRACTORS}")
    if extractor == "trafilatura":
        doc = _bare(html, url, with_metadata=True)
        if doc is None or not (doc.text or "").strip():
            return None
        return _to_article(doc, _paragraphs(doc.text), [], url)
    precise = _bare(html, url, with_metadata=True, favor_precision=True)
    text = (precise.text or "") if precise is not None else ""
    meta = precise
    if len(text.split()) < FALLBACK_MIN_WORDS:
        balanced = _bare(html, url, with_metadata=precise is None)
        other = (balanced.text or "") if balanced is not None else ""
        if len(text.split()) < FALLBACK_RATIO * len(other.split()):
            text = other
            meta = meta if meta is not None else balanced
    if meta is None or not text.strip():
        return None
    clean, removed = strip_furniture(_paragraphs(text))
    return _to_article(meta, clean, removed, url)


def _to_article(doc: Any, text: str, removed: list[str], url: str | None) -> ExtractedArticle:
    from .readers import normalize_date  # local import: readers imports this module

    page_url = url or getattr(doc, "url", None) or None
    outlet = (getattr(doc, "sitename", None) or "").strip() or None
    if outlet is None and page_url:
        host = urlsplit(page_url).hostname or ""
        outlet = host.removeprefix("www.") or None
    return ExtractedArticle(
        text=text,
        title=(getattr(doc, "title", None) or "").strip() or None,
        author=(getattr(doc, "author", None) or "").strip() or None,
        published=normalize_date(getattr(doc, "date", None)),
        outlet=outlet, url=page_url, removed=removed,
    )


_BLOCK_TAGS = frozenset(("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                         "blockquote", "pre", "tr", "section", "article", "header", "footer",
                         "ul", "ol", "table", "figure", "figcaption", "dd", "dt"))
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button",
              "nav", "select", "head")


def html_to_plain_text(html: str) -> str:
    """Every visible text of an HTML document or fragment, one block per paragraph.

    Used for feed entries (already the article, no boilerplate to remove) and as the last
    resort for broken pages where trafilatura finds nothing.
    """
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//" + " | //".join(_DROP_TAGS)):
        if bad.getparent() is not None:
            bad.drop_tree()
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                parts.append("\n\n")
            if el.text:
                parts.append(el.text)
        else:
            if tag in _BLOCK_TAGS:
                parts.append("\n\n")
            if el.tail and el is not root:
                parts.append(el.tail)
    return normalize_whitespace("".join(parts))

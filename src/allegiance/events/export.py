"""Export events as a POLECAT-like CSV (one row per event)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from ..document import ActorRef, Document

COLUMNS = ("event_date", "source_code", "source_country", "source_sector", "source_text",
           "target_code", "target_country", "target_sector", "target_text", "event_type",
           "mode", "status", "attributed_source", "attributed_source_code", "confidence",
           "location", "location_country", "article_id", "outlet", "published", "url",
           "sentence_start", "sentence_end", "trigger", "sentence")
_NON_STATE = ("IGO", "NGO", "IMG", "GRP")


def _country(ref: ActorRef | None) -> str:
    if ref is None or not ref.code:
        return ""
    return "" if ref.code.startswith(_NON_STATE) else ref.code[:3]


def location_country(location: str | None) -> str:
    """ISO3 of the country an event's place lies in ("Cizre" -> TUR, "Syria" -> SYR)."""
    if not location:
        return ""
    from ..actors.lexicon import resolve_actor_text
    from ..actors.places import country_of_place

    _, country, _, kind = resolve_actor_text(location)
    if country and kind in ("country", "institution"):
        return country
    return country_of_place(location) or ""


def write_events_csv(docs: Iterable[Document], path: str | Path) -> int:
    """Write every event of ``docs`` to ``path``; returns the number of rows written."""
    n = 0
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for doc in docs:
            aid = doc.id
            for ev in doc.events:
                att = ev.attributed_to or {}
                s, t = ev.source, ev.target
                w.writerow([
                    ev.date or doc.published or "",
                    (s.code or "") if s else "", _country(s), (s.sector or "") if s else "",
                    s.text if s else "",
                    (t.code or "") if t else "", _country(t), (t.sector or "") if t else "",
                    t.text if t else "",
                    ev.type, ev.mode or "", ev.status, att.get("text") or "",
                    att.get("code") or "", f"{ev.confidence:.3f}", ev.location or "",
                    location_country(ev.location), aid,
                    doc.outlet or "", doc.published or "", doc.url or "", ev.sentence.start,
                    ev.sentence.end, ev.trigger.text if ev.trigger else "",
                    " ".join(doc.text[ev.sentence.start:ev.sentence.end].split()),
                ])
                n += 1
    return n

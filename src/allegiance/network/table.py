"""Coded events as one columnar table: the input of every network computation.

Reading :class:`~allegiance.document.Document` objects is the only per-event Python loop of
the stage. Everything after it (windowing, aggregation, analyses) works on the numpy columns
of :class:`EventTable`, so a million events cost arrays, not a million objects. Each row
keeps a pointer (document index, event index) to the event it came from, which is how every
edge can later list its evidence: article id, event index, type, status, sentence.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..document import ActorRef, Document, Event
from .config import NetworkConfig

#: PLOVER sector codes of the state apparatus (manual, "Sector Codes"): USAMIL, USAGOV and
#: USASPY all act for the United States, whereas IRQREB (rebels) or RUSOPP (opposition) do not.
STATE_SECTORS = frozenset({"GOV", "MIL", "SPY", "LEG", "JUD", "COP", "PRM"})

_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
EPOCH = _dt.date(1970, 1, 1)


def _iso3_codes() -> frozenset[str]:
    try:
        import pycountry

        return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}
    except Exception:  # pragma: no cover - pycountry is a dependency
        return frozenset()


_ISO3: frozenset[str] | None = None


def normalise_actor(code: str, sector: str | None, config: NetworkConfig) -> str:
    """Map an actor code to the node it belongs to at ``config.actor_level``."""
    global _ISO3
    code = code.strip().upper()
    if config.actor_level != "country" or len(code) <= 3 or code in config.keep_codes:
        return code
    if _ISO3 is None:
        _ISO3 = _iso3_codes()
    head, rest = code[:3], code[3:]
    if head in _ISO3 and (rest[:3] in STATE_SECTORS or (not rest and sector in STATE_SECTORS)):
        return head
    return code


def parse_day(value: str | None) -> int | None:
    """Days since 1970-01-01 of a ``YYYY-MM-DD...`` string, or None when it is not one."""
    if not value:
        return None
    m = _DATE_RE.match(value.strip())
    if not m:
        return None
    try:
        return (_dt.date(int(m[1]), int(m[2]), int(m[3])) - EPOCH).days
    except ValueError:
        return None


def day_to_iso(day: int) -> str:
    return (EPOCH + _dt.timedelta(days=int(day))).isoformat()


@dataclass
class EventTable:
    """One row per usable event; all columns are numpy arrays of the same length.

    ``src``/``tgt`` index ``actors``; ``sign`` is +1/-1/0 (cooperative/conflictual/neutral);
    ``weight`` is the event's weight (status x intensity x confidence, always > 0);
    ``doc``/``event`` point back to ``docs[doc].events[event]`` for the evidence.
    """

    actors: list[str]
    day: np.ndarray
    src: np.ndarray
    tgt: np.ndarray
    sign: np.ndarray
    weight: np.ndarray
    type_id: np.ndarray
    status_id: np.ndarray
    doc: np.ndarray
    event: np.ndarray
    types: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    docs: list[Document] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    stats: dict[str, int] = field(default_factory=dict)
    ids: list[str] = field(default_factory=list)  # docs[i].id, hashed once

    def doc_id(self, d: int) -> str | None:
        if not 0 <= d < len(self.docs):
            return None
        if len(self.ids) != len(self.docs):
            self.ids = [doc.id for doc in self.docs]
        return self.ids[d]

    def __len__(self) -> int:
        return int(self.day.shape[0])

    def evidence(self, row: int) -> dict[str, Any]:
        """The evidence record of one table row (materialised on demand, never in bulk)."""
        d = int(self.doc[row])
        e = int(self.event[row])
        item: dict[str, Any] = {
            "article": None, "event": e,
            "type": self.types[int(self.type_id[row])],
            "status": self.statuses[int(self.status_id[row])],
            "date": day_to_iso(int(self.day[row])),
            "source": self.actors[int(self.src[row])],
            "target": self.actors[int(self.tgt[row])],
            "sign": int(self.sign[row]),
            "weight": round(float(self.weight[row]), 4),
        }
        if 0 <= d < len(self.docs):
            doc = self.docs[d]
            ev = doc.events[e]
            sent = ev.sentence
            text = sent.text or doc.text[sent.start:sent.end]
            item.update({
                "article": self.doc_id(d), "title": doc.title, "outlet": doc.outlet, "url": doc.url,
                "published": doc.published,
                "source_text": ev.source.text if ev.source else None,
                "target_text": ev.target.text if ev.target else None,
                "sentence": {"start": sent.start, "end": sent.end, "text": text},
            })
        else:
            item["sentence"] = None
        return item


def kept_documents(docs: Sequence[Document], families: Iterable[dict[str, Any]] | None,
                   ids: Sequence[str] | None = None) -> tuple[list[bool], int]:
    """Which documents count, so that a republished story counts once.

    For each family ``{"origin": id, "copies": [ids]}``: when the origin is in the corpus all
    copies are dropped; otherwise the earliest copy (by published date, then id) stands in
    for it and the other copies are dropped. Returns (keep flags, number dropped).
    """
    by_id: dict[str, list[int]] = {}
    for i, doc_id in enumerate(ids if ids is not None else [d.id for d in docs]):
        by_id.setdefault(doc_id, []).append(i)
    keep = [True] * len(docs)
    # the same text twice in the input is one article
    for idx in by_id.values():
        for i in idx[1:]:
            keep[i] = False
    for fam in families or []:
        origin = fam.get("origin")
        copies = [c for c in fam.get("copies", []) if c != origin and c in by_id]
        if not copies:
            continue
        if origin not in by_id:
            copies.sort(key=lambda c: (docs[by_id[c][0]].published or "9999", c))
            copies = copies[1:]
        for c in copies:
            for i in by_id[c]:
                keep[i] = False
    return keep, keep.count(False)


def dyads_of(events: Sequence[Event], config: NetworkConfig
             ) -> Iterator[tuple[int, Event, ActorRef | None]]:
    """Each event with the actor it is directed at, joint actions included.

    PLOVER codes "Russia and Iran signed an agreement" as one event per co-actor with no
    recipient. For the alliance map such a joint cooperative act ties the co-actors to each
    other, so an untargeted cooperative event that shares its trigger with events of other
    actors yields one dyad per partner. Conflictual joint acts ("X and Y threatened") say
    nothing about the co-actors' relation and keep their missing target.
    """
    joint: dict[tuple[int, int, str], list[int]] = {}
    for ei, ev in enumerate(events):
        if ev.target is None and ev.trigger is not None and ev.source and ev.source.code \
                and config.direction(ev.type.upper()) > 0:
            joint.setdefault((ev.trigger.start, ev.trigger.end, ev.type), []).append(ei)
    for ei, ev in enumerate(events):
        group = joint.get((ev.trigger.start, ev.trigger.end, ev.type), []) \
            if ev.target is None and ev.trigger is not None else []
        partners = [events[j].source for j in group if j != ei]
        partners = [p for p in partners
                    if p is not None and ev.source is not None and p.code != ev.source.code]
        if partners:
            for partner in partners:
                yield ei, ev, partner
        else:
            yield ei, ev, ev.target


def table_from_documents(docs: Iterable[Document], families: Iterable[dict[str, Any]] | None,
                         config: NetworkConfig | None = None) -> EventTable:
    """Read the events of ``docs`` into an :class:`EventTable`.

    Skipped and counted in ``stats``: events without a source or target code
    (``skipped_no_code``), with a zero weight (denied, negated: ``skipped_zero_weight``),
    without a usable date on the event or the article (``skipped_no_date``), between an actor
    and itself (``skipped_self``), and events of dropped republished copies
    (``skipped_republished``).
    """
    config = config or NetworkConfig()
    docs = list(docs)
    ids = [doc.id for doc in docs]
    keep, dropped_docs = kept_documents(docs, families, ids)
    actor_ix: dict[str, int] = {}
    type_ix: dict[str, int] = {}
    status_ix: dict[str, int] = {}
    name_votes: dict[str, Counter[str]] = {}
    cols: dict[str, list[Any]] = {k: [] for k in
                                  ("day", "src", "tgt", "sign", "weight", "type", "status",
                                   "doc", "event")}
    stats = Counter({"documents": len(docs), "documents_republished_dropped": dropped_docs})
    for di, doc in enumerate(docs):
        stats["events_total"] += len(doc.events)
        for ei, ev, target in dyads_of(doc.events, config):
            if not keep[di]:
                stats["skipped_republished"] += 1
                continue
            if not (ev.source and ev.source.code and target and target.code):
                stats["skipped_no_code"] += 1
                continue
            w = config.status_weight(ev.status) * config.intensity(ev.type)
            if config.use_confidence:
                w *= float(ev.confidence)
            if w <= 0:
                stats["skipped_zero_weight"] += 1
                continue
            day = parse_day(ev.date)
            if day is None:
                day = parse_day(doc.published)
            if day is None:
                stats["skipped_no_date"] += 1
                continue
            s = normalise_actor(ev.source.code, ev.source.sector, config)
            t = normalise_actor(target.code, target.sector, config)
            if s == t:
                stats["skipped_self"] += 1
                continue
            for code, ref in ((s, ev.source), (t, target)):
                name_votes.setdefault(code, Counter())[ref.text] += 1
            etype = ev.type.upper()
            cols["day"].append(day)
            cols["src"].append(actor_ix.setdefault(s, len(actor_ix)))
            cols["tgt"].append(actor_ix.setdefault(t, len(actor_ix)))
            cols["sign"].append(config.direction(etype))
            cols["weight"].append(w)
            cols["type"].append(type_ix.setdefault(etype, len(type_ix)))
            cols["status"].append(status_ix.setdefault(ev.status, len(status_ix)))
            cols["doc"].append(di)
            cols["event"].append(ei)
            stats["events_used"] += 1
    for key in ("events_total", "events_used", "skipped_republished", "skipped_no_code",
                "skipped_zero_weight", "skipped_no_date", "skipped_self"):
        stats.setdefault(key, 0)
    names = {}
    for code, votes in name_votes.items():
        names[code] = _display_name(code, votes)
    return EventTable(
        actors=list(actor_ix), names=names,
        day=np.asarray(cols["day"], dtype=np.int32),
        src=np.asarray(cols["src"], dtype=np.int32),
        tgt=np.asarray(cols["tgt"], dtype=np.int32),
        sign=np.asarray(cols["sign"], dtype=np.int8),
        weight=np.asarray(cols["weight"], dtype=np.float64),
        type_id=np.asarray(cols["type"], dtype=np.int16),
        status_id=np.asarray(cols["status"], dtype=np.int8),
        doc=np.asarray(cols["doc"], dtype=np.int32),
        event=np.asarray(cols["event"], dtype=np.int32),
        types=list(type_ix), statuses=list(status_ix), docs=docs, stats=dict(stats), ids=ids,
    )


def _display_name(code: str, votes: Counter[str]) -> str:
    if len(code) == 3:
        try:
            import pycountry

            country = pycountry.countries.get(alpha_3=code)
            if country is not None:
                return str(getattr(country, "common_name", None) or country.name)
        except Exception:  # pragma: no cover
            pass
    return votes.most_common(1)[0][0] if votes else code


def table_from_arrays(actors: Sequence[str], day: np.ndarray, src: np.ndarray, tgt: np.ndarray,
                      types: Sequence[str], type_id: np.ndarray, statuses: Sequence[str],
                      status_id: np.ndarray, config: NetworkConfig | None = None) -> EventTable:
    """An :class:`EventTable` from already encoded columns (a stored event stream, a benchmark).

    Signs and weights come from lookup arrays indexed by type/status code, so this is as
    vectorised as the rest; zero-weight and self-loop rows are dropped and counted.
    """
    config = config or NetworkConfig()
    type_id = np.asarray(type_id, dtype=np.int16)
    status_id = np.asarray(status_id, dtype=np.int8)
    sign_lut = np.array([config.direction(t) for t in types], dtype=np.int8)
    w_lut = np.array([config.intensity(t) for t in types], dtype=np.float64)
    s_lut = np.array([config.status_weight(s) for s in statuses], dtype=np.float64)
    weight = w_lut[type_id] * s_lut[status_id]
    src = np.asarray(src, dtype=np.int32)
    tgt = np.asarray(tgt, dtype=np.int32)
    ok = (weight > 0) & (src != tgt)
    n = int(ok.shape[0])
    stats = {"events_total": n, "events_used": int(ok.sum()),
             "skipped_zero_weight": int((weight <= 0).sum()),
             "skipped_self": int(((weight > 0) & (src == tgt)).sum()),
             "skipped_no_code": 0, "skipped_no_date": 0, "skipped_republished": 0}
    rows = np.flatnonzero(ok).astype(np.int32)
    return EventTable(
        actors=list(actors), day=np.asarray(day, dtype=np.int32)[ok], src=src[ok], tgt=tgt[ok],
        sign=sign_lut[type_id][ok], weight=weight[ok], type_id=type_id[ok],
        status_id=status_id[ok], doc=np.full(rows.shape, -1, dtype=np.int32), event=rows,
        types=list(types), statuses=list(statuses), docs=[], names={}, stats=stats,
    )

"""Evaluation against the PLOVER gold-standard records (CAMEO manual examples, CC BY-SA).

Scoring rules (documented in ``events/data/README.md``):

* Gold labels are mapped to today's sixteen types with :data:`OLD_LABELS` (PLOVER manual).
* Predicted events are viewed the PLOVER way with :func:`plover_view`: an intent to
  cooperate ("will visit", "agreed to send") is AGREE, an intent to use force is THREATEN,
  a refused cooperative act ("would not allow") is REJECT, and negated or denied conflict
  events are not events.
* Actor codes compare by country (ISO3; IGO/NGO/IMG prefixes for organisations); the gold
  file's non-ISO ``JAP``/``ITL`` are read as ``JPN``/``ITA``; sectors by their first
  three letters (``CVLalb`` -> ``CVL``; ``***`` -> none).
* Event type: accuracy of the primary event (the trigger highest in the parse) and P/R/F1
  of the set of types per sentence. Triples: P/R/F1 of the sets of (source country, type,
  target country) per sentence, one triple per gold source-target pair.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document import ActorRef, Document, Event
from .lexicon import COOPERATIVE, OLD_LABELS

GOLD_FILE = "PLOVER_GSR_CAMEO.txt"
_CODE_FIX = {"JAP": "JPN", "ITL": "ITA"}
_FORCE = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}


def plover_view(ev: Event) -> str | None:
    """The PLOVER category an event counts as, given its status (None: not an event)."""
    if ev.status in ("negated", "denied"):
        return "REJECT" if ev.type in COOPERATIVE and ev.status == "negated" else None
    if ev.status == "hypothetical":
        return None  # "could send", "if they reject", "is considering": not an event
    if ev.status == "future":
        if ev.type in COOPERATIVE:
            return "AGREE"
        if ev.type in _FORCE:
            return "THREATEN"
    return ev.type


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Gold records with text (the leading DOCUMENT record is skipped)."""
    f = path / GOLD_FILE if path.is_dir() else path
    data = json.loads(f.read_text(encoding="utf-8"))
    return [r for r in data if r.get("text")]


def _country(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    code = _CODE_FIX.get(code[:3], code[:3])
    return "IGO" if code == "NGO" else code  # the gold file codes NGOs (Red Cross) as IGO


def _sector(sec: str | None) -> str | None:
    if not sec or sec.startswith("*"):
        return None
    return sec[:3].upper()


def _gold_actors(v: Any) -> list[tuple[str | None, str | None]]:
    if not isinstance(v, list):
        return []
    return [(_country(a.get("code")), _sector(a.get("sector"))) for a in v]


def gold_triples(rec: dict[str, Any], sectors: bool = False) -> set[tuple[Any, ...]]:
    typ = OLD_LABELS.get(rec["event"], rec["event"])
    srcs = _gold_actors(rec.get("source")) or [(None, None)]
    tgs = _gold_actors(rec.get("target")) or [(None, None)]
    out: set[tuple[Any, ...]] = set()
    for s in srcs:
        for t in tgs:
            if s == t and s[0] is not None:
                continue
            if sectors:
                out.add((s, typ, t))
            else:
                out.add((s[0], typ, t[0]))
    return out


def _ref_key(r: ActorRef | None, sectors: bool) -> Any:
    if r is None or r.code is None:
        return (None, None) if sectors else None
    c = _country(r.code)
    sec = r.sector if r.sector else None
    if c in ("IGO", "NGO", "IMG", "GRP"):
        sec = None
    return (c, _sector(sec)) if sectors else c


def pred_triples(events: Iterable[Event], sectors: bool = False) -> set[tuple[Any, ...]]:
    out: set[tuple[Any, ...]] = set()
    for ev in events:
        typ = plover_view(ev)
        if typ is None:
            continue
        out.add((_ref_key(ev.source, sectors), typ, _ref_key(ev.target, sectors)))
    return out


def coded_events(doc: Document) -> list[Event]:
    """The events a PLOVER coder codes: all but the content of an accusation.

    "Iran accused Iraq of shelling its villages" is one PLOVER event (ACCUSE); Allegiance also
    keeps the alleged shelling, marked ``reported``, for the claims view. Such an event, whose
    trigger lies under an ACCUSE trigger of the same sentence, is left out of the scores.
    """
    sdoc = doc.spacy_doc
    accusers = {e.trigger.start for e in doc.events if e.type == "ACCUSE" and e.trigger}
    if sdoc is None or not accusers:
        return list(doc.events)
    out = []
    for ev in doc.events:
        if ev.status == "reported" and ev.trigger is not None and ev.type != "ACCUSE":
            sp = sdoc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
            if sp is not None and any(a.idx in accusers for a in sp.root.ancestors):
                continue
        out.append(ev)
    return out


def primary(doc: Document) -> Event | None:
    """The main event of a sentence: the trigger nearest the root of the parse."""
    best: tuple[float, float] | None = None
    pick = None
    sdoc = doc.spacy_doc
    for ev in coded_events(doc):
        if plover_view(ev) is None or ev.trigger is None:
            continue
        depth = 0
        if sdoc is not None:
            sp = sdoc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
            if sp is not None:
                depth = len(list(sp.root.ancestors))
        key = (depth, -ev.confidence)
        if best is None or key < best:
            best, pick = key, ev
    return pick


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, pred: set[Any], gold: set[Any]) -> None:
        self.tp += len(pred & gold)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.p, 4), "recall": round(self.r, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Scores:
    n: int = 0
    type_correct: int = 0
    types: PRF = field(default_factory=PRF)
    types_primary: PRF = field(default_factory=PRF)
    triples: PRF = field(default_factory=PRF)
    triples_primary: PRF = field(default_factory=PRF)
    triples_sector: PRF = field(default_factory=PRF)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.n,
            "type_accuracy": round(self.type_correct / self.n, 4) if self.n else 0.0,
            "type_all_events": self.types.to_dict(),
            "type_primary_event": self.types_primary.to_dict(),
            "triple_all_events": self.triples.to_dict(),
            "triple_primary_event": self.triples_primary.to_dict(),
            "triple_with_sectors": self.triples_sector.to_dict(),
        }


GoldSets = tuple[set[str], set[tuple[Any, ...]], set[tuple[Any, ...]]]


def gsr_gold(rec: dict[str, Any]) -> GoldSets:
    """Event types, country triples and sector triples of one PLOVER GSR record."""
    return ({OLD_LABELS.get(rec["event"], rec["event"])}, gold_triples(rec),
            gold_triples(rec, True))


def score(records: list[dict[str, Any]], docs: list[Document],
          gold: Callable[[dict[str, Any]], GoldSets] = gsr_gold) -> Scores:
    """Score documents against gold records (``gold`` reads one record's sets)."""
    s = Scores()
    for rec, doc in zip(records, docs, strict=True):
        s.n += 1
        gold_types, gt, gt_sectors = gold(rec)
        prim = primary(doc)
        ptype = plover_view(prim) if prim else None
        if ptype in gold_types or (ptype is None and not gold_types):
            s.type_correct += 1
        events = coded_events(doc)
        types = {t for t in (plover_view(e) for e in events) if t}
        s.types.add(types, gold_types)
        s.types_primary.add({ptype} if ptype else set(), gold_types)
        pt = pred_triples(events)
        s.triples.add(pt, gt)
        s.triples_primary.add(pred_triples([prim]) if prim else set(), gt)
        s.triples_sector.add(pred_triples(events, True), gt_sectors)
        if pt != gt:
            s.errors.append({"id": rec["id"], "gold": sorted(map(str, gt)),
                             "pred": sorted(map(str, pt))})
    return s


def run_gold(records: list[dict[str, Any]], progress: bool = False) -> list[Document]:
    """Analyse each gold sentence with the nlp, actors and events stages."""
    from ..config import Settings
    from ..pipeline import build_pipeline

    pipe = build_pipeline(Settings(stages=("nlp", "actors", "events")))
    it: Iterable[dict[str, Any]] = records
    if progress:
        from tqdm import tqdm

        it = tqdm(records, desc="events", unit="sent")
    return [pipe(Document(r["text"], published=r.get("date") or None)) for r in it]

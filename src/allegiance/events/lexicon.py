"""The trigger lexicon: verb and noun lemmas -> PLOVER event type (+ mode).

Read from ``events/data/lexicon.csv`` (the project's own file, see the README there) once
per process. Rows of one trigger are tried in file order; a row with ``objects`` applies
only when the verb's object (or a noun trigger's modifier) is one of those lemmas, so
"send troops" (MOBILIZE) and "send aid" (AID) come from the same verb.
"""

from __future__ import annotations

import csv
import functools
import os
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
EXTRA_ENV = "ALLEGIANCE_EVENTS_EXTRA"

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT")
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
                         "RETREAT"})
# Old PLOVER labels (as in the CAMEO-derived gold file) -> today's sixteen, as the PLOVER
# manual's CAMEO table maps them (09 INVESTIGATE -> ACCUSE, 10 DEMAND -> REQUEST,
# 11 DISAPPROVE -> ACCUSE, 19 FIGHT -> ASSAULT).
OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
              "FIGHT": "ASSAULT"}


@dataclass(frozen=True)
class Rule:
    trigger: str
    pos: str  # V or N
    type: str
    mode: str | None
    objects: frozenset[str]


def _read(path: Path) -> list[Rule]:
    rules = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            t = (row.get("type") or "").strip().upper()
            if t not in PLOVER_TYPES and t != "NONE":
                raise ValueError(f"{path}: unknown PLOVER type {t!r} for {row.get('trigger')!r}")
            objs = frozenset(o.strip().lower() for o in (row.get("objects") or "").split("|")
                             if o.strip())
            rules.append(Rule(row["trigger"].strip().lower(), row["pos"].strip().upper(), t,
                              (row.get("mode") or "").strip() or None, objs))
    return rules


@dataclass
class TriggerLexicon:
    verbs: dict[str, list[Rule]]
    nouns: dict[str, list[Rule]]


@functools.lru_cache(maxsize=2)
def _load(extra: tuple[str, ...]) -> TriggerLexicon:
    rules = _read(DATA / "lexicon.csv")
    for p in extra:  # user rows come first so they can override the built-in ones
        rules = _read(Path(p)) + rules
    verbs: dict[str, list[Rule]] = {}
    nouns: dict[str, list[Rule]] = {}
    for r in rules:
        (verbs if r.pos == "V" else nouns).setdefault(r.trigger, []).append(r)
    return TriggerLexicon(verbs, nouns)


def get_trigger_lexicon() -> TriggerLexicon:
    raw = os.environ.get(EXTRA_ENV, "")
    return _load(tuple(p for p in raw.split(os.pathsep) if p.strip()))


def pick(rules: list[Rule], lemmas: set[str]) -> Rule | None:
    """The first rule whose object constraint is met (or that has none)."""
    for r in rules:
        if not r.objects or r.objects & lemmas:
            return r
    return None

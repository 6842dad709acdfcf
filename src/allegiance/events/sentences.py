"""Read the project's own event-coding sentence sets (tab-separated) and score on them.

Each row is ``id``, ``code`` (the CAMEO code or PLOVER type the sentence was written to
illustrate, ``NONE`` for a sentence that states no event), ``text`` and ``gold``: the
expected ``SOURCE TYPE TARGET`` triples separated by ``;``, countries as ISO3 (``IGO`` for
international organisations), ``-`` where PLOVER leaves the actor out (a reciprocal act has
no recipient), and nothing at all for a sentence that states no event. The coding follows
the PLOVER manual and, where the two differ, the PLOVER gold-standard records (a kidnapping
is COERCE, a lifted curfew CONCEDE, a host is the source of a visit it receives).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from .evaluate import GoldSets

DEFAULT_DATE = "2024-09-01"  # the sentences are written about the present; titles resolve


def load_sentences(path: Path) -> list[dict[str, Any]]:
    """Records: id, code, text, date and the gold triples (a set)."""
    out: list[dict[str, Any]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh, delimiter="\t"), start=2):
            if not row.get("id") or not row.get("text"):
                raise ValueError(f"{path}:{n}: a row needs an id and a text")
            triples: set[tuple[str | None, str, str | None]] = set()
            for part in (row.get("gold") or "").split(";"):
                if not part.strip():
                    continue
                fields = part.split()
                if len(fields) != 3:
                    raise ValueError(f"{path}:{n}: gold '{part.strip()}' is not SOURCE TYPE TARGET")
                src, typ, tgt = fields
                triples.add((None if src == "-" else src, typ.upper(),
                             None if tgt == "-" else tgt))
            out.append({"id": row["id"], "code": row.get("code", ""), "text": row["text"],
                        "date": row.get("date") or DEFAULT_DATE, "triples": triples})
    return out


def sentence_gold(rec: dict[str, Any]) -> GoldSets:
    """Types and triples of one record; the sets carry no sectors (scored as none)."""
    triples = rec["triples"]
    return {t for _, t, _ in triples}, set(triples), set()

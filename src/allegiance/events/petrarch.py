"""Read the UniversalPetrarch validation records and score the events stage on them.

The file (``PETR2_GSR_validation.xml`` in ``../shared/data/events/universalpetrarch_validation``)
holds 78 AFP/Gigaword sentences with CAMEO codings, partly derived from PETRARCH-2's own
output ("silver"), plus sentences marked as having no event. It is the validation set of the
PETRARCH coders, read here as a second, independent check of the PLOVER coder: CAMEO codes are
mapped to PLOVER types with the PLOVER manual's CAMEO-to-PLOVER table; codings whose CAMEO
code has no PLOVER event (public statements, 01x) are left out, and a sentence with no
remaining coding counts as one that states no event.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from .lexicon import OLD_LABELS

VALIDATION_FILE = "PETR2_GSR_validation.xml"
CAMEO_MAP_FILE = "CAMEO2PLOVER-2021.txt"

_SENTENCE = re.compile(r"<Sentence\b(?P<attrs>[^>]*)/?>(?P<body>.*?)(?=<Sentence\b|</Sentences>)",
                       re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_CODING = re.compile(r"<EventCoding\b([^>]*)/>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


def load_cameo_map(path: Path) -> dict[str, str]:
    """CAMEO code ("042", "19") -> PLOVER type, from the manual's conversion table."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        if ":" not in line:
            continue
        code, rest = line.split(":", 1)
        code, typ = code.strip(), rest.split(",", 1)[0].strip().upper()
        if code.isdigit() and typ.isalpha():
            out[code] = OLD_LABELS.get(typ, typ)
    return out


def plover_type(cameo: str, cameo_map: dict[str, str]) -> str | None:
    """The PLOVER type of a CAMEO code (its own row, else its 3- or 2-digit parent's)."""
    for k in (cameo, cameo[:3], cameo[:2]):
        if k in cameo_map:
            return cameo_map[k]
    return None


def _actor(code: str) -> tuple[str | None, str | None]:
    """("USAGOV" -> ("USA", "GOV"); "---LEG" -> (None, "LEG"))."""
    code = code.strip().upper()
    country = code[:3] if len(code) >= 3 and code[:3].isalpha() else None
    sector = code[3:6] if len(code) >= 6 and code[3:6].isalpha() else None
    if country in ("IGO", "NGO", "IMG"):
        sector = None
    return country, sector


def load_validation(data: Path, cameo_map: dict[str, str]) -> list[dict[str, Any]]:
    """Records: id, date (YYYY-MM-DD), text, and the PLOVER-mapped codings."""
    f = data / VALIDATION_FILE if data.is_dir() else data
    raw = f.read_text(encoding="utf-8")
    records: list[dict[str, Any]] = []
    for m in _SENTENCE.finditer(raw):
        attrs = dict(_ATTR.findall(m["attrs"]))
        text_m = _TEXT.search(m["body"])
        if text_m is None or attrs.get("evaluate", "true").lower() == "false":
            continue
        text = " ".join(html.unescape(text_m.group(1)).split())
        codings = []
        for c in _CODING.finditer(m["body"]):
            ca = dict(_ATTR.findall(c.group(1)))
            typ = plover_type(ca.get("eventcode", ""), cameo_map)
            if typ is None:
                continue  # noevents="True", or a CAMEO code with no PLOVER event
            codings.append((_actor(ca.get("sourcecode", "")), typ,
                            _actor(ca.get("targetcode", ""))))
        d = attrs.get("date", "")
        date = f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 and d.isdigit() else None
        records.append({"id": attrs.get("id", ""), "date": date, "text": text,
                        "codings": codings})
    return records


def gold_sets(rec: dict[str, Any]) -> tuple[set[str], set[Any], set[Any]]:
    """Types, (src, type, tgt) country triples and sector triples of one record."""
    types = {typ for _, typ, _ in rec["codings"]}
    kept = [(s, typ, t) for s, typ, t in rec["codings"] if not (s == t and s[0] is not None)]
    return types, {(s[0], typ, t[0]) for s, typ, t in kept}, set(kept)

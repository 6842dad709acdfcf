"""Normalise date expressions against the article's publication date.

Returns ISO 8601 strings at the precision the text gives: ``2021-11-19`` for "on November
19", ``2021-10`` for "last month", ``2020`` for "last year". Without a publication date
only expressions that carry their own year are normalised.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
for _name, _num in list(MONTHS.items()):
    MONTHS[_name[:3]] = _num
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MD = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
_DM = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?(?:,?\s+(\d{4}))?")
_MY = re.compile(r"\b([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_Y = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _parse_pub(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def normalize_date(text: str, published: str | None, future: bool = False) -> str | None:
    """ISO date (or year-month / year) for a date expression, or ``None``."""
    pub = _parse_pub(published)
    low = text.lower().strip()
    m = _MD.search(text)
    if m and m.group(1).lower() in MONTHS:
        return _month_day(MONTHS[m.group(1).lower()], int(m.group(2)), m.group(3), pub, future)
    m = _DM.search(text)
    if m and m.group(2).lower() in MONTHS:
        return _month_day(MONTHS[m.group(2).lower()], int(m.group(1)), m.group(3), pub, future)
    m = _MY.search(text)
    if m and m.group(1).lower() in MONTHS:
        return f"{int(m.group(2)):04d}-{MONTHS[m.group(1).lower()]:02d}"
    if pub is not None:
        rel = _relative(low, pub, future)
        if rel:
            return rel
    m = _Y.search(text)
    if m:
        return m.group(1)
    return None


def _month_day(month: int, day: int, year: str | None, pub: dt.date | None,
               future: bool) -> str | None:
    if year:
        d = _safe(int(year), month, day)
        return d.isoformat() if d else None
    if pub is None:
        return None
    d = _safe(pub.year, month, day)
    if d is None:
        return None
    # A bare "Dec. 28" in a January article is last year's; in the future tense, next year's.
    if not future and d > pub + dt.timedelta(days=31):
        d = _safe(pub.year - 1, month, day) or d
    elif future and d < pub - dt.timedelta(days=31):
        d = _safe(pub.year + 1, month, day) or d
    return d.isoformat()


def _relative(low: str, pub: dt.date, future: bool) -> str | None:
    if "yesterday" in low:
        return (pub - dt.timedelta(days=1)).isoformat()
    if "tomorrow" in low:
        return (pub + dt.timedelta(days=1)).isoformat()
    if low in ("today", "tonight", "this morning", "this evening", "this afternoon"):
        return pub.isoformat()
    if "last month" in low or "previous month" in low:
        y, mo = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
        return f"{y:04d}-{mo:02d}"
    if "next month" in low:
        y, mo = (pub.year, pub.month + 1) if pub.month < 12 else (pub.year + 1, 1)
        return f"{y:04d}-{mo:02d}"
    if "this month" in low or "earlier this month" in low:
        return f"{pub.year:04d}-{pub.month:02d}"
    if "last year" in low or "previous year" in low:
        return f"{pub.year - 1:04d}"
    if "next year" in low:
        return f"{pub.year + 1:04d}"
    if "this year" in low or "earlier this year" in low:
        return f"{pub.year:04d}"
    if "last week" in low:
        y, w, _ = (pub - dt.timedelta(days=7)).isocalendar()
        return f"{y:04d}-W{w:02d}"
    if "this week" in low or "earlier this week" in low:
        y, w, _ = pub.isocalendar()
        return f"{y:04d}-W{w:02d}"
    for name, wd in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", low):
            if future or "next" in low:
                delta = (wd - pub.weekday()) % 7 or 7
                return (pub + dt.timedelta(days=delta)).isoformat()
            delta = (pub.weekday() - wd) % 7
            if "last" in low:
                delta = delta or 7
            return (pub - dt.timedelta(days=delta)).isoformat()
    m = re.search(r"\b(\d+|a|one|two|three|four|five|six|seven|ten)\s+"
                  r"(day|week|month|year)s?\s+ago", low)
    if m:
        n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "ten": 10}.get(m.group(1))
        k = n if n is not None else int(m.group(1))
        unit = m.group(2)
        if unit == "day":
            return (pub - dt.timedelta(days=k)).isoformat()
        if unit == "week":
            return (pub - dt.timedelta(days=7 * k)).isoformat()
        if unit == "month":
            total = pub.year * 12 + pub.month - 1 - k
            return f"{total // 12:04d}-{total % 12 + 1:02d}"
        return f"{pub.year - k:04d}"
    return None

"""Wire datelines: "HANOI, Vietnam (AP) — ", "MOSCOW (Reuters) - ", "ROME — ".

A dateline names where an agency story was filed and, in brackets, the agency. The readers
take the agency as the outlet; the parser splits the dateline off the first sentence so that
the filing city is not read as the subject of what follows.
"""

from __future__ import annotations

import re

DATELINE = re.compile(
    r"[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+){0,3}"
    r"(?:, [A-Z][A-Za-z.']*(?: [A-Z][A-Za-z.']*){0,2}(?:,? [A-Z][a-z]{2,3}\.? \d{1,2})?)?"
    r"(?: \((?P<agency>[A-Z][A-Za-z .&/-]{0,30})\))? ?(?:--|[-\u2013\u2014])(?: |$)")


def dateline_length(text: str) -> int:
    """Characters of a wire dateline opening ``text`` (0 when there is none)."""
    m = DATELINE.match(text)
    return m.end() if m else 0


def dateline_outlet(text: str) -> str | None:
    """The agency of a wire dateline, "BEIJING (Harbor Wire) - ...", when a text opens with one."""
    m = DATELINE.match(text)
    return m.group("agency").strip() if m and m.group("agency") else None

"""Republication corpus stage: which articles are copies of which, and what stories there are.

Corpus-level (runs over the stored corpus after the article pipeline):

- :func:`find_republications` - families of copies with their earliest known origin,
  in analysis.json's ``republications`` shape.
- :func:`narrative_clusters` - articles about the same story grouped by meaning.
- :func:`outlet_republication` - per outlet, how much of what it publishes is copied
  from whom, and who copies it.
- :func:`render_family_diff_html` - origin and copy side by side, differences marked.

The storage keeps a :class:`RepublicationIndex` next to its database and calls
``index.add(...)`` for each new article, so linking a new article never recomputes the
corpus; :func:`find_republications` is the one-shot batch form of the same thing.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..document import Document
from .diff import render_family_diff_html
from .index import RepublicationIndex
from .narratives import narrative_clusters

__all__ = [
    "RepublicationIndex",
    "find_republications",
    "index_documents",
    "index_path",
    "open_index",
    "narrative_clusters",
    "outlet_republication",
    "render_family_diff_html",
]


def index_path(db_path: str | os.PathLike[str]) -> Path:
    """The index file beside a corpus database: ``corpus.db.republication.npz``."""
    db = Path(db_path)
    return db.with_name(db.name + ".republication.npz")


def open_index(db_path: str | os.PathLike[str]) -> RepublicationIndex:
    """The index stored beside ``db_path``, or a new empty one (save it with ``index.save``)."""
    path = index_path(db_path)
    return RepublicationIndex.load(path) if path.exists() else RepublicationIndex()


def _fields(doc: Document | dict[str, Any]) -> tuple[str, str, str | None, str | None]:
    if isinstance(doc, Document):
        return doc.id, doc.text, doc.published, doc.outlet
    return str(doc["id"]), doc.get("text") or "", doc.get("published"), doc.get("outlet")


def index_documents(docs: Sequence[Document | dict[str, Any]],
                    index: RepublicationIndex | None = None,
                    first_seen: Sequence[str | None] | None = None) -> RepublicationIndex:
    """Add ``docs`` to ``index`` (a new one if ``None``); first seen defaults to list order."""
    index = index or RepublicationIndex()
    for k, doc in enumerate(docs):
        doc_id, text, published, outlet = _fields(doc)
        seen = first_seen[k] if first_seen is not None else f"{len(index) + 1:012d}"
        index.add(doc_id, text, published, seen, outlet)
    return index


def find_republications(docs: Sequence[Document | dict[str, Any]]) -> list[dict[str, Any]]:
    """Families of copies: ``[{"origin", "copies", "similarity", "members": [{"id",
    "containment", "jaccard", "linked_to", ...}]}]``.

    The origin is the earliest by publication date, then by position in ``docs`` (taken
    as the order the articles were first seen).
    """
    return index_documents(docs).families()


def outlet_republication(families: Sequence[dict[str, Any]],
                         docs: Sequence[Document | dict[str, Any]]) -> dict[str, Any]:
    """Per outlet: how much of what it publishes is republished, from whom, and who copies it.

    Returns ``{outlet: {"articles", "copies", "copied_share", "copied_from": {outlet: n},
    "originals_copied", "copied_by": {outlet: n}}}``; articles without an outlet count
    under ``"(unknown)"``.
    """
    outlet_of: dict[str, str] = {}
    for doc in docs:
        doc_id, _, _, outlet = _fields(doc)
        outlet_of[doc_id] = outlet or "(unknown)"
    stats: dict[str, dict[str, Any]] = defaultdict(lambda: {
        "articles": 0, "copies": 0, "copied_from": Counter(), "originals_copied": 0,
        "copied_by": Counter()})
    for outlet in outlet_of.values():
        stats[outlet]["articles"] += 1
    for fam in families:
        origin_outlet = outlet_of.get(fam["origin"], "(unknown)")
        copiers = set()
        for copy_id in fam["copies"]:
            outlet = outlet_of.get(copy_id, "(unknown)")
            stats[outlet]["copies"] += 1
            stats[outlet]["copied_from"][origin_outlet] += 1
            stats[origin_outlet]["copied_by"][outlet] += 1
            copiers.add(outlet)
        if copiers:
            stats[origin_outlet]["originals_copied"] += 1
    out = {}
    for outlet, s in sorted(stats.items(), key=lambda kv: (-kv[1]["articles"], kv[0])):
        out[outlet] = {
            "articles": s["articles"],
            "copies": s["copies"],
            "copied_share": round(s["copies"] / s["articles"], 4) if s["articles"] else 0.0,
            "copied_from": dict(s["copied_from"].most_common()),
            "originals_copied": s["originals_copied"],
            "copied_by": dict(s["copied_by"].most_common()),
        }
    return out

"""The second, global step of a batch run: republication and the network over the Parquet.

Republication needs every article at once (a copy may sit in any shard) and the network
aggregates every event, so both run once over the finished shards rather than per shard.
They read the same stored documents ``allegiance analyze`` would hand them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ..document import Document
from .tables import finished_shards, iter_corpus_records, write_json_atomic

log = logging.getLogger(__name__)


def build_corpus(out_dir: Path) -> dict[str, Any]:
    """Write ``corpus/republications.json`` and ``corpus/network.json``; returns a summary."""
    records: list[dict[str, Any]] = []
    docs: list[Document] = []
    for record, doc in iter_corpus_records(out_dir):
        records.append(record)
        docs.append(doc)
    summary: dict[str, Any] = {"articles": len(docs), "shards": len(finished_shards(out_dir))}
    corpus = out_dir / "corpus"
    families: list[dict[str, Any]] = []
    find_republications = _optional("allegiance.republication", "find_republications")
    if isinstance(find_republications, str):
        log.warning("republication unavailable (%s); skipped", find_republications)
        summary["republications"] = f"unavailable: {find_republications}"
    else:
        try:
            families = list(find_republications(records))
        except Exception as exc:  # the shards stay valid; the step can be rerun alone
            log.exception("republication failed")
            summary["republications"] = f"failed: {exc!r}"
        else:
            write_json_atomic(corpus / "republications.json", families)
            summary["republications"] = len(families)
    analysis_network = _optional("allegiance.network", "analysis_network")
    if isinstance(analysis_network, str):
        log.warning("network unavailable (%s); skipped", analysis_network)
        summary["network"] = f"unavailable: {analysis_network}"
    else:
        try:
            network = analysis_network(docs, families)
        except Exception as exc:
            log.exception("network failed")
            summary["network"] = f"failed: {exc!r}"
        else:
            write_json_atomic(corpus / "network.json", network)
            summary["network"] = len(network.get("windows", []))
    write_json_atomic(corpus / "summary.json", summary)
    return summary


def _optional(module: str, name: str) -> Any:
    """A corpus stage's function, or why it cannot be imported (the shards stay usable)."""
    import importlib

    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        return repr(exc)

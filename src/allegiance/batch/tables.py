"""The Parquet output of a batch run and its per-shard commit protocol.

Layout of ``OUT``::

    articles/shard=<id>/part-0.parquet      one row per article, with the full document JSON
    actors/ events/ attributions/ techniques/ failures/   the same partitioning
    _done/<id>.json                         commit marker of a finished shard (its stats)
    _tmp/                                   files being written (never read)
    corpus/                                 republication and network (second, global step)

A shard's tables are written under ``_tmp`` first, then renamed into place, and only then
is its marker written (``os.replace``, atomic). A shard counts as finished only when its
marker exists; one without a marker (a worker killed mid-commit) is cleaned and redone.
The flat columns are exactly the SQL tables' (:func:`allegiance.storage.base.document_rows`)
so SQLite, PostgreSQL and DuckDB over Parquet answer the same queries.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..document import Document
from ..storage.base import PIPELINE_VERSION, document_rows
from .shards import require

TABLES = ("articles", "actors", "events", "attributions", "techniques", "failures")

# (column, arrow type) in the column order of the SQL schema (storage/migrations.py).
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [("id", "string"), ("source", "string"), ("url", "string"), ("title", "string"),
                 ("outlet", "string"), ("published", "string"), ("text", "string"),
                 ("data", "string"), ("pipeline_version", "string"), ("analysed_at", "string"),
                 ("words", "int64")],
    "actors": [("article_id", "string"), ("idx", "int64"), ("code", "string"),
               ("name", "string"), ("kind", "string"), ("country", "string"),
               ("sector", "string"), ("mentions", "int64")],
    "events": [("article_id", "string"), ("idx", "int64"), ("type", "string"),
               ("mode", "string"), ("source_code", "string"), ("source_sector", "string"),
               ("target_code", "string"), ("target_sector", "string"), ("status", "string"),
               ("date", "string"), ("location", "string"), ("attributed_text", "string"),
               ("attributed_kind", "string"), ("sentence_start", "int64"),
               ("sentence_end", "int64"), ("confidence", "float64")],
    "attributions": [("article_id", "string"), ("idx", "int64"), ("source_kind", "string"),
                     ("source_text", "string"), ("source_code", "string"),
                     ("content_start", "int64"), ("content_end", "int64")],
    "techniques": [("article_id", "string"), ("idx", "int64"), ("technique", "string"),
                   ("start_char", "int64"), ("end_char", "int64"), ("score", "float64")],
    "failures": [("source", "string"), ("reason", "string")],
}


def schema(table: str) -> Any:
    pa = require("pyarrow")
    return pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS[table]])


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ShardRows:
    """The rows of one shard, collected in memory (a shard is small) until the commit."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLES}
        self.words = 0

    def add_document(self, doc: Document) -> Document:
        """Add ``doc`` as stored: rebuilt from its JSON, as ``load`` and ``analyze -j`` see it."""
        data = doc.to_dict()
        stored = Document.from_dict(data)
        words = len(doc.text.split())
        self.words += words
        self.rows["articles"].append((
            stored.id, stored.source, stored.url, stored.title, stored.outlet, stored.published,
            stored.text, json.dumps(data, ensure_ascii=False, separators=(",", ":")),
            PIPELINE_VERSION, _now(), words))
        for table, rows in document_rows(stored).items():
            self.rows[table].extend(rows)
        return stored

    def add_failure(self, source: str, reason: str) -> None:
        self.rows["failures"].append((source, reason))

    @property
    def articles(self) -> int:
        return len(self.rows["articles"])


def partition(out: Path, table: str, shard_id: str) -> Path:
    return out / table / f"shard={shard_id}"


def marker(out: Path, shard_id: str) -> Path:
    return out / "_done" / f"{shard_id}.json"


def read_marker(out: Path, shard_id: str) -> dict[str, Any] | None:
    try:
        return dict(json.loads(marker(out, shard_id).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def clean_shard(out: Path, shard_id: str) -> None:
    """Remove what an unfinished (killed) attempt at a shard left behind."""
    marker(out, shard_id).unlink(missing_ok=True)
    for table in TABLES:
        shutil.rmtree(partition(out, table, shard_id), ignore_errors=True)
    tmp = out / "_tmp"
    if tmp.is_dir():
        for leftover in tmp.glob(f"{shard_id}--*"):
            shutil.rmtree(leftover, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def commit_shard(out: Path, shard_id: str, rows: ShardRows, stats: dict[str, Any]) -> None:
    """Write the shard's tables, move them into place, then write its marker (the commit)."""
    pa = require("pyarrow")
    pq = require("pyarrow.parquet")
    staging = out / "_tmp" / f"{shard_id}--{uuid.uuid4().hex[:8]}"
    for table in TABLES:
        sch = schema(table)
        data = rows.rows[table]
        arrays = [pa.array([r[i] for r in data], type=f.type) for i, f in enumerate(sch)]
        target = staging / table / f"shard={shard_id}"
        target.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_arrays(arrays, schema=sch), target / "part-0.parquet",
                       compression="zstd")
    for table in TABLES:
        dest = partition(out, table, shard_id)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.exists():  # a stale partition of an unfinished attempt
            shutil.rmtree(dest)
        os.replace(staging / table / f"shard={shard_id}", dest)
        _fsync_dir(dest.parent)
    shutil.rmtree(staging, ignore_errors=True)
    write_json_atomic(marker(out, shard_id), stats)


def write_json_atomic(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    with tmp.open("w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


# -- reading a finished output ---------------------------------------------------------------
def finished_shards(out: Path) -> list[str]:
    """Ids of the committed shards, in the order of the run's plan (then by name)."""
    done_dir = out / "_done"
    done = {p.stem for p in done_dir.glob("*.json")} if done_dir.is_dir() else set()
    order: list[str] = []
    manifest = out / "_batch.json"
    if manifest.exists():
        try:
            planned = json.loads(manifest.read_text(encoding="utf-8")).get("shards", [])
            order = [s["id"] for s in planned if s["id"] in done]
        except (OSError, ValueError, KeyError):
            order = []
    return order + sorted(done - set(order))


def read_table(out: Path, table: str, shard_id: str, columns: list[str] | None = None) -> Any:
    pq = require("pyarrow.parquet")
    return pq.read_table(partition(out, table, shard_id) / "part-0.parquet", columns=columns)


def iter_documents(out: Path, shards: list[str] | None = None) -> Iterator[Document]:
    """Every stored document of the finished shards, in plan order, first copy of an id only."""
    seen: set[str] = set()
    for sid in finished_shards(out) if shards is None else shards:
        table = read_table(out, "articles", sid, ["id", "data"])
        for aid, data in zip(table.column("id").to_pylist(), table.column("data").to_pylist(),
                             strict=True):
            if aid in seen:
                continue
            seen.add(aid)
            yield Document.from_dict(json.loads(data))


def iter_corpus_records(out: Path, shards: list[str] | None = None
                        ) -> Iterator[tuple[dict[str, Any], Document]]:
    """What the corpus step needs of each article, first copy of an id only, in plan order.

    Republication gets a plain record (id, text, published, outlet); the network a document
    with its metadata and events only. Leaving out sentences, entities, actors, attributions
    and techniques keeps a corpus of millions of articles within one machine's memory.
    """
    seen: set[str] = set()
    cols = ["id", "source", "url", "title", "outlet", "published", "text", "data"]
    for sid in finished_shards(out) if shards is None else shards:
        table = read_table(out, "articles", sid, cols).to_pydict()
        for i, aid in enumerate(table["id"]):
            if aid in seen:
                continue
            seen.add(aid)
            meta = {c: table[c][i] for c in cols[1:7]}
            events = json.loads(table["data"][i]).get("events", [])
            record = {"id": aid, "text": meta["text"], "published": meta["published"],
                      "outlet": meta["outlet"]}
            yield record, Document.from_dict({**meta, "events": events})


def iter_failures(out: Path, shards: list[str] | None = None) -> Iterator[tuple[str, str]]:
    for sid in finished_shards(out) if shards is None else shards:
        table = read_table(out, "failures", sid)
        yield from zip(table.column("source").to_pylist(), table.column("reason").to_pylist(),
                       strict=True)

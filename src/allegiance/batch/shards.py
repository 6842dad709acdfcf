"""Split the inputs of a batch run into shards, and read the articles of one shard.

A shard is the unit of work and of output: one task on a Dask worker, one partition
(``shard=<id>``) of every Parquet table, committed whole or not at all. Shard ids are
derived from the input's path and record range, so a rerun over the same inputs finds the
same ids and can skip the shards that are already finished.

Container files (JSON Lines, WARC, Parquet) are one shard each, or several when
``shard_size`` asks to split big JSON Lines / Parquet files by records; loose files (text,
HTML, JSON, feeds) are grouped ``shard_size`` at a time (:data:`LOOSE_PER_SHARD` by default).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
PARQUET_SUFFIXES = (".parquet", ".pq")
LOOSE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".json", ".rss",
                  ".atom", ".xml", ".txt.gz", ".html.gz", ".htm.gz", ".json.gz")
LOOSE_PER_SHARD = 200


@dataclass(frozen=True)
class Shard:
    """One unit of work: a container file (or a record range of it) or a group of files."""

    id: str
    kind: str  # jsonl | warc | parquet | files
    paths: tuple[str, ...]
    start: int | None = None  # first record (0-based) of a split JSONL/Parquet file
    stop: int | None = None  # one past the last record
    offset: int | None = None  # byte offset of line ``start`` in a split JSONL file
    size: int = 0  # bytes of input, to schedule big shards first

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "paths": list(self.paths),
                "start": self.start, "stop": self.stop, "offset": self.offset,
                "size": self.size}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Shard:
        return cls(id=d["id"], kind=d["kind"], paths=tuple(d["paths"]), start=d.get("start"),
                   stop=d.get("stop"), offset=d.get("offset"), size=d.get("size", 0))


def _kind(path: str) -> str:
    name = path.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return "files"


def _shard_id(label: str, key: str) -> str:
    """A readable, filesystem- and Hive-safe id that is stable for the same input."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", os.path.basename(label.rstrip("/")))[:40] or "input"
    stem = stem.replace("=", "_")
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return f"{stem}-{digest}"


def _expand(paths: Iterable[str]) -> Iterator[str]:
    """Files of the inputs in a stable order: folders are walked recursively, sorted."""
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    full = os.path.join(root, name)
                    if full.lower().endswith(
                            JSONL_SUFFIXES + WARC_SUFFIXES + PARQUET_SUFFIXES + LOOSE_SUFFIXES):
                        yield full
        else:
            yield p


@dataclass
class Plan:
    shards: list[Shard] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # inputs that do not exist


def plan_shards(paths: Iterable[str], shard_size: int | None = None) -> Plan:
    """The shards of ``paths`` (files or folders), in input order."""
    plan = Plan()
    loose: list[str] = []
    per_group = shard_size or LOOSE_PER_SHARD

    def flush() -> None:
        while loose:
            group, rest = loose[:per_group], loose[per_group:]
            key = "\n".join(os.path.abspath(p) for p in group)
            size = sum(os.path.getsize(p) for p in group)
            plan.shards.append(Shard(_shard_id(group[0], key), "files", tuple(group), size=size))
            loose[:] = rest

    for path in _expand(paths):
        if not os.path.exists(path):
            plan.missing.append(path)
            continue
        kind = _kind(path)
        if kind == "files":
            loose.append(path)
            continue
        flush()
        apath = os.path.abspath(path)
        size = os.path.getsize(path)
        if shard_size and kind == "jsonl" and not path.lower().endswith(".gz"):
            plan.shards.extend(_split_jsonl(path, apath, shard_size))
        elif shard_size and kind == "parquet":
            plan.shards.extend(_split_parquet(path, apath, shard_size))
        else:
            plan.shards.append(Shard(_shard_id(path, apath), kind, (path,), size=size))
    flush()
    return plan


def _split_jsonl(path: str, apath: str, shard_size: int) -> Iterator[Shard]:
    """Line ranges of ``shard_size`` lines, with the byte offset where each range starts."""
    offset, start, lineno, begin = 0, 0, 0, 0
    with open(path, "rb") as f:
        for line in f:
            if lineno - start == shard_size:
                yield Shard(_shard_id(path, f"{apath}:{start}:{lineno}"), "jsonl", (path,),
                            start, lineno, begin, offset - begin)
                start, begin = lineno, offset
            offset += len(line)
            lineno += 1
    if lineno > start:
        yield Shard(_shard_id(path, f"{apath}:{start}:{lineno}"), "jsonl", (path,),
                    start, lineno, begin, offset - begin)


def _split_parquet(path: str, apath: str, shard_size: int) -> Iterator[Shard]:
    pq = require("pyarrow.parquet")
    n = pq.ParquetFile(path).metadata.num_rows
    size = os.path.getsize(path)
    for start in range(0, max(n, 1), shard_size):
        stop = min(start + shard_size, n)
        yield Shard(_shard_id(path, f"{apath}:{start}:{stop}"), "parquet", (path,), start, stop,
                    size=size * (stop - start) // max(n, 1))


def require(module: str) -> Any:
    """Import an optional dependency of the batch mode, or explain how to install it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        top = module.split(".")[0]
        raise RuntimeError(
            f"the batch mode needs {top}: pip install 'allegiance[scale]' "
            f"(dask[distributed], pyarrow)") from exc


# -- reading a shard --------------------------------------------------------------------------
Item = Any  # Document | ingest.InputError


def read_shard(shard: Shard, settings: Settings) -> Iterator[Item]:
    """The articles (and per-input errors) of one shard, as ``allegiance analyze`` reads them."""
    from ..ingest import read_path

    if shard.kind == "parquet":
        yield from _read_parquet(shard, settings)
    elif shard.kind == "jsonl" and shard.start is not None:
        yield from _read_jsonl_range(shard, settings)
    else:
        for path in shard.paths:
            yield from read_path(Path(path), settings)


def _read_jsonl_range(shard: Shard, settings: Settings) -> Iterator[Item]:
    from ..ingest import InputError
    from ..ingest.readers import jsonl_line_article

    path = shard.paths[0]
    assert shard.start is not None and shard.stop is not None
    with open(path, "rb") as f:
        f.seek(shard.offset or 0)
        for lineno in range(shard.start + 1, shard.stop + 1):
            line = f.readline()
            if not line:
                break
            where = f"{path}:{lineno}"
            if not line.strip():
                continue
            if len(line) > settings.max_input_bytes:
                yield InputError(where, f"line longer than the input limit of "
                                        f"{settings.max_input_bytes:,} bytes")
                continue
            yield jsonl_line_article(line, where, settings)


PARQUET_COLUMNS = ("text", "html", "url", "title", "outlet", "published", "author")


def _read_parquet(shard: Shard, settings: Settings) -> Iterator[Item]:
    """Rows with ``text`` or ``html`` and optional metadata columns, one article each."""
    from ..ingest import InputError
    from ..ingest.readers import record_article

    pq = require("pyarrow.parquet")
    path = shard.paths[0]
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # corrupt or not Parquet: the shard reports it, others go on
        yield InputError(path, f"not a readable Parquet file ({exc})")
        return
    names = set(pf.schema_arrow.names)
    columns = [c for c in PARQUET_COLUMNS if c in names]
    if "text" not in names and "html" not in names:
        yield InputError(path, "Parquet file has neither a 'text' nor an 'html' column")
        return
    start = shard.start or 0
    stop = shard.stop if shard.stop is not None else pf.metadata.num_rows
    row = 0
    for batch in pf.iter_batches(batch_size=256, columns=columns):
        n = batch.num_rows
        if row + n <= start:
            row += n
            continue
        for rec in batch.to_pylist():
            row += 1
            if row <= start:
                continue
            if row > stop:
                return
            if rec.get("published") is not None and not isinstance(rec["published"], str):
                rec["published"] = str(rec["published"])
            yield record_article(rec, f"{path}:{row}", settings)
        if row >= stop:
            return

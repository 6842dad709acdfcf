"""Reading the PTC corpus and the SemEval-2020 Task 11 file formats.

Formats (tab separated, offsets are Python character offsets into the article file):
  technique (TC/FLC): ``article_id  technique  start  end``
  span (SI):          ``article_id  start  end``
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

Labelled = tuple[str, str, int, int]  # article id, technique, start, end
Unlabelled = tuple[str, int, int]  # article id, start, end

_ARTICLE_RE = re.compile(r"article(\d+)\.txt$")


def split_dir(data: Path, split: str) -> Path:
    """``data/<split>`` when the corpus is laid out per split, else ``data``."""
    return data / split if (data / split).is_dir() else data


def load_articles(data: Path, split: str) -> dict[str, str]:
    """Article id -> text, read exactly as the official scorers do (UTF-8, universal newlines)."""
    folder = split_dir(data, split) / f"{split}-articles"
    if not folder.is_dir():
        raise FileNotFoundError(f"no {split}-articles folder under {data}")
    out: dict[str, str] = {}
    for path in sorted(folder.glob("article*.txt")):
        m = _ARTICLE_RE.search(path.name)
        if m:
            out[m.group(1)] = path.read_text(encoding="utf-8")
    return out


def load_gold(data: Path, split: str) -> list[Labelled]:
    """Gold technique spans of a split (the combined ``<split>-task-flc-tc.labels`` file)."""
    path = split_dir(data, split) / f"{split}-task-flc-tc.labels"
    if not path.is_file():
        raise FileNotFoundError(f"no gold labels {path}")
    return read_labelled(path)


def read_labelled(path: Path) -> list[Labelled]:
    """Read a technique file (``id technique start end``); '?' techniques are kept as is."""
    rows: list[Labelled] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        aid, tech, start, end = line.rstrip("\n").split("\t")[:4]
        rows.append((aid.strip(), tech.strip(), int(start), int(end)))
    return rows


def read_spans(path: Path) -> list[Unlabelled]:
    """Read an SI file (``id start end``)."""
    rows: list[Unlabelled] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        aid, start, end = line.split("\t")[:3]
        rows.append((aid.strip(), int(start), int(end)))
    return rows


def write_labelled(path: Path, rows: Iterable[Labelled]) -> None:
    path.write_text("".join(f"{a}\t{t}\t{s}\t{e}\n" for a, t, s, e in rows), encoding="utf-8")


def write_spans(path: Path, rows: Iterable[Unlabelled]) -> None:
    path.write_text("".join(f"{a}\t{s}\t{e}\n" for a, s, e in rows), encoding="utf-8")


def by_article(rows: Iterable[Labelled]) -> dict[str, list[tuple[str, int, int]]]:
    out: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for aid, tech, s, e in rows:
        out[aid].append((tech, s, e))
    return out

"""Re-score the coder against hand verdicts on real news (``tests/data/real_news_judgements.tsv``).

The real-news precision in ``docs/event-precision.md`` comes from samples judged by hand. Each
judged event is kept with its sentence offsets and its verdict, so a later version of the coder
can be run over the same sentences and compared: an event it still emits exactly as judged
keeps its verdict; one whose status, doer or target changed, or one the judge never saw, needs
a new look; one it no longer emits is gone. Precision is reported over the events whose
verdict still holds, with the unjudged ones counted beside it, never guessed.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document import Document, Event
from ..ingest.readers import read_reference

COLUMNS = ("sample", "commit", "file", "start", "end", "type", "mode", "status", "source",
           "target", "trigger", "verdict")


@dataclass(frozen=True)
class Judgement:
    """One event as the coder emitted it when judged, or a judged sentence with none."""

    sample: str
    file: str
    start: int
    end: int
    type: str  # "-" for a judged sentence that had no event
    mode: str
    status: str
    source: str
    target: str
    trigger: str
    verdict: str  # "ok" or "wrong:<cause>"

    @property
    def correct(self) -> bool:
        return self.verdict == "ok"


@dataclass
class Rescore:
    """How the current coder's events compare with the verdicts."""

    kept: dict[str, int] = field(default_factory=lambda: {"ok": 0, "wrong": 0})
    changed: dict[str, int] = field(default_factory=lambda: {"ok": 0, "wrong": 0})
    gone: dict[str, int] = field(default_factory=lambda: {"ok": 0, "wrong": 0})
    # earlier versions of events that changed and were judged again (a later row holds)
    superseded: dict[str, int] = field(default_factory=lambda: {"ok": 0, "wrong": 0})
    new: list[dict[str, Any]] = field(default_factory=list)
    still_wrong: list[dict[str, Any]] = field(default_factory=list)
    lost: list[dict[str, Any]] = field(default_factory=list)  # judged correct, now gone
    changed_events: list[dict[str, Any]] = field(default_factory=list)
    sentences: int = 0
    missing_files: list[str] = field(default_factory=list)

    @property
    def precision_kept(self) -> float:
        """Precision over the events whose verdict still holds."""
        n = self.kept["ok"] + self.kept["wrong"]
        return self.kept["ok"] / n if n else 0.0

    @property
    def unjudged(self) -> int:
        return len(self.new) + len(self.changed_events)

    def to_dict(self) -> dict[str, Any]:
        return {"sentences": self.sentences, "kept": self.kept, "changed": self.changed,
                "gone": self.gone, "superseded": self.superseded, "new": len(self.new),
                "unjudged": self.unjudged,
                "precision_kept": round(self.precision_kept, 4),
                "missing_files": self.missing_files}


def load_judgements(path: Path) -> list[Judgement]:
    """Read the verdict file (tab-separated, ``#`` comment lines, a header row)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or set(COLUMNS) - set(rows[0]):
        raise ValueError(f"{path}: expected the columns {', '.join(COLUMNS)}")
    out = []
    for i, r in enumerate(rows, 2):
        verdict = r["verdict"] or ""
        if r["type"] != "-" and not (verdict == "ok" or verdict.startswith("wrong")):
            raise ValueError(f"{path}: row {i}: verdict must be 'ok' or 'wrong:<cause>'")
        out.append(Judgement(r["sample"], r["file"], int(r["start"]), int(r["end"]), r["type"],
                             r["mode"] or "", r["status"] or "", r["source"] or "",
                             r["target"] or "", r["trigger"] or "", verdict))
    return out


def is_judgement_file(path: Path) -> bool:
    """A ``.tsv`` whose header names a verdict column (not a sentence set)."""
    try:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip() and not line.startswith("#"):
                    return "verdict" in line.rstrip("\n").split("\t")
    except (OSError, UnicodeDecodeError):
        return False
    return False


def _as_row(e: Event) -> dict[str, Any]:
    return {"type": e.type, "mode": e.mode or "", "status": e.status,
            "source": e.source.code if e.source and e.source.code else "",
            "source_text": e.source.text if e.source else "",
            "target": e.target.code if e.target and e.target.code else "",
            "target_text": e.target.text if e.target else "",
            "trigger": e.trigger.text if e.trigger else ""}


def _same(j: Judgement, row: dict[str, Any]) -> bool:
    return (j.type, j.mode, j.status, j.source, j.target, j.trigger) == (
        row["type"], row["mode"], row["status"], row["source"], row["target"], row["trigger"])


def rescore(judgements: Iterable[Judgement], roots: Path | Sequence[Path],
            analyse: Callable[[str, str | None], Document],
            progress: Callable[[Iterable[str]], Iterable[str]] | None = None) -> Rescore:
    """Run ``analyse`` over each judged article and compare its events with the verdicts.

    Article names are looked up under each of ``roots`` in turn (the shared data folder, and
    any corpus a later sample drew from elsewhere)."""
    folders = [roots] if isinstance(roots, Path) else list(roots)
    by_file: dict[str, dict[tuple[int, int], list[Judgement]]] = defaultdict(
        lambda: defaultdict(list))
    for j in judgements:
        by_file[j.file][(j.start, j.end)].append(j)
    res = Rescore()
    files: Iterable[str] = sorted(by_file)
    if progress is not None:
        files = progress(files)
    for name in files:
        # a file ("politico_2015-12-23_slug.txt", dated by its name) or a keyed record
        # ("article-extraction/ground-truth.json#KEY", dated by its address)
        article = next((a for a in (read_reference(root, name) for root in folders)
                        if a is not None), None)
        if article is None:
            res.missing_files.append(name)
            continue
        doc = analyse(*article)
        for (start, end), judged in by_file[name].items():
            res.sentences += 1
            # (a sentence the coder now splits, "HANOI (AP) — | Esper accused ...", keeps
            # its verdicts: events are matched by the judged span that holds their sentence)
            rows = [_as_row(e) for e in doc.events if start <= e.sentence.start < end]
            open_rows = list(rows)
            unmatched = []
            matched: set[tuple[str, str]] = set()
            for j in (j for j in judged if j.type != "-"):  # exact matches first: a
                key = "ok" if j.correct else "wrong"         # re-judged version wins
                hit = next((r for r in open_rows if _same(j, r)), None)
                if hit is None:
                    unmatched.append(j)
                    continue
                matched.add((j.type, j.trigger))
                open_rows.remove(hit)
                res.kept[key] += 1
                if not j.correct:
                    res.still_wrong.append({"file": name, "start": start, **hit,
                                            "verdict": j.verdict})
            for j in unmatched:
                key = "ok" if j.correct else "wrong"
                if (j.type, j.trigger) in matched:
                    res.superseded[key] += 1  # an earlier version, judged again
                    continue
                near = next((r for r in open_rows
                             if (r["type"], r["trigger"]) == (j.type, j.trigger)), None)
                if near is not None:
                    open_rows.remove(near)
                    res.changed[key] += 1
                    res.changed_events.append({"file": name, "start": start, **near,
                                               "was": j.verdict})
                else:
                    res.gone[key] += 1
                    if j.correct:
                        res.lost.append({"file": name, "start": start, "type": j.type,
                                         "status": j.status, "source": j.source,
                                         "target": j.target, "trigger": j.trigger})
            res.new.extend({"file": name, "start": start, "end": end, **r} for r in open_rows)
    return res

"""Draw a hand-judging sample for docs/event-precision.md (sentences naming >= 2 states).

Runs nlp -> actors -> events -> claims (the claims stage marks events inside attributed
content "reported", as the full pipeline does) over randomly chosen article files, keeps
every sentence in which actors of at least two countries are mentioned, shuffles them and
prints the first
``--s`` sentences ("S" rows) and then the next ``--x`` sentences that produced an event
("X" rows), each with the events found. The judge reads the output; nothing is scored here.

    .venv/bin/python scripts/event_precision_sample.py --seed 64 \
        --dir ../shared/data/ptc/train/train-articles:45 \
        --dir ../shared/data/polnear/data/train/text:45 --exclude used.json --save files.json

``--records FILE:N`` draws N records of a JSON object keyed by id (the article-extraction
benchmark's ``ground-truth.json``), rows of an ``id<TAB>text`` TSV (a sentence corpus) or
lines of a one-document-per-line ``.cor`` file (gensim's Lee corpus, keyed by line number)
instead; they print as ``FILE#KEY``, the
name the verdict file and ``allegiance eval events --articles`` use. Pages that are not in
English are skipped, as the corpus reader skips them.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from allegiance.config import Settings
from allegiance.document import Document, Event
from allegiance.ingest.lang import not_english_reason
from allegiance.ingest.readers import keyed_records, read_reference
from allegiance.pipeline import build_pipeline


def _tag(e: Event) -> str:
    src = f"{e.source.code}[{e.source.text}]" if e.source else "None[]"
    tgt = f"{e.target.code}[{e.target.text}]" if e.target else "None[]"
    mode = f"/{e.mode}" if e.mode else ""
    trig = e.trigger.text if e.trigger else ""
    return f"{e.type}{mode} {e.status} {e.confidence:.2f} {src} -> {tgt} trig={trig}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--dir", action="append", default=[],
                    help="FOLDER:N, N random .txt articles from FOLDER (repeatable)")
    ap.add_argument("--records", action="append", default=[],
                    help="FILE:N, N random records of a keyed JSON object, an id<TAB>text TSV "
                         "or a one-document-per-line .cor file")
    ap.add_argument("--exclude", type=Path, help="JSON list of file names already judged")
    ap.add_argument("--save", type=Path, help="write the chosen file names here (JSON)")
    ap.add_argument("--s", type=int, default=40)
    ap.add_argument("--x", type=int, default=25)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    skip = set(json.loads(args.exclude.read_text())) if args.exclude else set()
    files: list[tuple[Path, str]] = []  # (folder, name under it)
    for spec in args.dir:
        folder, n = spec.rsplit(":", 1)
        pool = [p.name for p in sorted(Path(folder).glob("*.txt")) if p.name not in skip]
        files += [(Path(folder), name) for name in rng.sample(pool, min(int(n), len(pool)))]
    for spec in args.records:
        path, n = spec.rsplit(":", 1)
        keys = keyed_records(Path(path))
        pool = [f"{Path(path).name}#{k}" for k in keys if f"{Path(path).name}#{k}" not in skip]
        files += [(Path(path).parent, ref) for ref in rng.sample(pool, min(int(n), len(pool)))]
    if args.save:
        args.save.write_text(json.dumps([name for _, name in files]))
    pipe = build_pipeline(Settings(stages=("nlp", "actors", "events", "claims")))
    rows = []
    for folder, name in files:
        article = read_reference(folder, name)
        if article is None or not article[0].strip() or not_english_reason(article[0]):
            continue
        doc = pipe(Document(text=article[0], published=article[1]))
        for s in doc.sentences:
            found = {a.country for a in doc.actors for m in a.mentions
                      if s.start <= m.start < s.end and a.country}
            if len(found) >= 2:
                evs = [e for e in doc.events if e.sentence.start == s.start]
                rows.append((name, s, evs, sorted(found)))
    rng.shuffle(rows)
    main_rows = rows[:args.s]
    extra = [r for r in rows[args.s:] if r[2]][:args.x]
    for lab, part in (("S", main_rows), ("X", extra)):
        for i, (name, s, evs, states) in enumerate(part):
            print(f"== {lab}{i} {name} {s.start}-{s.end} {states}\n   {s.text[:600]!r}")
            for e in evs:
                print("   EV", _tag(e))


if __name__ == "__main__":
    main()

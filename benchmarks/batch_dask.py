"""``allegiance batch`` on Dask: 1 against 2 workers on this machine, and equality with analyze.

Run from the repository root (on a quiet machine: the speed-up needs two free cores):

    .venv/bin/python benchmarks/batch_dask.py --corpus ptc-dev --shards 16 \
        --workers 1 --workers 2 --json out/bench/batch_dask.json

The corpus is read once (as ``analyze`` reads it) and written as ``--shards`` JSON Lines
files into a temporary folder outside the repository. Each worker count runs on a fresh
LocalCluster (one process per worker, one thread each) into a fresh output folder; the
clock covers the shard phase only (models already loaded on every worker), and start-up
plus model loading is reported beside it. Then ``allegiance analyze`` runs over the same
shard files and its stored documents are compared with ``allegiance load`` of the batch
output, and the corpus step (republication, network) with analyze's.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CORPORA = {
    "sample": [str(ROOT / "examples" / "sample")],
    "ptc-dev": [str(DATA / "ptc" / "dev" / "dev-articles")],
}


def write_shards(paths: list[str], folder: Path, shards: int, repeat: int) -> tuple[list[str], int]:
    """The corpus as ``shards`` JSON Lines files (round robin); returns them and the count."""
    from allegiance.config import Settings
    from allegiance.document import Document
    from allegiance.ingest import read_inputs

    docs = [d for d in read_inputs(paths, settings=Settings()) if isinstance(d, Document)]
    records = []
    for r in range(repeat):
        for d in docs:
            # Repeats get a distinct first line so they are distinct articles (ids).
            text = d.text if r == 0 else f"Copy {r}.\n\n{d.text}"
            records.append({"text": text, "url": d.url, "title": d.title, "outlet": d.outlet,
                            "published": d.published})
    folder.mkdir(parents=True, exist_ok=True)
    files = [folder / f"shard-{i:03d}.jsonl" for i in range(shards)]
    handles = [f.open("w", encoding="utf-8") for f in files]
    for i, rec in enumerate(records):
        handles[i % shards].write(json.dumps(rec, ensure_ascii=False) + "\n")
    for h in handles:
        h.close()
    return [str(f) for f in files], len(records)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default="ptc-dev", help="sample, ptc-dev or a path")
    ap.add_argument("--shards", type=int, default=16)
    ap.add_argument("--repeat", type=int, default=1, help="copies of the corpus (distinct ids)")
    ap.add_argument("--workers", type=int, action="append", default=[])
    ap.add_argument("--stages", default=None, help="comma-separated article stages")
    ap.add_argument("--no-compare", action="store_true", help="skip the analyze comparison")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()

    from allegiance.analyze import corpus_analysis, run_analyze
    from allegiance.batch import build_corpus, iter_documents, load_output, run_batch
    from allegiance.config import Settings
    from allegiance.storage import SQLiteStore

    settings = Settings()
    if args.stages:
        settings.stages = tuple(args.stages.split(","))
    paths = CORPORA.get(args.corpus, [args.corpus])
    result: dict[str, Any] = {"corpus": args.corpus, "cpus": os.cpu_count(),
                              "stages": list(settings.stages), "runs": []}
    with tempfile.TemporaryDirectory(prefix="allegiance-batch-bench-") as tmp_s:
        tmp = Path(tmp_s)
        shard_files, n = write_shards(paths, tmp / "inputs", args.shards, args.repeat)
        result.update(articles=n, shards=args.shards)
        print(f"{n} articles in {args.shards} shards", file=sys.stderr)
        for w in args.workers or [1, 2]:
            out = tmp / f"out-{w}"
            stats = run_batch(shard_files, out, settings, workers=w, progress=True)
            run = {"workers": w, "shard_seconds": round(stats.seconds, 2),
                   "startup_seconds": round(stats.load_seconds, 2), "articles": stats.articles,
                   "words": stats.words, "errors": stats.errors,
                   "articles_per_s": round(stats.analysed / stats.seconds, 2),
                   "words_per_s": round(stats.analysed_words / stats.seconds, 1),
                   "peak_rss_mb_worker": stats.peak_rss_mb}
            t0 = time.perf_counter()
            run["corpus_step"] = build_corpus(out)
            run["corpus_seconds"] = round(time.perf_counter() - t0, 2)
            result["runs"].append(run)
            print(json.dumps(run), file=sys.stderr)
        by_w = {r["workers"]: r for r in result["runs"]}
        if 1 in by_w and 2 in by_w:
            result["speedup_2_over_1"] = round(by_w[1]["shard_seconds"]
                                               / by_w[2]["shard_seconds"], 3)
        if not args.no_compare:
            out = tmp / f"out-{result['runs'][-1]['workers']}"
            t0 = time.perf_counter()
            run_analyze(shard_files, out_dir=tmp / "analyze", db=str(tmp / "analyze.db"),
                        urls_file=None, settings=settings, write_report=False, jobs=2)
            result["analyze_seconds"] = round(time.perf_counter() - t0, 2)
            load_output(out, str(tmp / "batch.db"))
            with SQLiteStore(tmp / "analyze.db") as a, SQLiteStore(tmp / "batch.db") as b:
                want = {d.id: d.to_dict() for d in a.iter_documents()}
                got = {d.id: d.to_dict() for d in b.iter_documents()}
                # analyze's documents in its input order (= the shards' plan order)
                docs = [a.get_document(d.id) for d in iter_documents(out)]
            differ = sorted(i for i in set(want) | set(got) if want.get(i) != got.get(i))
            result["equal_documents"] = not differ
            result["documents_compared"] = len(want)
            result["documents_differing"] = {
                i: sorted(k for k in (want.get(i) or got.get(i) or {})
                          if (want.get(i) or {}).get(k) != (got.get(i) or {}).get(k))
                for i in differ[:20]}
            try:
                families = corpus_analysis([d for d in docs if d is not None])["republications"]
                ours = json.loads((out / "corpus" / "republications.json").read_text())
                key = [json.dumps(f, sort_keys=True) for f in families]
                result["equal_republications"] = sorted(key) == sorted(
                    json.dumps(f, sort_keys=True) for f in ours)
            except Exception as exc:  # a corpus stage still being written
                result["equal_republications"] = repr(exc)
    print(f"\n{'workers':>7} {'shards s':>9} {'start s':>8} {'articles/s':>11} {'words/s':>9} "
          f"{'peak MB':>8}")
    for r in result["runs"]:
        print(f"{r['workers']:>7} {r['shard_seconds']:>9} {r['startup_seconds']:>8} "
              f"{r['articles_per_s']:>11} {r['words_per_s']:>9} {r['peak_rss_mb_worker']:>8}")
    print(f"speed-up 2 workers / 1 worker: {result.get('speedup_2_over_1')} (target >= 1.8)")
    if "equal_documents" in result:
        print(f"batch output == analyze output: documents {result['equal_documents']} "
              f"({result['documents_compared']} compared), republications "
              f"{result['equal_republications']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

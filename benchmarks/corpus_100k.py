"""A 100,000-article batch run that is killed part-way and resumed.

Run from the repository root. The corpus is synthesised from real articles (PTC train,
dev and test under ../shared/data/ptc) into a work folder OUTSIDE the repository:

    # the whole pipeline at full size (about 70 minutes on 2 cores), killed at 30%:
    .venv/bin/python benchmarks/corpus_100k.py --n 100000 --kill-after 0.3 --fresh \
        --corpus --load --work /tmp/allegiance-100k --json /tmp/allegiance-100k/report.json
    # the plumbing alone (ingest, shard commits, kill, resume, corpus step, load), minutes:
    .venv/bin/python benchmarks/corpus_100k.py --n 100000 --stages none --kill-after 0.4 \
        --work /tmp/allegiance-100k-plumbing --json /tmp/allegiance-100k-plumbing/report.json

Each synthetic article takes the title and first paragraph of one real article and 2 to 9
paragraphs drawn from others, with a serial date and outlet, so every text (and id) is
distinct while the language stays real. The script then starts ``allegiance batch`` in
its own process group, SIGKILLs the whole group (client, scheduler, every worker) once
``--kill-after`` of the shards are committed, reruns the same command to completion, and
checks: every shard committed once, the shards finished before the kill untouched (same
marker), no staging leftovers, every article present exactly once.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PTC = ROOT.parent / "shared" / "data" / "ptc"
OUTLETS = ["Harbor Wire", "Meridian Ledger", "Eastgate Daily", "Crescent Bay Post",
           "Northwind Bulletin", "Atlas Courier"]


def real_articles() -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of every PTC article (train, dev, test)."""
    arts = []
    for split in ("train", "dev", "test"):
        folder = PTC / split / f"{split}-articles"
        for path in sorted(folder.glob("article*.txt")):
            lines = path.read_text(encoding="utf-8").split("\n")
            paras = [p.strip() for p in lines[1:] if len(p.split()) >= 8]
            if lines and paras:
                arts.append((lines[0].strip(), paras))
    return arts


def synthesise(work: Path, n: int, shard_size: int, seed: int) -> list[str]:
    """Write ``n`` articles as JSON Lines shards of ``shard_size``; reuse them if present."""
    inputs = work / "inputs"
    stamp = inputs / ".synth.json"  # hidden: not an input
    spec = {"n": n, "shard_size": shard_size, "seed": seed, "recipe": 2}
    files = [inputs / f"shard-{i:05d}.jsonl" for i in range((n + shard_size - 1) // shard_size)]
    if stamp.exists() and json.loads(stamp.read_text()) == spec:
        return [str(f) for f in files]
    arts = real_articles()
    if not arts:
        sys.exit(f"no PTC articles under {PTC}")
    rng = random.Random(seed)
    inputs.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    i = 0
    for f in files:
        with f.open("w", encoding="utf-8") as out:
            for _ in range(min(shard_size, n - i)):
                while True:
                    title, paras = arts[rng.randrange(len(arts))]
                    body = [paras[0]]
                    for _ in range(rng.randint(2, 9)):
                        _, other = arts[rng.randrange(len(arts))]
                        body.append(other[rng.randrange(len(other))])
                    text = "\n\n".join(body)
                    if text not in seen:
                        seen.add(text)
                        break
                day = 1 + i % 365
                date = time.strftime("%Y-%m-%d", time.gmtime(1704067200 + 86400 * (day - 1)))
                out.write(json.dumps({
                    "title": title, "text": text, "outlet": OUTLETS[i % len(OUTLETS)],
                    "published": date, "url": f"https://synthetic.example/{i}"},
                    ensure_ascii=False) + "\n")
                i += 1
    stamp.write_text(json.dumps(spec))
    return [str(f) for f in files]


def _markers(out: Path) -> dict[str, str]:
    done = out / "_done"
    return {p.stem: p.read_text() for p in done.glob("*.json")} if done.is_dir() else {}


def _batch_cmd(args: argparse.Namespace, inputs: list[str], out: Path,
               json_file: Path) -> list[str]:
    cmd = [sys.executable, "-m", "allegiance", "batch", str(Path(inputs[0]).parent),
           "--out", str(out), "--no-corpus", "--json", str(json_file)]
    if args.stages:
        cmd += ["--stages", args.stages]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    return cmd


def _descendants(pid: int) -> list[int]:
    try:
        import psutil

        return [p.pid for p in psutil.Process(pid).children(recursive=True)]
    except Exception:  # psutil comes with dask[distributed]; the group kill covers the rest
        return []


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="articles to synthesise")
    ap.add_argument("--shard-size", type=int, default=1000, help="articles per input shard")
    ap.add_argument("--stages", default=None,
                    help="article stages for the batch (e.g. nlp; 'none' = ingest and "
                         "storage only) [default: the whole pipeline]")
    ap.add_argument("--workers", type=int, default=None, help="LocalCluster workers")
    ap.add_argument("--kill-after", type=float, default=0.4,
                    help="SIGKILL the run once this share of shards is committed (0: no kill)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/allegiance-corpus"),
                    help="work folder (inputs and output); keep it outside the repository")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--fresh", action="store_true", help="delete a previous output first")
    ap.add_argument("--corpus", action="store_true",
                    help="then run the corpus step (republication, network) over the output")
    ap.add_argument("--load", action="store_true", help="then load the output into SQLite")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    if ROOT in args.work.resolve().parents or args.work.resolve() == ROOT:
        sys.exit("--work must be outside the repository (the corpus is built from data sets)")

    report: dict[str, Any] = {"n": args.n, "shard_size": args.shard_size,
                              "stages": args.stages or "all", "cpus": os.cpu_count()}
    t0 = time.perf_counter()
    inputs = synthesise(args.work, args.n, args.shard_size, args.seed)
    report["synthesis_seconds"] = round(time.perf_counter() - t0, 1)
    report["shards"] = len(inputs)
    out = args.work / "out"
    if args.fresh and out.exists():
        import shutil

        shutil.rmtree(out)
    print(f"{args.n} articles in {len(inputs)} shards under {args.work}", file=sys.stderr)

    # 1. run, and kill the whole process group once enough shards are committed.
    first_json = args.work / "run1.json"
    killed_at: dict[str, str] = {}
    t0 = time.perf_counter()
    if args.kill_after > 0:
        target = max(1, int(len(inputs) * args.kill_after))
        proc = subprocess.Popen(_batch_cmd(args, inputs, out, first_json),
                                start_new_session=True, stderr=subprocess.DEVNULL)
        while proc.poll() is None and len(_markers(out)) < target:
            time.sleep(0.2)
        if proc.poll() is None:
            pids = _descendants(proc.pid)
            os.killpg(proc.pid, signal.SIGKILL)
            for pid in pids:  # anything that left the group
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            proc.wait()
            time.sleep(1.0)
            killed_at = _markers(out)
            report["killed"] = {
                "after_seconds": round(time.perf_counter() - t0, 1),
                "shards_committed": len(killed_at),
                "staging_leftovers": len(list((out / "_tmp").glob("*")))
                if (out / "_tmp").is_dir() else 0,
                "uncommitted_partitions": sum(
                    1 for p in (out / "articles").glob("shard=*")
                    if p.name.removeprefix("shard=") not in killed_at)
                if (out / "articles").is_dir() else 0,
            }
        else:
            report["killed"] = "the run finished before the kill point"
        print(f"first run: {report['killed']}", file=sys.stderr)

    # 2. rerun to completion.
    second_json = args.work / "run2.json"
    t1 = time.perf_counter()
    proc2 = subprocess.run(_batch_cmd(args, inputs, out, second_json), stderr=subprocess.DEVNULL)
    rerun = json.loads(second_json.read_text()) if second_json.exists() else {}
    report["rerun"] = {"exit": proc2.returncode, "seconds": round(time.perf_counter() - t1, 1),
                       "shards_done": rerun.get("done"), "shards_skipped": rerun.get("skipped"),
                       "articles": rerun.get("articles"), "words": rerun.get("words"),
                       "shard_phase_seconds": round(rerun.get("seconds", 0.0), 1),
                       "startup_seconds": round(rerun.get("load_seconds", 0.0), 1),
                       "peak_rss_mb_worker": rerun.get("peak_rss_mb")}
    report["total_seconds"] = round(time.perf_counter() - t0, 1)

    # 3. checks.
    final = _markers(out)
    from allegiance.batch import finished_shards
    from allegiance.batch.tables import read_table

    ids: list[str] = []
    failures = 0
    for sid in finished_shards(out):
        ids.extend(read_table(out, "articles", sid, ["id"]).column("id").to_pylist())
        failures += read_table(out, "failures", sid).num_rows
    report["checks"] = {
        "all_shards_committed": len(final) == len(inputs),
        "finished_before_kill_untouched": all(final.get(k) == v for k, v in killed_at.items()),
        "redone_after_kill": len(inputs) - len(killed_at),
        "no_staging_leftovers": not any((out / "_tmp").glob("*")) if (out / "_tmp").is_dir()
        else True,
        "articles": len(ids), "distinct_ids": len(set(ids)), "input_failures": failures,
        "every_article_once": len(ids) == len(set(ids)) == args.n - failures,
    }
    if args.corpus:
        from allegiance.batch import build_corpus

        t2 = time.perf_counter()
        report["corpus_step"] = build_corpus(out)
        report["corpus_step"]["seconds"] = round(time.perf_counter() - t2, 1)
    if args.load:
        from allegiance.batch import load_output

        db = args.work / "load.db"
        db.unlink(missing_ok=True)
        t3 = time.perf_counter()
        stats = load_output(out, str(db))
        report["load"] = {"loaded": stats.loaded, "seconds": round(time.perf_counter() - t3, 1)}
    print(json.dumps(report, indent=1))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    ok = report["checks"]["all_shards_committed"] and report["checks"]["every_article_once"] \
        and report["checks"]["finished_before_kill_untouched"]
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

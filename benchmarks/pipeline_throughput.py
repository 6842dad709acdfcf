"""Whole-pipeline throughput on one machine, per stage and in total, against spaCy alone.

Run from the repository root (the numbers depend on the machine: run it on a quiet one):

    .venv/bin/python benchmarks/pipeline_throughput.py --corpus sample --corpus ptc-dev \
        --jobs 2 --json out/bench/throughput.json

For each corpus it measures, on the same texts:

1. ``ingest``: reading the inputs into clean articles (parent process, as ``analyze`` does);
2. every article stage alone, in one process (seconds, articles/s, words/s, share);
3. ``pipeline xN``: the whole article pipeline in N worker processes through the code path
   of ``allegiance analyze -j N`` (``analyze._init_worker``/``_work``), workers started and
   warmed before the clock starts;
4. ``spaCy xN``: the same spaCy pipeline alone, ``nlp.pipe`` over batches in N warm worker
   processes of the same harness (the limit the whole pipeline is measured against); 3 and
   4 alternate for ``--rounds`` rounds and the best round of each counts, so a busy machine
   hurts both alike. Also the literal ``nlp.pipe(texts, n_process=N)`` with its start-up;
5. ``corpus stages``: republication, network and the report over the analysed articles;
6. ``analyze -j N``: the real command end to end (ingest, start-up, store, outputs);
7. peak resident memory of the largest worker process and of the single-process run.

The acceptance check is ``pipeline xN / spaCy xN >= 0.6`` (both warm, same harness).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
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


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


# -- worker side of the spaCy-alone baseline ----------------------------------------------------
_NLP: Any = None


def _init_spacy(model: str) -> None:
    global _NLP
    from allegiance.nlp import load_spacy

    _NLP = load_spacy(model)
    _NLP("Warm-up: the United States said on Monday that talks would resume.")


def _spacy_batch(texts: list[str]) -> int:
    return sum(len(d) for d in _NLP.pipe(texts))


def _init_pipeline(settings: Any) -> None:
    from allegiance import analyze
    from allegiance.document import Document

    analyze._init_worker(settings)
    analyze._work(Document("Warm-up: the United States said on Monday that talks would resume."))


def _noop(_: int) -> int:
    time.sleep(0.05)
    return os.getpid()


def _warm_pool(ctx: Any, jobs: int, init: Any, arg: Any) -> Any:
    pool = ctx.Pool(jobs, initializer=init, initargs=(arg,))
    pool.map(_noop, range(jobs * 4), chunksize=1)  # returns once every worker has initialised
    return pool


def _rate(n: int, words: int, seconds: float) -> dict[str, float]:
    return {"seconds": round(seconds, 3), "articles_per_s": round(n / seconds, 2) if seconds else 0,
            "words_per_s": round(words / seconds, 1) if seconds else 0}


def bench_corpus(name: str, paths: list[str], args: argparse.Namespace) -> dict[str, Any]:
    from allegiance import analyze
    from allegiance.config import Settings
    from allegiance.document import Document
    from allegiance.ingest import read_inputs

    settings = Settings()
    if args.stages:
        settings.stages = tuple(args.stages.split(","))
    result: dict[str, Any] = {"corpus": name, "paths": paths, "jobs": args.jobs,
                              "repeat": args.repeat, "stages": list(settings.stages),
                              "cpus": os.cpu_count()}
    t0 = time.perf_counter()
    items = list(read_inputs(paths, settings=settings))
    ingest_s = time.perf_counter() - t0
    docs = [d for d in items if isinstance(d, Document)]
    texts = [d.text for d in docs] * args.repeat
    words = sum(len(t.split()) for t in texts)
    n = len(texts)
    result.update(articles=n, words=words, input_errors=len(items) - len(docs))
    result["ingest"] = _rate(len(docs), words // args.repeat, ingest_s)
    print(f"[{name}] {n} articles, {words} words", file=sys.stderr)
    ctx = mp.get_context("spawn")

    # The whole article pipeline (the analyze -j N code path, without the store) and spaCy
    # alone (nlp.pipe over batches), each in N warm workers, timed in alternating rounds so
    # both see the same background load; the best round of each is the estimate.
    pipe_pool = _warm_pool(ctx, args.jobs, _init_pipeline, settings)
    spacy_pool = _warm_pool(ctx, args.jobs, _init_spacy, settings.spacy_model)
    batches = [texts[i:i + args.batch_size] for i in range(0, n, args.batch_size)]
    pipe_times, spacy_times = [], []
    failed = tokens = 0
    for r in range(args.rounds):
        t0 = time.perf_counter()
        out = list(pipe_pool.imap(analyze._work, (Document(t) for t in texts),
                                  chunksize=args.chunksize))
        pipe_times.append(time.perf_counter() - t0)
        failed = sum(isinstance(o, tuple) for o in out)
        t0 = time.perf_counter()
        tokens = sum(spacy_pool.imap(_spacy_batch, batches, chunksize=1))
        spacy_times.append(time.perf_counter() - t0)
        print(f"[{name}] round {r + 1}: pipeline x{args.jobs} {pipe_times[-1]:.1f} s, "
              f"spaCy x{args.jobs} {spacy_times[-1]:.1f} s", file=sys.stderr)
    for pool in (pipe_pool, spacy_pool):
        pool.close()
        pool.join()
    pipe_s, spacy_s = min(pipe_times), min(spacy_times)
    result["pipeline_parallel"] = {**_rate(n, words, pipe_s), "failed": failed,
                                   "rounds": [round(x, 2) for x in pipe_times]}
    result["spacy_parallel"] = {**_rate(n, words, spacy_s), "tokens": tokens,
                                "rounds": [round(x, 2) for x in spacy_times]}
    result["ratio_pipeline_to_spacy"] = round(spacy_s / pipe_s, 3) if pipe_s else None
    result["ratio_per_round"] = [round(b / a, 3) for a, b in zip(pipe_times, spacy_times,
                                                                  strict=True)]
    result["peak_rss_mb_worker"] = round(_rss_mb(resource.RUSAGE_CHILDREN), 1)

    if not args.no_literal:
        # The literal nlp.pipe(n_process=N) call, its process start-up included.
        from allegiance.nlp import load_spacy

        nlp = load_spacy(settings.spacy_model)
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, n_process=args.jobs, batch_size=args.batch_size):
            pass
        result["spacy_n_process_with_startup"] = _rate(n, words, time.perf_counter() - t0)

    # Every stage alone, one process (the parent), on the original texts.
    from allegiance.runner import Analyzer

    analyzer = Analyzer(settings)
    analyzer.analyze(Document("Warm-up: the United States said on Monday that talks resumed."))
    per_stage: dict[str, float] = {c.name: 0.0 for c in analyzer.pipeline.components}
    analysed = []
    for text in texts[:len(docs)]:
        doc = Document(text)
        for comp in analyzer.pipeline.components:
            t0 = time.perf_counter()
            doc = comp(doc)
            per_stage[comp.name] += time.perf_counter() - t0
        doc.spacy_doc = None
        analysed.append(doc)
    single_words = sum(len(t.split()) for t in texts[:len(docs)])
    total = sum(per_stage.values())
    result["stages_single_process"] = {
        k: {**_rate(len(docs), single_words, v), "share": round(v / total, 3) if total else 0}
        for k, v in per_stage.items()}
    result["pipeline_single_process"] = _rate(len(docs), single_words, total)
    result["peak_rss_mb_single_process"] = round(_rss_mb(resource.RUSAGE_SELF), 1)

    # Corpus stages over the analysed articles (parent process, as analyze runs them).
    t0 = time.perf_counter()
    try:
        analysis = analyze.corpus_analysis(analysed)
        result["corpus_stages"] = {"seconds": round(time.perf_counter() - t0, 3),
                                   "republications": len(analysis["republications"])}
    except Exception as exc:  # a corpus stage still being written must not stop the bench
        result["corpus_stages"] = {"error": repr(exc)}

    if not args.no_analyze:
        # The real command end to end: ingest, start-up, store, corpus stages and report.
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            try:
                code = analyze.run_analyze(paths, out_dir=Path(tmp), db=None, urls_file=None,
                                           settings=settings, jobs=args.jobs)
            except Exception as exc:  # a stage still being written must not stop the bench
                result["analyze_end_to_end"] = {"error": repr(exc)}
            else:
                result["analyze_end_to_end"] = {**_rate(len(docs), single_words,
                                                        time.perf_counter() - t0), "exit": code}
    return result


def _print(r: dict[str, Any]) -> None:
    print(f"\n## {r['corpus']}: {r['articles']} articles, {r['words']} words, "
          f"{r['jobs']} processes, {r['cpus']} CPUs")
    print(f"{'what':34} {'seconds':>9} {'articles/s':>11} {'words/s':>10} {'share':>6}")

    def row(label: str, d: dict[str, Any]) -> None:
        if "seconds" in d:
            print(f"{label:34} {d['seconds']:>9.2f} {d.get('articles_per_s', ''):>11} "
                  f"{d.get('words_per_s', ''):>10} {d.get('share', ''):>6}")
        else:
            print(f"{label:34} {json.dumps(d)}")

    row("ingest (1 process)", r["ingest"])
    for k, v in r["stages_single_process"].items():
        row(f"stage {k} (1 process)", v)
    row("article pipeline (1 process)", r["pipeline_single_process"])
    row(f"article pipeline x{r['jobs']} (warm)", r["pipeline_parallel"])
    row(f"spaCy nlp.pipe x{r['jobs']} (warm)", r["spacy_parallel"])
    if "spacy_n_process_with_startup" in r:
        row(f"spaCy nlp.pipe(n_process={r['jobs']}) +start", r["spacy_n_process_with_startup"])
    row("corpus stages (1 process)", r.get("corpus_stages", {}))
    if "analyze_end_to_end" in r:
        row(f"analyze -j {r['jobs']} end to end", r["analyze_end_to_end"])
    print(f"pipeline / spaCy alone (x{r['jobs']}, warm, best of rounds): "
          f"{r['ratio_pipeline_to_spacy']} (per round {r['ratio_per_round']}; target >= 0.6)")
    st = r["stages_single_process"]
    if "nlp" in st and r["pipeline_single_process"]["seconds"]:
        print(f"1 process, same loop: spaCy stage / whole pipeline = "
              f"{st['nlp']['seconds'] / r['pipeline_single_process']['seconds']:.3f}")
    print(f"peak RSS: largest worker {r['peak_rss_mb_worker']} MB, single process "
          f"{r['peak_rss_mb_single_process']} MB (target < 1536 MB per process)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", default=[],
                    help="sample, ptc-dev or a path (file or folder); repeatable "
                         "[default: sample and ptc-dev]")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1,
                    help="analyse the texts this many times (steadier numbers on tiny corpora)")
    ap.add_argument("--stages", default=None, help="comma-separated article stages")
    ap.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size")
    ap.add_argument("--rounds", type=int, default=3,
                    help="alternating timed rounds of pipeline and spaCy (best of each)")
    ap.add_argument("--chunksize", type=int, default=4, help="imap chunksize (as analyze -j)")
    ap.add_argument("--no-literal", action="store_true",
                    help="skip the literal nlp.pipe(n_process=N) run")
    ap.add_argument("--no-analyze", action="store_true",
                    help="skip the end-to-end analyze -j N run")
    ap.add_argument("--json", type=Path, default=None, help="also write the numbers as JSON")
    args = ap.parse_args()
    results = []
    for corpus in args.corpus or ["sample", "ptc-dev"]:
        paths = CORPORA.get(corpus, [corpus])
        if not all(Path(p).exists() for p in paths):
            print(f"skipping {corpus}: {paths} not found", file=sys.stderr)
            continue
        r = bench_corpus(corpus, paths, args)
        _print(r)
        results.append(r)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

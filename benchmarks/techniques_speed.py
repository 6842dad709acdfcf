"""Sentences per second through the techniques stage (int8 ONNX on CPU).

    python benchmarks/techniques_speed.py --data ../shared/data/ptc --threads 2

Runs the real pipeline component over PTC dev articles (one sentence a line) and reports
sentences/second and the model size. A measurement, not a test: the target is >= 300
sentences/s on 2 cores and a model file under 60 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from allegiance.config import Settings
from allegiance.document import Document
from allegiance.techniques.features import line_segments
from allegiance.techniques.model import TechniqueModel, default_model_dir
from allegiance.techniques.ptc import load_articles
from allegiance.techniques.stage import _MODELS, TechniqueStage


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data/ptc"))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--articles", type=int, default=75)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()

    model_dir = default_model_dir()
    _MODELS[model_dir] = TechniqueModel(model_dir, threads=args.threads)
    stage = TechniqueStage(Settings())
    texts = list(load_articles(args.data, args.split).values())[: args.articles]
    docs = [Document(text=t) for t in texts]
    for d in docs:  # sentences as the nlp stage would give them (PTC: one per line)
        d.sentences = [d.span(s, e) for s, e in line_segments(d.text)]
    n_sent = sum(len(d.sentences) for d in docs) * args.repeat
    stage(Document(text=texts[0]))  # warm-up
    t0 = time.perf_counter()
    c0 = time.process_time()
    n_spans = 0
    for _ in range(args.repeat):
        for d in docs:
            d.techniques = []
            n_spans += len(stage(d).techniques)
    dt = time.perf_counter() - t0
    cpu = time.process_time() - c0  # on a shared machine wall time hides how much CPU we got
    size = (model_dir / "model.onnx").stat().st_size
    res = {
        "articles": len(docs) * args.repeat, "sentences": n_sent, "seconds": round(dt, 2),
        "sentences_per_second": round(n_sent / dt, 1), "threads": args.threads,
        "cpu_seconds": round(cpu, 2), "sentences_per_cpu_second": round(n_sent / cpu, 1),
        "load_average_1m": round(os.getloadavg()[0], 2), "spans": n_spans,
        "model_mb": round(size / 1e6, 1), "cpus": os.cpu_count(),
    }
    print(f"{n_sent} sentences in {dt:.2f}s = {n_sent / dt:.1f} sentences/s "
          f"({args.threads} threads, {len(docs)} articles x {args.repeat}); "
          f"model.onnx {size / 1e6:.1f} MB; {cpu:.2f} CPU-s = {n_sent / cpu:.1f} sentences "
          f"per CPU-second; load average {os.getloadavg()[0]:.1f}")
    if args.json:
        args.json.write_text(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()

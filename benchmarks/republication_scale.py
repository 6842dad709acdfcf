"""Scale benchmark of the republication index: link 100,000 articles incrementally.

Synthesises articles from the real PTC and PolNeAR texts (see
``allegiance.republication.synth``), adds them one by one to a ``RepublicationIndex`` and
prints, at 10k, 30k and 100k articles, the wall-clock and CPU seconds spent linking
(generation excluded), the peak RSS and the families found. The index is single-threaded,
so it uses one of the two cores. Run from the repository root:

    .venv/bin/python benchmarks/republication_scale.py --data ../shared/data
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from allegiance.republication.evalset import load_articles
from allegiance.republication.index import RepublicationIndex
from allegiance.republication.synth import synth_stream


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--checkpoints", default="10000,30000,100000")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--save", action="store_true", help="also time save() and load() at the end")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    if not (args.data / "ptc").is_dir():
        print(f"error: --data {args.data} has no ptc/ folder", file=sys.stderr)
        return 2
    checkpoints = sorted(int(x) for x in args.checkpoints.split(","))
    real = load_articles(args.data)
    base_rss = peak_rss_mb()
    index = RepublicationIndex()
    rows = []
    linking = 0.0
    cpu = 0.0
    gen = 0.0
    t_gen = time.perf_counter()
    print(f"{'articles':>9} {'seconds':>8} {'cpu_s':>7} {'gen_s':>7} {'peak_rss_mb':>12} "
          f"{'families':>9}")
    for k, d in enumerate(synth_stream(real, checkpoints[-1], seed=args.seed), 1):
        t0 = time.perf_counter()
        c0 = time.process_time()
        gen += t0 - t_gen
        index.add(d.id, d.text, d.published, d.first_seen, d.outlet)
        cpu += time.process_time() - c0
        t_gen = time.perf_counter()
        linking += t_gen - t0
        if k in checkpoints:
            fams = len(index.family_groups())
            row = {"articles": k, "seconds": round(linking, 1), "cpu_seconds": round(cpu, 1),
                   "generation_seconds": round(gen, 1), "peak_rss_mb": round(peak_rss_mb(), 1),
                   "families": fams}
            rows.append(row)
            print(f"{k:>9} {row['seconds']:>8} {row['cpu_seconds']:>7} "
                  f"{row['generation_seconds']:>7} {row['peak_rss_mb']:>12} {fams:>9}",
                  flush=True)
    result: dict[str, object] = {"baseline_rss_mb": round(base_rss, 1), "rows": rows}
    if args.save:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "republication.npz"
            t0 = time.perf_counter()
            index.save(path)
            t1 = time.perf_counter()
            del index
            loaded = RepublicationIndex.load(path)
            t2 = time.perf_counter()
            result.update(save_seconds=round(t1 - t0, 1), load_seconds=round(t2 - t1, 1),
                          file_mb=round(path.stat().st_size / 2**20, 1), loaded=len(loaded))
            print(f"save {t1 - t0:.1f}s, load {t2 - t1:.1f}s, file "
                  f"{path.stat().st_size / 2**20:.1f} MB, peak RSS {peak_rss_mb():.1f} MB")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

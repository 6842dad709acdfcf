"""Synthesises a large corpus from the real articles for the scale benchmark.

Each synthetic article is a real article whose content words are replaced through a
random per-article word map (stopwords are kept), so it has a real article's length,
paragraphs and function-word phrases ("one of the most") but its own shingles, as two
different real articles do. A share of the stream are reposts of earlier synthetic
articles made by :func:`.evalset.make_copy`. Articles are generated lazily, so the
benchmark's memory is the index's, not the corpus's.
"""

from __future__ import annotations

import random
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from .evalset import Article, make_copy
from .tfidf import STOPWORDS

_WORDS = re.compile(r"[A-Za-z]+")


@dataclass
class SynthDoc:
    id: str
    text: str
    published: str
    first_seen: str
    outlet: str
    family: str


def synth_stream(real: list[Article], n: int, seed: int = 0, copy_share: float = 0.2,
                 ) -> Iterator[SynthDoc]:
    """Yield ``n`` synthetic articles, ``copy_share`` of them reposts of recent ones."""
    rng = random.Random(seed)
    vocab = sorted({w.lower() for a in real for w in _WORDS.findall(a.body)} - STOPWORDS)
    titles = [a.title for a in real]
    recent: deque[tuple[str, Article, str]] = deque(maxlen=2000)
    for k in range(n):
        day = 1 + k * 1000 // max(n, 1)  # dates advance through the stream
        published = f"{2018 + day // 336}-{1 + (day % 336) // 28:02d}-{1 + day % 28:02d}"
        first_seen = f"{k:09d}"
        if recent and rng.random() < copy_share:
            family, src, src_date = rng.choice(recent)
            text, _ = make_copy(src, rng, vocab, titles)
            yield SynthDoc(f"s{k}", text, max(published, src_date), first_seen,
                           f"repost{rng.randint(0, 200)}", family)
            continue
        base = rng.choice(real)
        mapping: dict[str, str] = {}

        def sub(m: re.Match[str], mapping: dict[str, str] = mapping) -> str:
            w = m.group(0)
            lw = w.lower()
            if lw in STOPWORDS:
                return w
            if lw not in mapping:
                mapping[lw] = rng.choice(vocab)
            return mapping[lw]

        art = Article(key=f"s{k}", title=_WORDS.sub(sub, base.title),
                      body=_WORDS.sub(sub, base.body))
        recent.append((art.key, art, published))
        yield SynthDoc(art.key, art.text, published, first_seen,
                       f"outlet{rng.randint(0, 500)}", art.key)

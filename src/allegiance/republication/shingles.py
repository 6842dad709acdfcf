"""Word shingles of the clean article text, hashed fast with numpy.

Republication survives re-headlining, re-paragraphing and new punctuation, so the text is
reduced to lowercase word tokens (Unicode ``\\w+``, curly quotes and case folded) before
shingling: a copy that only moves line breaks has exactly the same shingles as its origin.
Each token is hashed once with CRC-32 (stable across processes, unlike ``hash()``), and a
k-word shingle is hashed by a multiply-add over its k token hashes in wrapping uint64
arithmetic, vectorised over the whole text; the top 32 bits are the shingle hash, the
input width datasketch's ``affine32`` MinHash scheme expects.
"""

from __future__ import annotations

import re
import unicodedata
import zlib

import numpy as np

SHINGLE_SIZE = 5

_WORD = re.compile(r"\w+")
# Odd 64-bit multipliers (from splitmix64/murmur constants): one per shingle position so
# that "a b c d e" and "e d c b a" hash differently.
_MULTIPLIERS = np.array(
    [0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xFF51AFD7ED558CCD,
     0xC4CEB9FE1A85EC53, 0xD6E8FEB86659FD93, 0xA0761D6478BD642F, 0xE7037ED1A0B428DB],
    dtype=np.uint64,
)
# Function words: a shingle made only of these ("it is one of the") is shared by
# unrelated articles, so it is no evidence of copying and would fill LSH buckets with
# every article of the corpus; such shingles are left out of the fingerprint.
_FUNCTION_WORDS_TEXT = (
    "a about above after again against all also am an and any are as at be because been "
    "before being below between both but by can could did do does doing down during each "
    "even few for from further had has have having he her here hers herself him himself "
    "his how i if in into is it its itself just me might more most much must my myself no "
    "nor not now of off on once one only or other our ours ourselves out over own said "
    "same says she should so some such than that the their theirs them themselves then "
    "there these they this those through to too under until up us very was we were what "
    "when where which while who whom why will with would you your yours s t don didn "
    "doesn isn wasn aren weren won wouldn couldn shouldn ll re ve d m")
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
_TOKEN_CACHE: dict[str, int] = {}
_TOKEN_CACHE_MAX = 2_000_000
_FLAG = 1 << 32
_LOW32 = np.uint64(0xFFFFFFFF)


def tokens(text: str) -> list[str]:
    """Lowercase word tokens of ``text``, compatibility forms (ligatures, wide digits) folded."""
    text = unicodedata.normalize("NFKC", text).lower()
    return _WORD.findall(text)


def _token_entry(tok: str) -> int:
    # CRC-32 in the low 32 bits, the function-word flag in bit 32: one cached int per type.
    entry = zlib.crc32(tok.encode("utf-8")) | (_FLAG if tok in FUNCTION_WORDS else 0)
    _TOKEN_CACHE[tok] = entry
    return entry


def token_hashes(toks: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """CRC-32 of each token and whether it is a function word (cached per token type).

    New types are found with one set difference, then the lookup runs in C (``map``),
    which matters at 100,000 articles of 700 tokens each.
    """
    cache = _TOKEN_CACHE
    missing = set(toks).difference(cache)
    if len(cache) + len(missing) > _TOKEN_CACHE_MAX:
        cache.clear()
        missing = set(toks)
    for tok in missing:
        _token_entry(tok)
    packed = np.fromiter(map(cache.__getitem__, toks), dtype=np.uint64, count=len(toks))
    return packed & _LOW32, (packed >> np.uint64(32)).astype(bool)


def shingle_hashes(text: str, k: int = SHINGLE_SIZE) -> np.ndarray:
    """Sorted unique uint32 hashes of the k-word shingles of ``text``.

    Shingles made only of function words are dropped unless nothing else is left. A text
    shorter than ``k`` words is one shingle (so a headline-only item still has a
    fingerprint); an empty text has none.
    """
    if k < 1 or k > len(_MULTIPLIERS):
        raise ValueError(f"shingle size must be 1..{len(_MULTIPLIERS)}")
    toks = tokens(text)
    if not toks:
        return np.empty(0, dtype=np.uint32)
    th, func = token_hashes(toks)
    n = len(th) - k + 1
    if n <= 0:
        k, n = len(th), 1
    acc = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(k):
            acc += th[i:i + n] * _MULTIPLIERS[i]
        acc ^= acc >> np.uint64(29)
        acc *= _MULTIPLIERS[k % len(_MULTIPLIERS)]
    hashes = (acc >> np.uint64(32)).astype(np.uint32)
    # A shingle is all function words when the window sum of the flags equals k.
    csum = np.concatenate(([0], np.cumsum(func, dtype=np.int64)))
    content = (csum[k:k + n] - csum[:n]) < k
    if content.any():
        hashes = hashes[content]
    return np.unique(hashes)


def overlap(a: np.ndarray, b: np.ndarray) -> int:
    """Size of the intersection of two sorted unique hash arrays."""
    if len(a) == 0 or len(b) == 0:
        return 0
    return int(np.intersect1d(a, b, assume_unique=True).size)


def containment_jaccard(a: np.ndarray, b: np.ndarray) -> tuple[float, float, int]:
    """Exact (containment, Jaccard, shared) of two shingle sets.

    Containment is ``|A∩B| / min(|A|, |B|)``: how much of the shorter text is inside the
    longer one, so a 30% excerpt of an article scores near 1 against it whichever side is
    the copy, while the Jaccard of the pair is only about 0.3.
    """
    shared = overlap(a, b)
    small = min(len(a), len(b))
    union = len(a) + len(b) - shared
    return (shared / small if small else 0.0), (shared / union if union else 0.0), shared

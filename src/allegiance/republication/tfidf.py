"""A small sparse TF-IDF (pure Python + numpy) for story similarity and cluster terms.

Used to find "same story, distinct article" pairs for the evaluation and to label
narrative clusters with their distinctive terms, without adding scikit-learn to the
runtime dependencies.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

_TERM = re.compile(r"[a-z][a-z'\-]{2,}")
_STOPWORDS_TEXT = """
a about above after again against all also am an and any are aren't as at be because been
before being below between both but by can can't cannot could couldn't did didn't do does
doesn't doing don't down during each even few for from further had hadn't has hasn't have
haven't having he he'd he'll he's her here here's hers herself him himself his how how's i
i'd i'll i'm i've if in into is isn't it it's its itself just let's like many may me might
more most much must mustn't my myself new no nor not now of off on once one only or other
ought our ours ourselves out over own said same says say she she'd she'll she's should
shouldn't so some such than that that's the their theirs them themselves then there there's
these they they'd they'll they're they've this those though through to too two under until
up upon us very was wasn't we we'd we'll we're we've were weren't what what's when when's
where where's which while who who's whom why why's will with won't would wouldn't year years
yet you you'd you'll you're you've your yours yourself yourselves mr mrs ms told according
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


def terms(text: str) -> list[str]:
    """Lowercase content words of three letters or more, stopwords removed."""
    return [t for t in _TERM.findall(text.lower().replace("\u2019", "'"))
            if t not in STOPWORDS]


class TfIdf:
    """Sublinear TF-IDF vectors, L2-normalised, as ``{term: weight}`` dicts."""

    def __init__(self, texts: list[str], min_df: int = 1):
        self.term_lists = [terms(t) for t in texts]
        df: Counter[str] = Counter()
        for tl in self.term_lists:
            df.update(set(tl))
        self.n_docs = len(texts)
        self.df = df
        self.idf = {t: math.log((1 + self.n_docs) / (1 + c)) + 1.0 for t, c in df.items()
                    if c >= min_df}
        self.vectors = [self._vector(tl) for tl in self.term_lists]

    def _vector(self, tl: list[str]) -> dict[str, float]:
        tf = Counter(tl)
        vec = {t: (1.0 + math.log(c)) * self.idf[t] for t, c in tf.items() if t in self.idf}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        return {t: w / norm for t, w in vec.items()}

    def similar_pairs(self, min_cosine: float, max_df_share: float = 0.05,
                      ) -> dict[tuple[int, int], float]:
        """Pairs ``(i, j)`` (i < j) with cosine >= ``min_cosine``.

        Terms in more than ``max_df_share`` of the documents are skipped when
        accumulating (they carry little weight and would make the pair count quadratic),
        so the cosine is a slight underestimate.
        """
        max_df = max(2, int(max_df_share * self.n_docs))
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, vec in enumerate(self.vectors):
            for t, w in vec.items():
                if self.df[t] <= max_df:
                    postings[t].append((i, w))
        acc: dict[tuple[int, int], float] = defaultdict(float)
        for plist in postings.values():
            if len(plist) < 2:
                continue
            for x in range(len(plist)):
                i, wi = plist[x]
                for y in range(x + 1, len(plist)):
                    j, wj = plist[y]
                    acc[(i, j)] += wi * wj
        return {p: s for p, s in acc.items() if s >= min_cosine}

    def top_terms(self, members: list[int], k: int = 8) -> list[str]:
        """Terms most characteristic of ``members``: summed weight times document share."""
        score: dict[str, float] = defaultdict(float)
        seen: Counter[str] = Counter()
        for i in members:
            for t, w in self.vectors[i].items():
                score[t] += w
                seen[t] += 1
        n = len(members)
        if n > 1:  # a term in one article of a large cluster does not label it
            for t in list(score):
                score[t] *= seen[t] / n
        return [t for t, _ in sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]

"""Narrative clusters: articles about the same story, grouped by meaning.

Embeddings come from a static model (one vector per subword token, distilled offline from
all-MiniLM-L6-v2 with model2vec; see ``models/narratives/README.md``). At run time an
article vector is the mean of its tokens' vectors, computed with ``tokenizers`` and numpy
only: no torch, no download. When the model files are absent the clusters fall back to
TF-IDF vectors, and say so in ``method``.

Clustering is single-pass and chronological: articles are taken in publication order and
each joins the most similar existing cluster centroid if the cosine is at least
``threshold``, else starts a new cluster. Republication families are kept together (a copy
always joins its origin's cluster). Vectors are centred first (see :func:`_centre`): news
articles all look alike to a sentence model, and centring leaves what differs, the story.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..document import Document
from .tfidf import TfIdf

MODEL_ENV = "ALLEGIANCE_NARRATIVES_MODEL"
DEFAULT_THRESHOLD = 0.6
TFIDF_THRESHOLD = 0.25


def default_model_dir() -> Path:
    """``$ALLEGIANCE_NARRATIVES_MODEL`` or ``models/narratives`` of the source checkout."""
    env = os.environ.get(MODEL_ENV)
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "models" / "narratives"


class StaticEmbedder:
    """Mean of static token vectors, as model2vec's ``StaticModel.encode`` computes it."""

    def __init__(self, model_dir: Path):
        from tokenizers import Tokenizer

        self.model_dir = Path(model_dir)
        self.config = json.loads((self.model_dir / "config.json").read_text())
        self.vectors = np.load(self.model_dir / "embeddings.npy").astype(np.float32)
        self.tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.max_length = int(self.config.get("max_length") or 512)
        self.normalize = bool(self.config.get("normalize", True))
        mean_file = self.model_dir / "mean.npy"
        self.news_mean = np.load(mean_file).astype(np.float32) if mean_file.exists() else None
        unk = self.config.get("unk_token_id")
        self.unk_id: int | None = int(unk) if unk is not None else None

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised vector per text (first ``max_length`` tokens, like model2vec)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        # Only the first max_length tokens count; ~8 characters per token is a safe bound,
        # and cutting first keeps long articles from dominating the tokenizer's time.
        limit = 8 * self.max_length
        encs = self.tokenizer.encode_batch([t[:limit] for t in texts], add_special_tokens=False)
        for i, enc in enumerate(encs):
            ids = [t for t in enc.ids if t != self.unk_id][: self.max_length]
            ids = [t for t in ids if t < len(self.vectors)]
            if ids:
                out[i] = self.vectors[ids].mean(axis=0)
        if self.normalize:
            norms = np.linalg.norm(out, axis=1, keepdims=True)
            out /= np.where(norms == 0, 1.0, norms)
        return out


@lru_cache(maxsize=4)
def load_embedder(model_dir: str | None = None) -> StaticEmbedder | None:
    """The shipped static model, or ``None`` when its files are not there."""
    path = Path(model_dir) if model_dir else default_model_dir()
    if not (path / "embeddings.npy").exists():
        return None
    return StaticEmbedder(path)


@dataclass
class _Item:
    id: str
    text: str
    published: str | None
    actors: list[str]
    events: list[str]


def _item(doc: Document | dict[str, Any]) -> _Item:
    if isinstance(doc, Document):
        return _Item(doc.id, doc.text, doc.published,
                     [a.code or a.name for a in doc.actors
                      for _ in range(max(1, len(a.mentions)))],
                     [e.type for e in doc.events])
    actors = [a.get("code") or a.get("name") for a in doc.get("actors", [])
              for _ in range(max(1, len(a.get("mentions") or [])))]
    return _Item(str(doc["id"]), doc.get("text") or "", doc.get("published"),
                 [a for a in actors if a], [e["type"] for e in doc.get("events", [])])


def _centre(vecs: np.ndarray, prior: np.ndarray | None, prior_weight: float = 100.0,
            ) -> np.ndarray:
    """Subtract the mean article vector, then re-normalise.

    The mean is the corpus's own, shrunk towards ``prior`` (the shipped mean of news
    articles) with the weight of ``prior_weight`` articles: a corpus of five articles on
    one story must not subtract that story itself.
    """
    if len(vecs) == 0:
        return vecs
    mean = vecs.mean(axis=0)
    if prior is not None:
        w = len(vecs) / (len(vecs) + prior_weight)
        mean = w * mean + (1 - w) * prior
    elif len(vecs) < 3:
        return vecs
    v = vecs - mean[None, :]
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return np.asarray(v / np.where(norms == 0, 1.0, norms), dtype=np.float32)


def _tfidf_matrix(tfidf: TfIdf) -> np.ndarray:
    vocab = {t: i for i, t in enumerate(tfidf.idf)}
    mat = np.zeros((len(tfidf.vectors), len(vocab)), dtype=np.float32)
    for i, vec in enumerate(tfidf.vectors):
        for t, w in vec.items():
            mat[i, vocab[t]] = w
    return mat


def cluster_vectors(vecs: np.ndarray, order: list[int], threshold: float,
                    groups: list[list[int]] | None = None, max_active: int = 5000,
                    ) -> list[list[int]]:
    """Single-pass centroid clustering in ``order``; each of ``groups`` moves as one unit.

    Only the ``max_active`` most recently extended clusters are candidates for a new
    article, which bounds the work per article on a large corpus (a story that has been
    silent for thousands of articles starts a new cluster when it returns).
    """
    unit_of = list(range(len(vecs)))
    units: list[list[int]] = [[i] for i in range(len(vecs))]
    for g in groups or []:
        head = g[0]
        for m in g[1:]:
            units[unit_of[m]] = []
            unit_of[m] = head
        units[head] = sorted(set(g))
    seen: set[int] = set()
    dim = vecs.shape[1]
    sums = np.zeros((64, dim), dtype=np.float32)
    centroids = np.zeros((64, dim), dtype=np.float32)
    last = np.zeros(64, dtype=np.int64)
    members: list[list[int]] = []
    for step, i in enumerate(order):
        u = unit_of[i]
        if u in seen or not units[u]:
            continue
        seen.add(u)
        v = vecs[units[u]].sum(axis=0)
        unit_vec = v / (np.linalg.norm(v) or 1.0)
        n = len(members)
        best, best_sim = -1, -1.0
        if n:
            if n > max_active:
                cand = np.argpartition(last[:n], n - max_active)[n - max_active:]
                sims = centroids[cand] @ unit_vec
                k = int(np.argmax(sims))
                best, best_sim = int(cand[k]), float(sims[k])
            else:
                sims = centroids[:n] @ unit_vec
                best = int(np.argmax(sims))
                best_sim = float(sims[best])
        if best < 0 or best_sim < threshold:
            if n == len(sums):  # grow by doubling: linear memory, amortised O(1)
                sums = np.vstack([sums, np.zeros_like(sums)])
                centroids = np.vstack([centroids, np.zeros_like(centroids)])
                last = np.concatenate([last, np.zeros_like(last)])
            best = n
            members.append([])
        sums[best] += v
        members[best].extend(units[u])
        centroids[best] = sums[best] / (np.linalg.norm(sums[best]) or 1.0)
        last[best] = step
    return members


def narrative_clusters(
    docs: Sequence[Document | dict[str, Any]],
    families: Sequence[dict[str, Any]] | None = None,
    *,
    threshold: float | None = None,
    model_dir: str | None = None,
    min_size: int = 2,
) -> list[dict[str, Any]]:
    """Stories of the corpus: ``{"id", "label", "articles", "top_actors", "top_event_types",
    "top_terms", "timeline", "method"}`` for each cluster of at least ``min_size``, largest first.

    ``docs`` are :class:`Document` objects or their ``to_dict()`` form; ``families`` (from
    :func:`find_republications`) keep copies with their origin.
    """
    items = [_item(d) for d in docs]
    if not items:
        return []
    tfidf = TfIdf([it.text for it in items])
    embedder = load_embedder(model_dir)
    if embedder is not None:
        vecs = _centre(embedder.encode([it.text for it in items]), embedder.news_mean)
        method = "static-minilm"
        thr = DEFAULT_THRESHOLD if threshold is None else threshold
    else:
        vecs = _tfidf_matrix(tfidf)
        method = "tfidf"
        thr = TFIDF_THRESHOLD if threshold is None else threshold
    pos = {it.id: i for i, it in enumerate(items)}
    groups = []
    for fam in families or []:
        g = [pos[x] for x in [fam["origin"], *fam["copies"]] if x in pos]
        if len(g) > 1:
            groups.append(g)
    order = sorted(range(len(items)), key=lambda i: (items[i].published or "\uffff", i))
    clusters = cluster_vectors(vecs, order, thr, groups)
    out: list[dict[str, Any]] = []
    for members in clusters:
        if len(members) < min_size:
            continue
        members = sorted(members, key=lambda i: (items[i].published or "\uffff", i))
        actors = Counter(a for i in members for a in items[i].actors)
        events = Counter(e for i in members for e in items[i].events)
        terms = tfidf.top_terms(members, k=8)
        dates = Counter(items[i].published for i in members if items[i].published)
        top_actors = [a for a, _ in actors.most_common(5)]
        top_events = [e for e, _ in events.most_common(3)]
        label_parts = top_actors[:2] + top_events[:1] + terms[:3]
        out.append({
            "label": " / ".join(label_parts) if label_parts else f"{len(members)} articles",
            "articles": [items[i].id for i in members],
            "top_actors": top_actors,
            "top_event_types": top_events,
            "top_terms": terms,
            "timeline": [{"date": d, "count": c} for d, c in sorted(dates.items())],
            "method": method,
        })
    out.sort(key=lambda c: (-len(c["articles"]), c["timeline"][0]["date"]
                            if c["timeline"] else "\uffff"))
    for k, c in enumerate(out):
        c["id"] = f"n{k + 1}"
    return [{"id": c["id"], **{k: v for k, v in c.items() if k != "id"}} for c in out]

"""Builds the republication test from real articles (PTC, PolNeAR) read at run time.

Nothing here is written to the repository: the articles are read from ``--data`` and the
copies are made in memory. A copy is one of the real articles put through what reposting
sites do: a new headline, truncation or a 30-70% excerpt, new paragraphing, page
furniture around it, light word edits and an added comment. The negatives that matter are
"same story, distinct article": pairs of real articles whose TF-IDF cosine is high (they
are about the same event) but whose texts share little (exact shingle containment below
``NATURAL_COPY``). Real articles that already are copies of each other in the source data
(updated versions, wire stories) are found first and only one of each such group is kept,
so the gold families are exactly the synthetic ones.
"""

from __future__ import annotations

import csv
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .shingles import shingle_hashes
from .tfidf import TfIdf

NATURAL_COPY = 0.2  # real pairs above this containment are treated as existing copies
SAME_STORY_COSINE = 0.35

FURNITURE = [
    "Share this article", "Share on Facebook", "Tweet", "Email", "Print",
    "Follow us on Twitter for the latest updates", "Subscribe to our daily newsletter",
    "Advertisement", "Comments", "Leave a comment below", "Click here to donate",
    "Support independent journalism", "All rights reserved.", "Tags: politics, world, news",
    "Sign up for breaking news alerts", "Related posts", "Most read", "Trending now",
]
COMMENTS = [
    "Editor's note: we bring you this report because the mainstream media will not.",
    "This is exactly what we have been warning our readers about for months.",
    "Let us know what you think in the comments and share this with your friends.",
    "The original report is reproduced below with minor edits for length.",
    "Our take: the establishment will try to bury this story, do not let them.",
    "Update: we have asked the officials named here for comment and will update this page.",
]
HEADLINE_PREFIXES = ["BREAKING:", "MUST READ:", "SHOCK:", "WATCH:", "Report:", "EXCLUSIVE:", ""]


@dataclass
class Article:
    """A real article as read from the data (title is its first line)."""

    key: str
    title: str
    body: str
    published: str | None = None
    outlet: str | None = None

    @property
    def text(self) -> str:
        return f"{self.title}\n\n{self.body}"


@dataclass
class TestDoc:
    """One document of the test corpus with its gold family."""

    id: str
    text: str
    published: str
    first_seen: str
    outlet: str
    family: str  # gold family id (the real article's key it derives from)
    transform: str = "original"


@dataclass
class TestSet:
    docs: list[TestDoc]
    same_story_pairs: list[tuple[str, str]]  # ids of real articles: same story, distinct
    dropped_natural: int  # real articles dropped as copies of another real article
    natural_groups: int
    stats: dict[str, int] = field(default_factory=dict)


def load_articles(data_root: Path) -> list[Article]:
    """PTC train/dev/test and PolNeAR article texts, exact duplicates removed."""
    arts: list[Article] = []
    for split in ("train", "dev", "test"):
        for f in sorted((data_root / "ptc" / split / f"{split}-articles").glob("*.txt")):
            arts.append(_split_title(f"ptc/{f.stem}", f.read_text(encoding="utf-8")))
    meta: dict[str, dict[str, str]] = {}
    meta_file = data_root / "polnear" / "data" / "metadata.tsv"
    if meta_file.exists():
        with meta_file.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                meta[row["filename"]] = row
    for f in sorted((data_root / "polnear" / "data").glob("*/text/*.txt")):
        art = _split_title(f"polnear/{f.stem}", f.read_text(encoding="utf-8"))
        row = meta.get(f.stem, {})
        art.published = row.get("publication_date") or None
        art.outlet = row.get("publisher") or None
        arts.append(art)
    seen: set[str] = set()
    unique = []
    for a in arts:
        norm = " ".join(a.text.split())
        if norm not in seen and len(a.body.split()) >= 40:
            seen.add(norm)
            unique.append(a)
    return unique


def _split_title(key: str, raw: str) -> Article:
    raw = raw.strip()
    title, _, body = raw.partition("\n")
    return Article(key=key, title=title.strip(), body=body.strip())


def natural_copy_groups(shingles: list[np.ndarray], threshold: float = NATURAL_COPY,
                        ) -> list[list[int]]:
    """Groups of real articles whose exact containment is >= ``threshold`` (inverted index)."""
    postings: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(shingles):
        for h in s.tolist():
            postings[h].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for plist in postings.values():
        if 1 < len(plist) <= 200:
            for x in range(len(plist)):
                for y in range(x + 1, len(plist)):
                    shared[(plist[x], plist[y])] += 1
    parent = list(range(len(shingles)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (i, j), n in shared.items():
        small = min(len(shingles[i]), len(shingles[j]))
        if small and n / small >= threshold:
            parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(shingles)):
        groups[find(i)].append(i)
    return [g for g in groups.values() if len(g) > 1]


def pair_containment(a: np.ndarray, b: np.ndarray) -> float:
    small = min(len(a), len(b))
    return np.intersect1d(a, b, assume_unique=True).size / small if small else 0.0


_SENT = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")


def sentences(body: str) -> list[str]:
    """Rough sentences (enough to cut excerpts and re-paragraph)."""
    out: list[str] = []
    for para in body.split("\n"):
        out.extend(s for s in _SENT.split(para.strip()) if s)
    return out


def _window(sents: list[str], share: float, rng: random.Random, start_at_top: bool,
            ) -> list[str]:
    words = [len(s.split()) for s in sents]
    total = sum(words)
    target = max(1, int(share * total))
    starts = [0] if start_at_top else list(range(len(sents)))
    rng.shuffle(starts)
    for st in starts:
        acc, end = 0, st
        while end < len(sents) and acc < target:
            acc += words[end]
            end += 1
        if acc >= 0.9 * target:
            return sents[st:end]
    return sents


def _light_edit(text: str, rng: random.Random, rate: float, vocab: list[str]) -> str:
    out = []
    for w in text.split(" "):
        r = rng.random()
        if r < rate / 3:
            continue  # delete a word
        if r < 2 * rate / 3:
            out.append(rng.choice(vocab))  # replace a word
            continue
        if r < rate:
            out.extend([w, rng.choice(vocab)])  # insert a word
            continue
        out.append(w)
    return " ".join(out)


def _regroup(sents: list[str], rng: random.Random) -> str:
    paras, cur = [], []
    for s in sents:
        cur.append(s)
        if rng.random() < 0.35:
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    return "\n\n".join(paras)


def make_copy(art: Article, rng: random.Random, vocab: list[str], other_titles: list[str],
              ) -> tuple[str, str]:
    """A reposted version of ``art``: returns (text, description of the transforms)."""
    sents = sentences(art.body) or [art.body]
    kind = rng.choice(["full", "truncated", "excerpt", "excerpt"])
    done = [kind]
    if kind == "truncated":
        sents = _window(sents, rng.uniform(0.4, 0.9), rng, start_at_top=True)
    elif kind == "excerpt":
        share = rng.uniform(0.3, 0.7)
        sents = _window(sents, share, rng, start_at_top=False)
        done[-1] = f"excerpt{int(share * 100)}"
    if rng.random() < 0.7:
        rate = rng.uniform(0.005, 0.03)
        sents = [_light_edit(s, rng, rate, vocab) for s in sents]
        done.append("edited")
    body = _regroup(sents, rng) if rng.random() < 0.7 else "\n".join(sents)
    if rng.random() < 0.4:
        comment = rng.choice(COMMENTS)
        body = f"{comment}\n\n{body}" if rng.random() < 0.5 else f"{body}\n\n{comment}"
        done.append("comment")
    if rng.random() < 0.7:
        words = art.title.split()
        rng.shuffle(words)
        title = f"{rng.choice(HEADLINE_PREFIXES)} {' '.join(words[: max(3, len(words) - 2)])}"
        done.append("reheadlined")
    else:
        title = art.title
    head, foot = [], []
    if rng.random() < 0.6:
        head = rng.sample(FURNITURE, 2)
        foot = rng.sample(FURNITURE, 3) + [f"Related: {rng.choice(other_titles)}"]
        done.append("furniture")
    text = "\n".join(head + [title.strip(), ""] + [body, ""] + foot)
    return text.strip(), "+".join(done)


def _date(rng: random.Random, base: str | None) -> str:
    if base:
        return base
    return f"20{rng.randint(16, 19)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _shift(date: str, days: int) -> str:
    y, m, d = (int(x) for x in date.split("-"))
    import datetime as _dt
    return (_dt.date(y, m, d) + _dt.timedelta(days=days)).isoformat()


def build_testset(data_root: Path, seed: int = 0, n_origins: int = 400,
                  max_copies: int = 3) -> TestSet:
    """The republication test: all clean real articles plus copies of ``n_origins`` of them."""
    rng = random.Random(seed)
    arts = load_articles(data_root)
    shingles = [shingle_hashes(a.body) for a in arts]
    groups = natural_copy_groups(shingles)
    drop: set[int] = set()
    for g in groups:
        drop.update(sorted(g)[1:])
    keep = [i for i in range(len(arts)) if i not in drop]
    arts = [arts[i] for i in keep]
    shingles = [shingles[i] for i in keep]

    tfidf = TfIdf([a.text for a in arts], min_df=2)
    same_story = [
        (i, j) for (i, j), cos in tfidf.similar_pairs(SAME_STORY_COSINE).items()
        if pair_containment(shingles[i], shingles[j]) < NATURAL_COPY
    ]
    vocab = sorted({w for a in arts[:200] for w in a.body.split() if w.isalpha()})
    titles = [a.title for a in arts]

    docs: list[TestDoc] = []
    seen_counter = 0

    def stamp() -> str:
        nonlocal seen_counter
        seen_counter += 1
        return f"2020-01-01T00:00:00.{seen_counter:06d}"

    dates = {a.key: _date(rng, a.published) for a in arts}
    order = list(range(len(arts)))
    rng.shuffle(order)
    for i in order:
        a = arts[i]
        docs.append(TestDoc(id=a.key, text=a.text, published=dates[a.key], first_seen=stamp(),
                            outlet=a.outlet or f"outlet{rng.randint(0, 40)}", family=a.key))
    # Origins: members of same-story pairs first (their copies must not merge), then others.
    in_pairs = sorted({x for p in same_story for x in p})
    rng.shuffle(in_pairs)
    others = [i for i in range(len(arts)) if i not in set(in_pairs)]
    rng.shuffle(others)
    origins = (in_pairs + others)[:n_origins]
    stats: dict[str, int] = defaultdict(int)
    for i in origins:
        a = arts[i]
        base_date = dates[a.key]
        made: list[Article] = [a]
        for c in range(rng.randint(1, max_copies)):
            src = rng.choice(made) if rng.random() < 0.2 else a  # sometimes a copy of a copy
            text, how = make_copy(src, rng, vocab, titles)
            stats[how.split("+")[0].rstrip("0123456789")] += 1
            if src is not a:
                how += "+copy_of_copy"
                stats["copy_of_copy"] += 1
            cid = f"{a.key}#copy{c}"
            docs.append(TestDoc(id=cid, text=text, published=_shift(base_date, rng.randint(0, 7)),
                                first_seen=stamp(), outlet=f"repost{rng.randint(0, 25)}",
                                family=a.key, transform=how))
            title, _, body = text.partition("\n")
            made.append(Article(key=cid, title=title, body=body))
    rng.shuffle(docs)  # arrival order is not publication order
    pairs = [(arts[i].key, arts[j].key) for i, j in same_story]
    return TestSet(docs=docs, same_story_pairs=pairs, dropped_natural=len(drop),
                   natural_groups=len(groups), stats=dict(stats))

"""How much a "no dependency parse where nothing needs it" shortcut could save, measured.

Run from the repository root on a quiet machine:

    .venv/bin/python benchmarks/parse_skip.py --corpus ../shared/data/ptc/dev/dev-articles

The parse feeds the actors stage (sectors, roles), the events stage and the claims stage.
A sentence needs none of them when it names no actor (no dictionary match, no PERSON, ORG,
GPE or NORP entity), holds no reporting word (the claims lexicon's verbs and nouns, "according
to") and no quotation mark. This script counts those sentences and their tokens on the full
analysis, times spaCy with and without its parser on the same texts, and reports the upper
bound of the saving: the parser's share of the whole pipeline times the share of tokens that
could skip it. (Skipping per sentence needs sentence boundaries before the parse, i.e. an
extra sentence splitter, and a split and re-merge of each document; those costs are not
counted, so the bound is generous.)
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

QUOTES = set("\"“”‘’«»")
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def _texts(folder: Path, limit: int | None) -> list[str]:
    files = sorted(folder.glob("*.txt"))[:limit]
    return [f.read_text(encoding="utf-8") for f in files]


def _needs_parse(sent: Any, actor_tokens: set[int], cues: frozenset[str]) -> bool:
    if any(t.i in actor_tokens for t in sent):
        return True
    if any(t.ent_type_ in ACTOR_LABELS for t in sent):
        return True
    if any(ch in QUOTES for ch in sent.text):
        return True
    lemmas = [t.lemma_.lower() for t in sent]
    return any(lemma in cues for lemma in lemmas) or "according" in lemmas


def _time(nlp: Any, texts: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=16):
            pass
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True, help="folder of .txt articles")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()

    from allegiance.actors.stage import actor_token_index
    from allegiance.claims.lexicon import SPEECH_NOUNS, SPEECH_VERBS
    from allegiance.config import Settings
    from allegiance.document import Document
    from allegiance.nlp.spacy_stage import load_spacy
    from allegiance.pipeline import build_pipeline

    texts = _texts(args.corpus, args.limit)
    settings = Settings()
    pipe = build_pipeline(settings)
    cues = SPEECH_VERBS | SPEECH_NOUNS

    # 1. which sentences need the parse (on the full analysis)
    sents = tokens = skip_sents = skip_tokens = 0
    t0 = time.perf_counter()
    for text in texts:
        doc = pipe(Document(text))
        idx = set(actor_token_index(doc))
        for sent in doc.spacy_doc.sents:
            n = sum(1 for t in sent if not t.is_space)
            sents += 1
            tokens += n
            if not _needs_parse(sent, idx, cues):
                skip_sents += 1
                skip_tokens += n
    pipeline_seconds = time.perf_counter() - t0

    # 2. the parser's cost, on the same texts
    nlp = load_spacy(settings.spacy_model)
    full = _time(nlp, texts, args.rounds)
    with nlp.select_pipes(disable=["parser"]):
        no_parser = _time(nlp, texts, args.rounds)
    parser_seconds = max(full - no_parser, 0.0)

    out = {
        "articles": len(texts), "sentences": sents, "tokens": tokens,
        "sentences_without_need": skip_sents, "tokens_without_need": skip_tokens,
        "share_of_tokens_skippable": round(skip_tokens / tokens, 3) if tokens else 0.0,
        "spacy_seconds": round(full, 2), "spacy_without_parser_seconds": round(no_parser, 2),
        "parser_share_of_spacy": round(parser_seconds / full, 3) if full else 0.0,
        "pipeline_seconds_one_process": round(pipeline_seconds, 2),
        "parser_share_of_pipeline": round(parser_seconds / pipeline_seconds, 3)
        if pipeline_seconds else 0.0,
    }
    out["max_saving_share_of_pipeline"] = round(
        out["parser_share_of_pipeline"] * out["share_of_tokens_skippable"], 3)
    for k, v in out.items():
        print(f"{k:34s} {v}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

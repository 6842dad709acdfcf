"""Techniques stage: spans using the persuasion techniques of SemEval-2020 Task 11.

Runs the shipped int8 ONNX model (see models/techniques/MODEL_CARD.md) over the article's
sentences; fills ``doc.techniques`` and ``doc.scores["propaganda"]``. Without a model the
stage leaves the document untouched and says so in ``doc.warnings``.
"""

from __future__ import annotations

import threading
from pathlib import Path

from ..config import Settings
from ..document import Document, Technique
from ..pipeline import register
from .info import TECHNIQUE_INFO, TECHNIQUES
from .model import TechniqueModel, default_model_dir

__all__ = ["TECHNIQUES", "TECHNIQUE_INFO", "TechniqueModel", "TechniqueStage",
           "make_technique_stage"]

_MODELS: dict[Path, TechniqueModel] = {}
_LOCK = threading.Lock()


def load_model(model_dir: Path) -> TechniqueModel | None:
    """One shared model per folder (loading costs ~1 s; the session is thread-safe)."""
    with _LOCK:
        if model_dir not in _MODELS:
            if not TechniqueModel.available(model_dir):
                return None
            _MODELS[model_dir] = TechniqueModel(model_dir)
        return _MODELS[model_dir]


class TechniqueStage:
    """Adds technique spans (with scores) and an article-level propaganda score."""

    name = "techniques"

    def __init__(self, settings: Settings):
        self.settings = settings
        self.model_dir = (Path(settings.techniques_model) if settings.techniques_model
                          else default_model_dir())

    def __call__(self, doc: Document) -> Document:
        model = load_model(self.model_dir)
        if model is None:
            doc.warnings.append(f"techniques: no model in {self.model_dir}; stage skipped")
            return doc
        segs = [(s.start, s.end) for s in doc.sentences if s.end > s.start] or None
        pred = model.predict(doc.text, segs)
        doc.techniques = [
            Technique(t, s, e, doc.text[s:e], score)
            for t, s, e, score in sorted(pred.spans, key=lambda r: (r[1], r[2], -r[3]))
        ]
        doc.scores["propaganda"] = round(pred.propaganda, 4)
        return doc


@register("techniques")
def make_technique_stage(settings: Settings) -> TechniqueStage:
    return TechniqueStage(settings)

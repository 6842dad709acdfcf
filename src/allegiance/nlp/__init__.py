"""The spaCy stage: sentences, tokens and named entities."""

from .spacy_stage import SpacyStage, load_spacy

__all__ = ["SpacyStage", "load_spacy"]

"""Events stage: PLOVER events tied to their sentence, trigger and actor mentions."""

from __future__ import annotations

from ..config import Settings
from ..document import Document
from ..pipeline import register
from .extract import EventExtractor

__all__ = ["EventStage"]


class EventStage:
    """Fills ``doc.events``; needs the ``nlp`` and ``actors`` stages before it."""

    name = "events"

    def __init__(self, settings: Settings):
        from ..actors.places import load_gazetteer

        self.settings = settings
        self.extractor = EventExtractor()
        load_gazetteer()  # once per process, with the other models, not inside a timed run

    def __call__(self, doc: Document) -> Document:
        if doc.spacy_doc is None:
            return doc
        doc.events = self.extractor(doc)
        return doc


@register("events")
def make_event_stage(settings: Settings) -> EventStage:
    return EventStage(settings)

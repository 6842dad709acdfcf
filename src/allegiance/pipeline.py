"""The pipeline runner: an ordered list of small components over one :class:`Document`.

A component is any callable with a ``name`` that takes a document, adds its annotations
(always with character offsets into ``doc.text``) and returns it. Corpus-level stages
(republication, the alliance network) run after all articles, over the stored corpus.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, runtime_checkable

from .config import Settings
from .document import Document

log = logging.getLogger(__name__)


@runtime_checkable
class Component(Protocol):
    """One stage of the article pipeline."""

    name: str

    def __call__(self, doc: Document) -> Document: ...


class Pipeline:
    """Runs components in order; a failing component is recorded on the document, not fatal."""

    def __init__(self, components: list[Component]):
        self.components = components

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def __call__(self, doc: Document) -> Document:
        for component in self.components:
            try:
                doc = component(doc)
            except Exception as exc:  # one stage's bug must not lose the article
                log.exception("stage %s failed on %s", component.name, doc.source)
                doc.warnings.append(f"stage {component.name} failed: {exc!r}")
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


ComponentFactory = Callable[[Settings], Component]
_REGISTRY: dict[str, ComponentFactory] = {}


def register(name: str) -> Callable[[ComponentFactory], ComponentFactory]:
    """Register a component factory under ``name`` (as spaCy's ``Language.factory``)."""

    def deco(factory: ComponentFactory) -> ComponentFactory:
        _REGISTRY[name] = factory
        return factory

    return deco


DEFAULT_STAGES = ("nlp", "actors", "events", "claims", "techniques")


def build_pipeline(settings: Settings | None = None) -> Pipeline:
    """Build the article pipeline named by ``settings.stages``."""
    settings = settings or Settings()
    _import_stages()
    components: list[Component] = []
    for name in settings.stages:
        if name not in _REGISTRY:
            raise ValueError(f"unknown pipeline stage {name!r}; known: {sorted(_REGISTRY)}")
        components.append(_REGISTRY[name](settings))
    return Pipeline(components)


def _import_stages() -> None:
    # Importing the stage packages registers their factories.
    from . import actors, claims, events, nlp, techniques  # noqa: F401

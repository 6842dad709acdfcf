"""Errors of the ingest stage: a bad input is reported, never fatal to the other inputs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class InputError:
    """One input (file, line, record, URL) that could not become an article, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class FetchError(Exception):
    """A URL could not be fetched (network error, HTTP error, too large, bad content)."""


class UnsafeURLError(FetchError):
    """A URL is refused before any request: bad scheme or a non-public address."""

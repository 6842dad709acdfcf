"""Allegiance: who stands with whom in the news, who says so, and how they say it."""

__version__ = "0.1.0"

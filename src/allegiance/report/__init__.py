"""The self-contained HTML report (no CDN: scripts and styles are inlined)."""

from .html import highlight_segments, render_report

__all__ = ["render_report", "highlight_segments"]

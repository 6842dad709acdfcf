"""The events stage (filled by its own module; see stage.py)."""

from .stage import *  # noqa: F401,F403

"""The claims stage (filled by its own module; see stage.py)."""

from .stage import *  # noqa: F401,F403
from .stats import sourcing_summary  # noqa: F401

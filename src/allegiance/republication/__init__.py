"""The republication corpus stage: copies, their origins, and narrative clusters."""

from .stage import *  # noqa: F401,F403

"""The web service: REST API, background analysis and the web interface (``allegiance serve``)."""

from .app import ServiceConfig, asgi, create_app

__all__ = ["ServiceConfig", "asgi", "create_app"]

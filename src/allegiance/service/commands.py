"""``allegiance serve``: run the REST API and web interface with uvicorn."""

from __future__ import annotations

import ipaddress
import os
import sys

import click

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def is_loopback(host: str) -> bool:
    """True for loopback names and addresses only (0.0.0.0 is *every* address)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def loopback_hosts(host: str, port: int) -> list[str]:
    """Host headers accepted on loopback without a token (defeats DNS rebinding)."""
    names = {"localhost", "127.0.0.1", "[::1]", host if ":" not in host else f"[{host}]"}
    return sorted({n for n in names} | {f"{n}:{port}" for n in names})


@click.command("serve")
@click.option("--db", default="allegiance.db", show_default=True,
              help="SQLite file or postgresql:// URL of the store.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback needs --token.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", envvar="ALLEGIANCE_TOKEN", default=None,
              help="Token required on every request (env ALLEGIANCE_TOKEN).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 16),
              help="Analysis worker threads (each loads the pipeline once).")
@click.option("--max-body", default=5_000_000, show_default=True, type=click.IntRange(1),
              help="Largest request body accepted, in bytes.")
@click.option("--stages", default=None,
              help="Comma-separated pipeline stages for submitted articles (default: all; "
              "'none' stores submissions unanalysed, for load and fuzz tests).")
@click.option("--no-fetch", is_flag=True, help="Refuse URL submissions (never fetch).")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve_command(db: str, host: str, port: int, token: str | None, workers: int,
                  max_body: int, stages: str | None, no_fetch: bool, log_level: str) -> None:
    """Serve the REST API (OpenAPI at /openapi.json) and the web interface."""
    if not is_loopback(host) and not token:
        click.echo(f"error: listening on {host} needs a token: pass --token or set "
                   "ALLEGIANCE_TOKEN (every API call and page will require it)", err=True)
        sys.exit(2)
    if token is not None and len(token) < 16:
        click.echo("error: the token must be at least 16 characters", err=True)
        sys.exit(2)
    try:
        import uvicorn

        from ..config import Settings
        from .app import ServiceConfig, asgi, create_app
    except ImportError as exc:
        click.echo(f"error: the service needs fastapi and uvicorn ({exc})", err=True)
        sys.exit(1)
    settings = Settings()
    if stages == "none":
        settings.stages = ()
    elif stages:
        settings.stages = tuple(s.strip() for s in stages.split(",") if s.strip())
    config = ServiceConfig(
        db=db, token=token, max_body_bytes=max_body, workers=workers, allow_fetch=not no_fetch,
        allowed_hosts=None if token else loopback_hosts(host, port), settings=settings)
    try:
        app = create_app(config)
    except Exception as exc:
        click.echo(f"error: cannot open the store {db!r}: {exc}", err=True)
        sys.exit(1)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Allegiance on http://{shown}:{port}/  (store: {_redact(db)}"
               f"{', token required' if token else ''})", err=True)
    uvicorn.run(asgi(app), host=host, port=port, log_level=log_level,
                limit_concurrency=int(os.environ.get("ALLEGIANCE_MAX_CONNECTIONS", "200")),
                timeout_graceful_shutdown=5)


def _redact(db: str) -> str:
    # Never print a password from a postgresql:// URL.
    if "://" in db and "@" in db:
        scheme, rest = db.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}:***@{host}" if ":" in creds else db
    return db


if __name__ == "__main__":  # python -m allegiance.service.commands (used by the benchmarks)
    serve_command()

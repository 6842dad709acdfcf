"""Fetching articles over HTTP without becoming a proxy into the local network (SSRF).

Every URL, and every redirect hop, is checked before a request: only http/https, and the
host must resolve to public addresses only (all of them: one private answer is enough to
refuse). Bodies are streamed and cut off at ``settings.fetch_max_bytes``.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from ..config import Settings
from .errors import FetchError, UnsafeURLError

__all__ = ["FetchResult", "check_url_allowed", "fetch_url", "MAX_REDIRECTS"]

MAX_REDIRECTS = 5
USER_AGENT = "allegiance/0.1 (+news analysis; respects robots where configured)"
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass
class FetchResult:
    """The body of a fetched URL and what the server said about it."""

    url: str  # final URL after redirects
    status: int
    content: bytes
    content_type: str = ""
    encoding: str | None = None  # charset from the Content-Type header, if any
    redirects: list[str] = field(default_factory=list)

    @property
    def mime(self) -> str:
        return self.content_type.split(";", 1)[0].strip().lower()


def _embedded_v4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """IPv4 address hidden inside an IPv6 one (mapped, 6to4, Teredo, NAT64)."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_problem(ip: IPAddress) -> str | None:
    """Why an address must not be fetched from, or ``None`` when it is public."""
    inner = _embedded_v4(ip)
    if inner is not None:
        why = address_problem(inner)
        if why:
            return f"{why} (embedded in {ip})"
    for attr, label in (("is_loopback", "loopback"), ("is_unspecified", "unspecified"),
                        ("is_link_local", "link-local"), ("is_multicast", "multicast"),
                        ("is_private", "private"), ("is_reserved", "reserved")):
        if getattr(ip, attr):
            return f"{label} address {ip}"
    if not ip.is_global:
        return f"non-public address {ip}"
    return None


def check_url_allowed(url: str, allow_private: bool = False) -> None:
    """Raise :class:`UnsafeURLError` unless ``url`` is http(s) to public addresses only.

    The host is resolved with ``socket.getaddrinfo`` and every address it resolves to is
    checked, so a name with one private answer is refused. ``allow_private`` skips the
    address check (for local testing), never the scheme check.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError as exc:
        raise UnsafeURLError(f"refused {url!r}: not a valid URL ({exc})") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = scheme or "no scheme"
        raise UnsafeURLError(f"refused {url!r}: only http and https URLs are fetched ({shown})")
    try:
        host = parts.hostname
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as exc:
        raise UnsafeURLError(f"refused {url!r}: bad host or port ({exc})") from exc
    if not host:
        raise UnsafeURLError(f"refused {url!r}: no host name")
    if parts.username or parts.password:
        raise UnsafeURLError(f"refused {url!r}: credentials in URLs are not allowed")
    if allow_private:
        return
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        why = address_problem(literal)
        if why:
            raise UnsafeURLError(f"refused {url!r}: {why} is not public")
        return
    if host.lower().rstrip(".") == "localhost" or host.lower().endswith(".localhost"):
        raise UnsafeURLError(f"refused {url!r}: localhost is not public")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeURLError(f"refused {url!r}: host {host!r} does not resolve ({exc})") from exc
    if not infos:
        raise UnsafeURLError(f"refused {url!r}: host {host!r} has no addresses")
    for info in infos:
        addr = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 zone id
        try:
            ip = ipaddress.ip_address(addr)
        except ValueError as exc:
            raise UnsafeURLError(f"refused {url!r}: unparsable address {addr!r}") from exc
        why = address_problem(ip)
        if why:
            raise UnsafeURLError(f"refused {url!r}: {host} resolves to {why}")


class PinnedBackend(httpcore.NetworkBackend):
    """Connects only to addresses that pass the guard, checked at connect time.

    :func:`check_url_allowed` runs before each request, but the HTTP library resolves the
    name again when it connects; a DNS answer that changes in between (DNS rebinding) would
    slip through. This backend resolves once, checks every address and connects to a
    checked address itself.
    """

    def __init__(self, allow_private: bool = False,
                 inner: httpcore.NetworkBackend | None = None):
        self.allow_private = allow_private
        self.inner = inner or httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        if self.allow_private:
            return self.inner.connect_tcp(host, port, timeout, local_address, socket_options)
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise httpcore.ConnectError(f"{host} does not resolve ({exc})") from exc
        addrs: list[str] = []
        for info in infos:
            addr = str(info[4][0]).split("%", 1)[0]
            why = address_problem(ipaddress.ip_address(addr))
            if why:
                raise UnsafeURLError(f"refused connection to {host}: resolves to {why}")
            addrs.append(addr)
        last: Exception | None = None
        for addr in dict.fromkeys(addrs):
            try:
                return self.inner.connect_tcp(addr, port, timeout, local_address,
                                              socket_options)
            except httpcore.ConnectError as exc:
                last = exc
        raise last or httpcore.ConnectError(f"{host} has no addresses")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


def _client(settings: Settings) -> httpx.Client:
    transport = httpx.HTTPTransport(retries=0)
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(backend, httpcore.NetworkBackend):
        # httpx has no public hook for the network backend; without it the per-request
        # check_url_allowed still applies.
        pool._network_backend = PinnedBackend(settings.allow_private, backend)  # type: ignore[union-attr]
    return httpx.Client(
        transport=transport, timeout=httpx.Timeout(settings.fetch_timeout),
        follow_redirects=False, trust_env=False,
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,"
                 "application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5"},
    )


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def fetch_url(url: str, settings: Settings, *, client: httpx.Client | None = None) -> FetchResult:
    """GET ``url`` with the SSRF guard on every hop, a timeout and a streamed size cap.

    Raises :class:`UnsafeURLError` for refused URLs and :class:`FetchError` for anything
    else that goes wrong, each with a message that names the URL.
    """
    own = client is None
    http = client or _client(settings)
    limit = settings.fetch_max_bytes
    hops: list[str] = []
    current = url
    try:
        for _ in range(MAX_REDIRECTS + 1):
            check_url_allowed(current, settings.allow_private)
            try:
                with http.stream("GET", current) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise FetchError(f"{current}: redirect without a Location header")
                        hops.append(current)
                        current = urljoin(current, location)
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(f"{current}: HTTP {resp.status_code} "
                                         f"{resp.reason_phrase}".rstrip())
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > limit:
                        raise FetchError(f"{current}: body of {int(declared):,} bytes exceeds "
                                         f"the limit of {limit:,} bytes")
                    chunks: list[bytes] = []
                    size = 0
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > limit:
                            raise FetchError(f"{current}: body exceeds the limit of "
                                             f"{limit:,} bytes; download aborted")
                        chunks.append(chunk)
                    ctype = resp.headers.get("content-type", "")
                    return FetchResult(url=current, status=resp.status_code,
                                       content=b"".join(chunks), content_type=ctype,
                                       encoding=_charset(ctype), redirects=hops)
            except httpx.TimeoutException as exc:
                raise FetchError(f"{current}: timed out after {settings.fetch_timeout:g} s "
                                 f"({type(exc).__name__})") from exc
            except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
                raise FetchError(f"{current}: request failed ({exc})") from exc
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
    finally:
        if own:
            http.close()

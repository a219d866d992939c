"""The server's guard, in front of every route (a plain ASGI middleware).

- The ``Host`` header must name the server (localhost, 127.0.0.1, [::1] or the host it was
  started on), else 400: a page on another site that rebinds its DNS name to 127.0.0.1 reaches
  the socket, but not under a name we answer to.
- The token: given once in the URL it opens (``?token=…``), it is moved into a SameSite=Strict,
  HttpOnly cookie and the URL is cleaned (a redirect); scripts send ``X-Maltrace-Token``. Every
  write needs it, and an ``Origin`` that is the server itself; reads need it too when the server
  listens beyond loopback.
- Request bodies have a size limit; every answer says what may run on the page (CSP: scripts
  and styles from the server only, no inline script) and that it is not to be framed.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from maltrace.i18n import Lang, t

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "maltrace_token"
HEADER = "x-maltrace-token"
MAX_BODY = 64 * 1024
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# The document views (status, frameworks, changes) hold the report's drawings, whose shapes are
# styled with style attributes (matplotlib's charts, graphviz's SVG): those pages allow inline
# styles, never inline script.
DOCUMENT_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]
_WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def is_loopback(host: str) -> bool:
    import ipaddress

    name = host.strip("[]")
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


class Guard:
    def __init__(
        self,
        app: ASGIApp,
        *,
        token: str,
        host: str,
        lang: Callable[[Scope], Lang],
        max_body: int = MAX_BODY,
    ) -> None:
        self.app = app
        self.token = token
        self.names = set(LOOPBACK_NAMES) | {host.lower(), f"[{host.lower()}]"}
        self.open_reads = is_loopback(host)
        self.lang = lang
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        lang = self.lang(scope)
        host = headers.get("host", "")
        if _host_name(host) not in self.names:
            await _refuse(send, 400, "bad-host", lang)
            return
        method = scope["method"]
        query = scope.get("query_string", b"").decode("latin-1")
        given = dict(parse_qsl(query)).get("token")
        if given is not None and method == "GET" and self._valid(given):
            await _set_cookie(send, scope["path"], query, self.token)
            return
        authorised = self._valid(headers.get(HEADER)) or self._valid(_cookie(headers))
        if method in _WRITES:
            origin = headers.get("origin")
            if not authorised or origin is None or urlsplit(origin).netloc.lower() != host.lower():
                await _refuse(send, 403, "forbidden", lang)
                return
            length = headers.get("content-length")
            if length is not None and (not length.isdigit() or int(length) > self.max_body):
                await _refuse(send, 413, "too-large", lang, limit=self.max_body)
                return
        elif not authorised and not self.open_reads:
            await _refuse(send, 403, "forbidden", lang)
            return
        await self._pass(scope, receive, send, lang)

    def _valid(self, value: str | None) -> bool:
        return value is not None and hmac.compare_digest(value.encode(), self.token.encode())

    async def _pass(self, scope: Scope, receive: Receive, send: Send, lang: Lang) -> None:
        if scope["method"] in _WRITES:
            # Read the whole body here, counting: over the limit, the app never sees it.
            chunks: list[bytes] = []
            seen = 0
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return  # the client went away
                chunk = message.get("body", b"")
                seen += len(chunk)
                if seen > self.max_body:
                    await _refuse(send, 413, "too-large", lang, limit=self.max_body)
                    return
                chunks.append(chunk)
                if not message.get("more_body", False):
                    break
            replayed = False

            async def replay() -> Message:
                nonlocal replayed
                if replayed:
                    return await receive()
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

            receive = replay

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(k.lower() == b"content-security-policy" for k, _ in headers):
                    headers.append((b"content-security-policy", CSP.encode()))
                message["headers"] = [*headers, *_HEADERS]
            await send(message)

        await self.app(scope, receive, secured)


def _host_name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _cookie(headers: dict[str, str]) -> str | None:
    raw = headers.get("cookie")
    if not raw:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw)
    except Exception:  # a malformed cookie header is no token
        return None
    morsel = jar.get(COOKIE)
    return morsel.value if morsel is not None else None


async def _set_cookie(send: Send, path: str, query: str, token: str) -> None:
    """The token moves from the URL into a cookie, and the page is asked for again without it
    (so it stays out of the history and of any link the page makes)."""
    rest = urlencode([(k, v) for k, v in parse_qsl(query) if k != "token"])
    location = path + ("?" + rest if rest else "")
    cookie = f"{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
    await send(
        {
            "type": "http.response.start",
            "status": 303,
            "headers": [
                (b"location", location.encode("latin-1")),
                (b"set-cookie", cookie.encode("latin-1")),
                (b"content-length", b"0"),
                (b"content-security-policy", CSP.encode()),
                *_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": b""})


async def _refuse(send: Send, status: int, code: str, lang: Lang, **params: object) -> None:
    body = json.dumps(
        {"code": code, "message": t(f"serve.refused.{code}", lang, **params)}, ensure_ascii=False
    ).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"content-security-policy", CSP.encode()),
                *_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})

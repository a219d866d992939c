"""Start the server: the token, the socket, uvicorn; a clear line and exit 2 when it cannot."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import socket
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from maltrace.i18n import DEFAULT_LANG, Lang, t

EXIT_LOAD = 2


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def read_token(token_file: Path | None, lang: Lang) -> str | None:
    """The token from ``token_file`` or ``MALTRACE_TOKEN``, else a new random one; None (after
    saying why) when the file cannot be read or holds no token."""
    if token_file is not None:
        try:
            token = token_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            _say(f"maltrace: {t('serve.cli.token_file', lang, path=token_file, reason=reason)}")
            return None
        if len(token) < 16:
            _say(f"maltrace: {t('serve.cli.token_file', lang, path=token_file, reason='< 16')}")
            return None
        return token
    return os.environ.get("MALTRACE_TOKEN", "").strip() or secrets.token_urlsafe(24)


def serve(
    paths: Sequence[Path],
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    read_only: bool = False,
    open_browser: bool = False,
    lang: Lang | None = None,
    since: str | None = None,
    token_file: Path | None = None,
) -> int:
    import uvicorn

    from maltrace import api
    from maltrace.serve.app import Settings, create_app
    from maltrace.serve.security import is_loopback
    from maltrace.serve.state import ServeState

    word_lang = lang or DEFAULT_LANG
    token = read_token(token_file, word_lang)
    if token is None:
        return EXIT_LOAD
    if not api.read_plans(paths).files:
        shown = ", ".join(str(p) for p in paths)
        _say(f"maltrace: {t('serve.cli.no_plans', word_lang, paths=shown)}")
        return EXIT_LOAD
    state = ServeState(paths, read_only=read_only)
    analysis = state.snapshot.analysis
    word_lang = lang or (analysis.lang if analysis is not None else DEFAULT_LANG)
    if analysis is None:
        _say(f"maltrace: {t('serve.cli.load_errors', word_lang)}")
    try:
        sock = _bind(host, port)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            _say(f"maltrace: {t('serve.cli.port_in_use', word_lang, port=port)}")
        else:
            reason = exc.strerror or str(exc)
            text = t("serve.cli.cannot_listen", word_lang, host=host, port=port, reason=reason)
            _say(f"maltrace: {text}")
        return EXIT_LOAD
    if not is_loopback(host):
        _say(f"maltrace: {t('serve.cli.exposed', word_lang, host=host)}")
    shown_host = f"[{host}]" if ":" in host else host
    real_port = sock.getsockname()[1]
    url = f"http://{shown_host}:{real_port}/?token={token}"
    _say(t("serve.cli.listening", word_lang, url=url))
    app = create_app(state, Settings(token=token, host=host, lang=lang, since=since))
    config = uvicorn.Config(
        app,
        log_level="warning",
        timeout_graceful_shutdown=1,
        lifespan="on",
        access_log=False,
    )

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            state.close_streams()  # open event streams end, so Ctrl-C stops at once
            super().handle_exit(sig, frame)

    server = Server(config)
    if open_browser:
        import webbrowser

        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    with contextlib.suppress(KeyboardInterrupt):
        server.run(sockets=[sock])
    return 0


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        if os.name != "nt":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock

"""``maltrace serve`` on the command line: what it says when it cannot start."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS


def _serve(*args: str, extra: str = "") -> subprocess.CompletedProcess[str]:
    code = extra + "from maltrace.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, "serve", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_without_the_web_packages_it_says_how_to_install_them_in_one_line() -> None:
    # As if starlette were not installed: the core works, serve says what to do.
    done = _serve(str(EXAMPLE_PLANS), extra="import sys; sys.modules['starlette'] = None; ")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "pip install 'maltrace[serve]'" in lines[0]
    assert "Traceback" not in done.stderr


def test_a_port_in_use_is_one_clear_line_and_exit_2() -> None:
    pytest.importorskip("uvicorn")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = _serve(str(EXAMPLE_PLANS), "--port", str(port), "--lang", "en")
    assert done.returncode == 2
    assert f"Port {port} is in use" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_folder_without_plans_is_exit_2(tmp_path: Path) -> None:
    pytest.importorskip("uvicorn")
    done = _serve(str(tmp_path), "--lang", "en")
    assert done.returncode == 2
    assert "No plan files" in done.stderr


def test_help_names_the_options() -> None:
    done = _serve("--help")
    assert done.returncode == 0
    options = ("--port", "--host", "--read-only", "--open", "--lang", "--since", "--token-file")
    for option in options:
        assert option in done.stdout


def test_ctrl_c_stops_cleanly_with_a_page_listening() -> None:
    import os
    import re
    import signal
    import threading
    import time

    httpx = pytest.importorskip("httpx")
    pytest.importorskip("uvicorn")
    proc = subprocess.Popen(
        [sys.executable, "-m", "maltrace", "serve", str(EXAMPLE_PLANS), "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "MALTRACE_TOKEN": "t" * 24},
        # as in a terminal: Ctrl-C (SIGINT) reaches it even from a test runner's background
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert proc.stderr is not None
        found = re.search(r"(http://127\.0\.0\.1:\d+)/", proc.stderr.readline())
        assert found, "no address printed"
        opened = threading.Event()

        def listen() -> None:  # an open page: its event stream
            try:
                with httpx.stream("GET", found.group(1) + "/api/events", timeout=30) as r:
                    for _ in r.iter_lines():
                        opened.set()
            except httpx.HTTPError:
                pass

        threading.Thread(target=listen, daemon=True).start()
        assert opened.wait(20)
        started = time.monotonic()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0
        assert time.monotonic() - started < 5
        assert "Traceback" not in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()

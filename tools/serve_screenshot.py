"""A screenshot of ``maltrace serve`` in Chromium, for the README (docs/serve.png) and for
looking at the page: starts the server on a free loopback port, opens the map, picks a node.

    .venv/bin/python tools/serve_screenshot.py plans/ docs/serve.png --node HSO-1.1 --width 1280
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import subprocess
import sys
import time

CHROMIUM = os.environ.get("MALTRACE_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def start(plans: list[str], *extra: str) -> tuple[subprocess.Popen[str], str]:
    """``maltrace serve`` on a free port; its process and the URL it printed (with the token)."""
    env = {**os.environ, "MALTRACE_TOKEN": secrets.token_urlsafe(24)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "maltrace", "serve", *plans, "--port", "0", *extra],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stderr is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        found = re.search(r"http://\S+\?token=\S+", line)
        if found:
            return proc, found.group(0)
    proc.kill()
    raise SystemExit("maltrace serve did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("plans", nargs="+")
    parser.add_argument("output")
    parser.add_argument("--node", default=None)
    parser.add_argument("--query", default="", help="more of the URL's query, e.g. lang=en")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=860)
    parser.add_argument("--full", action="store_true", help="the whole page, not the window")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    proc, url = start(args.plans)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            started = time.monotonic()
            page.goto(url + ("&" + args.query if args.query else ""))
            page.wait_for_selector("a.node")
            print(f"map ready in {time.monotonic() - started:.2f} s", file=sys.stderr)
            if args.node:
                started = time.monotonic()
                box = page.locator(f'a.node[data-node="{args.node}"]').first
                if box.is_visible():
                    box.click()
                else:  # in a closed group: the page's own link to it
                    root = url.split("?")[0]
                    page.goto(f"{root}?node={args.node}" + ("&" + args.query if args.query else ""))
                page.wait_for_selector("#panel")
                print(f"panel in {time.monotonic() - started:.2f} s", file=sys.stderr)
            page.wait_for_load_state("networkidle")  # pictures drawn after the page, too
            page.screenshot(path=args.output, full_page=args.full)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()

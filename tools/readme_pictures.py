"""Redraw the pictures the README and docs/ show (a developer tool, not shipped).

    python tools/readme_pictures.py            # the diagrams and the chart, from the example plans
    python tools/readme_pictures.py --browser  # also the screenshot of the HTML report (playwright)

Each picture is what one maltrace command writes, so the README cannot show a picture the code
no longer draws: tests/test_docs.py draws the same ones again and compares the bytes. The
screenshot is not compared (a browser's pixels vary); redraw it when the page changes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

# docs/ file -> (the command's arguments, with {out} for the folder it writes into; the file it
# writes there). Run from the top of the repository, so paths in the pictures read the same.
PICTURES: dict[str, tuple[list[str], str]] = {
    "overview.svg": (["diagram", "plans/", "-o", "{out}/overview.svg"], "overview.svg"),
    "goal-KPS-1.3.svg": (
        ["diagram", "plans/", "--goal", "KPS-1.3", "-o", "{out}/goal.svg"],
        "goal.svg",
    ),
    "ladder-AMT.svg": (
        ["diagram", "plans/", "--framework", "AMT", "-o", "{out}/amt.svg"],
        "amt.svg",
    ),
    "status-IND-HEIME.svg": (
        ["status", "plans/", "--today", "2026-11-23", "-o", "{out}/maloppnaing.md"],
        "maloppnaing.chart-2-IND-HEIME.svg",
    ),
    "diff-vedteken.svg": (
        ["diff", "tests/data/diff/utkast", "tests/data/diff/vedteken", "-o", "{out}/diff.svg"],
        "diff.svg",
    ),
}

SCREENSHOT = "report-html-thread.png"
_CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def draw(name: str, out: Path) -> Path:
    """Run the command behind docs/NAME, writing into the folder OUT; return the file written."""
    args, written = PICTURES[name]
    command = [sys.executable, "-m", "maltrace", *(a.replace("{out}", str(out)) for a in args)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode not in (0, 1):  # diff says 1 when there is impact, as here
        raise SystemExit(f"{' '.join(command)}: exit {result.returncode}\n{result.stderr}")
    return out / written


def screenshot(out: Path) -> None:
    """The HTML report with goal KPS-1.3 clicked: its red thread lit, the rest dimmed."""
    from PIL import Image
    from playwright.sync_api import sync_playwright

    page_file = out / "oppfolging.html"
    subprocess.run(
        [sys.executable, "-m", "maltrace", "report", "plans/", "-o", str(page_file)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=_CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1000, "height": 1200})
        page.goto(page_file.as_uri())
        page.locator("figure.diagram g[data-node='KPS-1.3']").click()
        top = page.evaluate(
            "() => [...document.querySelectorAll('h2')]"
            ".find(h => h.textContent.startsWith('Den raude')).getBoundingClientRect().top"
            " + window.scrollY"
        )
        shot = out / "shot.png"
        page.screenshot(
            path=str(shot),
            full_page=True,
            clip={"x": 0, "y": top - 10, "width": 1000, "height": 1000},
        )
        browser.close()
    image = Image.open(shot).convert("RGB").crop((0, 0, 840, 1000))
    image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(
        DOCS / SCREENSHOT, optimize=True
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for name in PICTURES:
            shutil.copyfile(draw(name, out), DOCS / name)
            print(f"docs/{name}")
        if "--browser" in sys.argv:
            screenshot(out)
            print(f"docs/{SCREENSHOT}")


if __name__ == "__main__":
    main()

"""A diagram taller than an A4 page says so and suggests a split, as it does for too many boxes
or too small a scale (the reports split on height on their own)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def _diagram(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "maltrace", "diagram", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )


def test_an_overview_taller_than_a_page_warns_and_suggests_split(tmp_path: Path) -> None:
    out = tmp_path / "o.png"
    r = _diagram("plans", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert out.exists()
    stderr = " ".join(r.stderr.split())
    assert "A4" in stderr and "--split area" in stderr
    assert "cm" in stderr


def test_a_part_taller_than_a_page_suggests_a_smaller_part(tmp_path: Path) -> None:
    r = _diagram("plans", "--area", "KPS-1", "-o", str(tmp_path / "a.svg"), "--lang", "en")
    assert r.returncode == 0, r.stderr
    stderr = " ".join(r.stderr.split())
    assert "A4" in stderr and "--goal" in stderr and "--split" not in stderr


def test_a_short_diagram_says_nothing(tmp_path: Path) -> None:
    r = _diagram("plans", "--goal", "KPS-1.1", "-o", str(tmp_path / "g.svg"))
    assert r.returncode == 0, r.stderr
    assert "A4" not in r.stderr

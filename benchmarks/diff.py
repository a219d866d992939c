"""Benchmark ``maltrace diff`` against a cold ``maltrace check`` (the goal: at most 2.5 ×).

The set is the generated 20,000-strategy plan set (``generate.py doorstop``: one plan of 200
goals, one of 20,000 strategies that each follow up 1–3 goals). Version 2 is the adopted
version of the goals plan: 10 goals renumbered (their old ids dropped), 10 reworded, 5 removed,
5 added; the strategies file is unchanged, so thousands of links now point at renumbered or
removed goals. A second case also edits one strategy (so both strategy files are parsed).

Every timing is a whole ``python -m maltrace`` process, the median of ``--repeat`` runs:

- cold check: ``maltrace check v2`` with an empty cache;
- cold diff: ``maltrace diff v1 v2`` with an empty cache (the unchanged strategies file is parsed
  once and served from the cache for the other side);
- warm diff: the same after one run (every file in the cache).

Usage: ``python benchmarks/diff.py [--repeat 3]``
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
PY = sys.executable


def ensure_sets() -> tuple[Path, Path, Path]:
    base = DATA / "doorstop"
    v1 = base / "maltrace"
    if not v1.exists():
        subprocess.run([PY, str(HERE / "generate.py"), "doorstop", str(base)], check=True)
    v2 = DATA / "diff-v2"
    v3 = DATA / "diff-v3"
    for folder in (v2, v3):
        if folder.exists():
            shutil.rmtree(folder)
        shutil.copytree(v1, folder)
    text = (v1 / "mal.yaml").read_text(encoding="utf-8")
    for i in range(1, 11):  # renumbered: MAL-i -> MAL-90i
        text = re.sub(rf"\bid: MAL-{i}\n", f"id: MAL-9{i:02d}\n", text)
    for i in range(11, 21):  # reworded
        text = re.sub(
            rf"(id: MAL-{i}\n(\s+)title: )(.*)\n", lambda m: f"{m[1]}{m[3]} – revidert\n", text
        )
    blocks = text.split("\n  - ")
    removed = {f"MAL-{i}" for i in range(21, 26)}
    blocks = [b for b in blocks if not any(f"id: {r}\n" in b for r in removed)]
    added = [f"id: MAL-NY-{i}\n    title: Nytt mål nummer {i} om berekraft" for i in range(5)]
    text = "\n  - ".join(blocks + added) + "\n"
    for folder in (v2, v3):
        (folder / "mal.yaml").write_text(text, encoding="utf-8")
    strategies = (v3 / "strategiar.yaml").read_text(encoding="utf-8")
    edited = re.sub(r"(title: .*)\n", lambda m: f"{m[1]} endra\n", strategies, count=2)
    assert edited != strategies
    (v3 / "strategiar.yaml").write_text(edited, encoding="utf-8")
    return v1, v2, v3


def timed(args: list[str], cache: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the process and its workers) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run(
        [PY, "-m", "maltrace", *args],
        env={"MALTRACE_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode not in (0, 1):
        raise SystemExit(f"maltrace {' '.join(args)} failed: {run.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


def _median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def cold(args: list[str], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            times.append(timed(args, Path(tmp)))
    return _median(times)


def warm(args: list[str], repeat: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        timed(args, Path(tmp))
        return _median([timed(args, Path(tmp)) for _ in range(repeat)])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    opts = ap.parse_args()
    v1, v2, v3 = ensure_sets()
    check = cold(["check", str(v2)], opts.repeat)
    rows = [("cold check v2", check)]
    for name, new in (("goals changed", v2), ("goals and one strategy changed", v3)):
        args = ["diff", str(v1), str(new), "--format", "json"]
        rows.append((f"cold diff, {name}", cold(args, opts.repeat)))
        rows.append((f"warm diff, {name}", warm(args, opts.repeat)))
    print("| run | wall s | × cold check (wall) | CPU s | × cold check (CPU) |")
    print("|---|---:|---:|---:|---:|")
    for name, (wall, cpu) in rows:
        print(f"| {name} | {wall:.2f} | {wall / check[0]:.2f} | {cpu:.2f} | {cpu / check[1]:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

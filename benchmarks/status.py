"""Time ``maltrace status`` against ``maltrace check`` on a generated set, and measure what the
issue-11 model fields cost per node.

    python benchmarks/status.py --size 10 --repeat 3
    python benchmarks/status.py --size 40 --memory-only

Whole processes, wall time, median of ``--repeat`` runs: cold (an empty cache folder) and warm
(the same folder right after). Memory: the bytes of every plan node with its own dict and the
lists/dicts it alone holds (``sys.getsizeof``, each object counted once), and the peak RSS of a
process that loads, builds and analyses the set serially (MALTRACE_JOBS=1).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"
PY = sys.executable

NODE_BYTES = """
import sys
from maltrace.load import load_plan_set, iter_nodes
ps = load_plan_set([sys.argv[1]], cache=False)
seen, total, n = set(), 0, 0
def add(o):
    global total
    if id(o) not in seen:
        seen.add(id(o)); total += sys.getsizeof(o)
for p in ps.plans:
    for node, _ in iter_nodes(p):
        n += 1; add(node); add(node.__dict__)
        for k, v in node.__dict__.items():
            if isinstance(v, (list, dict)) and k not in ("goals", "strategies", "measures"):
                add(v)
print(n, total)
"""

PEAK = """
import gc, resource, sys
gc.disable()
from maltrace.analysis import analyse_plan_files
a = analyse_plan_files([sys.argv[1]], cache=False)
a.graph
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def ensure_set(size: int) -> Path:
    folder = DATA / f"kommunar-{size}"
    if not folder.exists():
        subprocess.run(
            [PY, str(HERE / "generate.py"), "kommunar", str(size), str(folder)], check=True
        )
    return folder


def timed(args: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t


def compare(folder: Path, repeat: int) -> dict[str, float]:
    out: dict[str, list[float]] = {}
    for _ in range(repeat):
        for command in ("check", "status"):
            with tempfile.TemporaryDirectory() as cache:
                env = {**os.environ, "MALTRACE_CACHE_DIR": cache}
                args = [PY, "-m", "maltrace", command, str(folder), "--format", "json"]
                if command == "status":
                    args += ["--today", "2026-06-30"]
                out.setdefault(f"{command} cold", []).append(timed(args, env))
                out.setdefault(f"{command} warm", []).append(timed(args, env))
    return {k: statistics.median(v) for k, v in out.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--memory-only", action="store_true")
    args = ap.parse_args()
    folder = ensure_set(args.size)
    env = {**os.environ, "MALTRACE_JOBS": "1"}
    n, total = map(
        int,
        subprocess.run(
            [PY, "-c", NODE_BYTES, str(folder)], env=env, capture_output=True, text=True, check=True
        ).stdout.split(),
    )
    peak = int(
        subprocess.run(
            [PY, "-c", PEAK, str(folder)], env=env, capture_output=True, text=True, check=True
        ).stdout
    )
    print(
        f"kommunar {args.size}: {n} nodes, {total / n:.1f} bytes per node, "
        f"peak RSS {peak / 1024:.0f} MB"
    )
    if args.memory_only:
        return 0
    figures = compare(folder, args.repeat)
    for key, value in figures.items():
        print(f"{key:14} {value:6.2f} s")
    for kind in ("cold", "warm"):
        print(f"status/check {kind}: {figures[f'status {kind}'] / figures[f'check {kind}']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

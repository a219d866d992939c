"""What ``contributes_to`` costs: check time on the 20,000-strategy set with a link on
every strategy, and memory per node.

    python benchmarks/frameworks.py                        # this checkout
    python benchmarks/frameworks.py --base /tmp/base/src   # also time an older src/ (PYTHONPATH)
    python benchmarks/frameworks.py --kommunar 10 --repeat 5

- time: ``maltrace check DIR --format json --no-cache`` as a whole process, median of
  ``--repeat`` runs, on the Doorstop side-by-side set (200 goals, 20,000 strategies; see
  generate.py) as it is ("plain") and with ``contributes_to: [SDG-x.y]`` on every strategy
  ("linked"), naming one of the 169 SDG targets in turn.
- memory: RSS growth while loading a set of ``--kommunar`` generated kommunar (cache off), per
  node, plain and with a ``contributes_to`` on every strategy.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

TARGETS = [
    f"SDG-{g}.{t}" for g, n in ((3, 9), (4, 7), (8, 10), (11, 7), (13, 3)) for t in range(1, n + 1)
]

RSS = """
import gc, json, sys
from maltrace.load import load_plan_set
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096
gc.collect(); before = rss()
plans = load_plan_set([sys.argv[1]], cache=False)
gc.collect(); after = rss()
from maltrace.load import iter_nodes
nodes = sum(len(iter_nodes(p)) for p in plans.plans)
print(json.dumps({"nodes": nodes, "bytes": after - before}))
"""


def add_links(folder: Path, out: Path) -> int:
    """Copy the plan files, adding ``contributes_to`` to every strategy; return how many.

    generate.py writes ``KEY:`` and its items as ``- id:`` two columns further in."""
    count = 0
    for f in sorted(folder.rglob("*.yaml")):
        result: list[str] = []
        list_at: dict[int, str] = {}  # column of an item's "- " -> the list key it is in
        for line in f.read_text(encoding="utf-8").splitlines():
            result.append(line)
            stripped = line.lstrip()
            indent = len(line) - len(stripped)
            if stripped in ("areas:", "goals:", "strategies:", "measures:"):
                list_at[indent + 2] = stripped[:-1]
            elif stripped.startswith("- id: ") and list_at.get(indent) == "strategies":
                target = TARGETS[count % len(TARGETS)]
                result.append(" " * (indent + 2) + f"contributes_to: [{target}]")
                count += 1
        dest = out / f.relative_to(folder)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text("\n".join(result) + "\n", encoding="utf-8")
    return count


def time_check(folder: Path, repeat: int, pythonpath: str | None) -> float:
    env = dict(os.environ, MALTRACE_CACHE_DIR=tempfile.mkdtemp())
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "maltrace",
                "check",
                str(folder),
                "--format",
                "json",
                "--no-cache",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            check=False,
        )
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def rss_per_node(folder: Path, pythonpath: str | None) -> tuple[int, float]:
    env = dict(os.environ, MALTRACE_JOBS="1")
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    out = subprocess.run(
        [sys.executable, "-c", RSS, str(folder)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(out.stdout)
    return data["nodes"], data["bytes"] / data["nodes"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--kommunar", type=int, default=10)
    ap.add_argument("--base", help="src/ folder of the code to compare with (PYTHONPATH)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="maltrace-fw-"))
    generate.generate_doorstop(work / "ds", 1)
    plain = work / "ds" / "maltrace"
    linked = work / "ds-linked"
    links = add_links(plain, linked)
    generate.generate_kommunar(args.kommunar, work / "k", 1)
    k_linked = work / "k-linked"
    k_links = add_links(work / "k", k_linked)

    rows = [f"20,000-strategy set: {links} contributes_to added; medians of {args.repeat}", ""]
    rows.append("| code | set | check (s) |")
    rows.append("|---|---|---:|")
    here = str(HERE.parent / "src")
    timings = {}
    for name, path in (("this", here), ("base", args.base)):
        if path is None:
            continue
        for label, folder in (("plain", plain), ("linked", linked)):
            if name == "base" and label == "linked":
                continue  # the old code does not know the key
            timings[(name, label)] = time_check(folder, args.repeat, path)
            rows.append(f"| {name} | {label} | {timings[(name, label)]:.2f} |")
    ref = timings.get(("base", "plain"), timings[("this", "plain")])
    rows.append("")
    rows.append(f"linked / reference plain: {timings[('this', 'linked')] / ref:.3f}×")
    rows.append("")
    rows.append(
        f"{args.kommunar} kommunar ({k_links} strategies linked): RSS growth per node while loading"
    )
    rows.append("")
    rows.append("| code | set | nodes | bytes per node |")
    rows.append("|---|---|---:|---:|")
    for name, path in (("this", here), ("base", args.base)):
        if path is None:
            continue
        for label, folder in (("plain", work / "k"), ("linked", k_linked)):
            if name == "base" and label == "linked":
                continue
            nodes, per = rss_per_node(folder, path)
            rows.append(f"| {name} | {label} | {nodes:,} | {per:.0f} |")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Time the report of a one-kommune set (about 2,000 nodes) with its diagram split per
satsingsområde, in each format with pictures, and ``maltrace diagram --split area``.

    python benchmarks/report_parts.py            # 1 kommune, 1 run
    python benchmarks/report_parts.py --repeat 3

The set is generated (seeded) into benchmarks/data/kommunar-1 when missing, as run.py does.
Library calls in one process (the analysis made once, not timed); wall time, so a loaded
machine shows in the numbers: say how loaded it was. Each run starts with an empty picture cache
(``MALTRACE_CACHE_DIR``), except the row "drawn again", which reuses the one before it.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate_kommunar  # noqa: E402

from maltrace import check  # noqa: E402
from maltrace.render.check.report import write_report  # noqa: E402
from maltrace.render.diagram import build_diagram, split_parts, write_split  # noqa: E402


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args(argv)
    data = HERE / "data" / "kommunar-1"
    if not data.exists():
        generate_kommunar(1, data, 1)
    analysis = check(data)
    nodes = analysis.graph.number_of_nodes()
    boxes = len(build_diagram(analysis).boxes)
    parts = split_parts(analysis)
    in_report = split_parts(analysis, legend="first")
    largest = max(len(p.diagram.boxes) for p in parts)
    print(
        f"{nodes} nodes; overview {boxes} boxes; {len(parts)} parts (files), "
        f"{len(in_report)} in a report (one legend); largest {largest} boxes"
    )
    jobs = {
        "split_parts (no layout)": lambda out: split_parts(analysis),
        "report .html": lambda out: write_report(analysis, out / "r.html"),
        "report .md": lambda out: write_report(analysis, out / "r.md"),
        "report .docx": lambda out: write_report(analysis, out / "r.docx"),
        "diagram --split area (svg)": lambda out: write_split(analysis, out / "parts"),
    }
    jobs["report .docx drawn again (the same pictures, from the cache)"] = jobs["report .docx"]
    print("| what | wall s (median) | CPU s, with the layout processes |\n|---|---|---|")
    for name, job in jobs.items():
        again = "drawn again" in name
        times, cpus = [], []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as tmp:
                if not again:
                    os.environ["MALTRACE_CACHE_DIR"] = str(Path(tmp) / "cache")
                    if name == "report .docx":
                        # kept for the next row, which draws the same pictures again
                        kept = Path(tempfile.mkdtemp()) / "cache"
                        os.environ["MALTRACE_CACHE_DIR"] = str(kept)
                cpu = _cpu()
                started = time.perf_counter()
                job(Path(tmp))
                times.append(time.perf_counter() - started)
                cpus.append(_cpu() - cpu)
        print(f"| {name} | {statistics.median(times):.1f} | {statistics.median(cpus):.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

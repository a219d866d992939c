"""Times of the text normalisation at load time and of the Word/Excel reports.

    python benchmarks/office.py [--sizes 1 10] [--repeat 3]

For each generated set (``generate.py kommunar N``, written into benchmarks/data when missing):

- parse: every file through ``parse_plan`` (YAML + validation), best of ``--repeat``; and the
  whole-file searches that decide whether any text needs normalising (the added cost on clean
  plans), best of ``--repeat``;
- report (only at the sizes given with ``--report``, default 1): the document body in each
  format with no diagram (``make_report(diagram=False)``), and the overview figure as PNG and
  SVG apart, since Word draws the PNG and Markdown/HTML the SVG.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _data(n: int) -> Path:
    out = HERE / "data" / f"k{n}"
    if not out.exists():
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "kommunar", str(n), str(out)], check=True
        )
    return out


def _best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--report", type=int, nargs="+", default=[1])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from maltrace import check
    from maltrace.load.parse import parse_plan
    from maltrace.load.text import ASTRAL_BAD_IN_FILE, RAW, SUSPECT_IN_FILE
    from maltrace.render.check.report import make_report
    from maltrace.render.diagram import build_diagram
    from maltrace.render.diagram.output import render_png, render_svg

    def diagram_png(a: Any) -> bytes:
        return render_png(build_diagram(a))

    def diagram_svg(a: Any) -> str:
        return render_svg(build_diagram(a))

    from maltrace.render.document import render_document

    print("| kommunar | MB | parse (all files) | normalisation search | share |")
    print("|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        files = sorted(_data(n).rglob("*.yaml"))
        data = [f.read_bytes() for f in files]

        def parse(data: list[bytes] = data) -> None:
            for i, d in enumerate(data):
                parse_plan(d, str(i))

        def search(data: list[bytes] = data) -> None:
            for d in data:
                text = d.decode("utf-8")
                if SUSPECT_IN_FILE.search(text):
                    RAW.search(text)
                ASTRAL_BAD_IN_FILE.search(d)

        p, s = _best(parse, args.repeat), _best(search, args.repeat)
        mb = sum(map(len, data)) / 1e6
        print(f"| {n} | {mb:.1f} | {p:.2f} s | {s:.3f} s | {s / p:.1%} |")

    print()
    print(
        "| kommunar | nodes | .docx body | .xlsx | .md | .html | .csv | PNG figure | SVG figure |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.report:
        analysis = check(_data(n))
        doc = make_report(analysis, diagram=False)
        times = [
            _best(lambda fmt=fmt, doc=doc: render_document(doc, fmt), args.repeat)
            for fmt in (".docx", ".xlsx", ".md", ".html", ".csv")
        ]
        png = _best(lambda a=analysis: diagram_png(a), 1)
        svg = _best(lambda a=analysis: diagram_svg(a), 1)
        nodes = analysis.graph.number_of_nodes()
        cells = " | ".join(f"{x:.2f} s" for x in (*times, png, svg))
        print(f"| {n} | {nodes:,} | {cells} |")


if __name__ == "__main__":
    main()

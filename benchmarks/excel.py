"""Time Excel export and import on a plan set of about 20,000 nodes (one workbook row each).

    python benchmarks/excel.py [--kommunar 10] [--repeat 3] [--indicators]

Uses the seeded ``kommunar N`` set from ``generate.py`` (10 kommunar: 114 plans, 19,075 nodes),
written to ``benchmarks/data/`` when missing. Times, in one process that has imported maltrace:
loading the YAML set, ``export_workbook`` (models -> .xlsx bytes), ``read_workbook`` (the .xlsx
-> validated models, every check included) and ``write_plans`` (models -> one YAML file per
plan). Prints the medians (wall and process CPU seconds) as a Markdown table.
``--indicators`` gives every goal one indicator with three values (sheet Indikatorar).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _time(fn: Callable[[], Any], repeat: int) -> tuple[tuple[float, float], Any]:
    """Median wall and process CPU seconds of ``fn`` (CPU: what a quiet machine would take)."""
    walls: list[float] = []
    cpus: list[float] = []
    result: Any = None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return (statistics.median(walls), statistics.median(cpus)), result


def with_indicators(plans: list[Any]) -> list[Any]:
    """The plans with one indicator (baseline, target, three values) under every goal."""
    from maltrace.load import Plan

    def walk(node: dict[str, Any], is_goal: bool) -> None:
        if is_goal:
            node["indicators"] = [
                {
                    "id": f"IND-{node['id']}",
                    "title": f"Indikator for {node['id']}",
                    "unit": "%",
                    "baseline": {"year": 2021, "value": 62.5},
                    "target": {"year": 2030, "value": 75},
                    "values": {2022: 63.1, 2023: 64, 2024: 66.25},
                }
            ]
        for key in ("goals", "strategies", "measures"):
            for child in node.get(key) or []:
                walk(child, key == "goals")

    out = []
    for plan in plans:
        data = plan.model_dump(exclude_defaults=True)
        walk(data, False)
        new = Plan.model_validate(data)
        new.source = plan.source
        out.append(new)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kommunar", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--indicators", action="store_true", help="one indicator under every goal")
    args = ap.parse_args()

    from maltrace.load import iter_nodes, load_plan_set
    from maltrace.load.convert import write_plans
    from maltrace.load.excel import read_workbook
    from maltrace.load.excel_write import export_workbook

    folder = HERE / "data" / f"k{args.kommunar}"
    if not folder.exists():
        cmd = [sys.executable, str(HERE / "generate.py"), "kommunar", str(args.kommunar)]
        subprocess.run([*cmd, str(folder)], check=True)
    t_load, plan_set = _time(lambda: load_plan_set([folder], cache=False), args.repeat)
    plans = with_indicators(plan_set.plans) if args.indicators else plan_set.plans
    rows = sum(len(iter_nodes(p)) for p in plans)
    goals = sum(len(g.indicators) for p in plans for g, _ in iter_nodes(p) if g.kind == "goal")
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "plans.xlsx"
        t_export, data = _time(lambda: export_workbook(plans, "nn"), args.repeat)
        book.write_bytes(data)
        t_import, back = _time(lambda: read_workbook(book), args.repeat)
        assert [p.model_dump() for p in back] == [p.model_dump() for p in plans]
        n = iter(range(1000))
        t_write, _ = _time(lambda: write_plans(back, Path(tmp) / f"out{next(n)}"), args.repeat)
        size = book.stat().st_size / 2**20
    print(
        f"{len(plans)} plans, {rows:,} Nodar rows, {goals:,} Indikatorar rows, "
        f"workbook {size:.1f} MB; median of {args.repeat}"
    )
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (2 cores)")
    print()
    print("| step | wall s | CPU s |")
    print("|---|---:|---:|")
    for name, secs in (
        ("load the YAML set (no cache)", t_load),
        ("export: models -> .xlsx", t_export),
        ("import: .xlsx -> validated models", t_import),
        ("import: models -> YAML files", t_write),
    ):
        print(f"| {name} | {secs[0]:.2f} | {secs[1]:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

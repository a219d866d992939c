"""Time ``maltrace check`` on generated plan sets, against the YAML parse floor and Doorstop.

    python benchmarks/run.py                      # all sizes, 3 runs each (medians)
    python benchmarks/run.py --sizes 1 10 --repeat 5
    python benchmarks/run.py --doorstop /path/to/venv/bin/doorstop

Sets are generated (seeded) into benchmarks/data/ when missing. Every number is a median of
``--repeat`` runs on this machine; whole-process runs report wall time and peak RSS. Prints a
Markdown report (paste it into benchmarks/README.md) and writes it to benchmarks/out/latest.md.
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
ROOT = HERE.parent
DATA = HERE / "data"
PY = sys.executable

FLOOR = """
import sys, time, pathlib, yaml
files = sorted(p for p in pathlib.Path(sys.argv[1]).rglob("*.yaml"))
t = time.perf_counter()
for f in files:
    yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)
print(time.perf_counter() - t)
"""

PHASES = """
import json, sys, time
from pathlib import Path
import networkx  # imports are not a phase: maltrace imports it only once a graph is built
from maltrace.api._job import job as paused_gc
from maltrace.load import find_plan_files, PlanSet
from maltrace.load.loader import duplicate_id_errors
from maltrace.load.models import Plan
from maltrace.load.yamlsafe import read_yaml
from maltrace.graph import build_graph
from maltrace.analysis import analyse
from maltrace.render.check.json import check_json
out = {}
t = time.perf_counter()
files, _ = find_plan_files([sys.argv[1]])
datas = [f.read_bytes() for f in files]
out["read"] = time.perf_counter() - t
with paused_gc():
    t = time.perf_counter(); raws = [read_yaml(d) for d in datas]; out["parse"] = time.perf_counter() - t
    t = time.perf_counter(); plans = [Plan.model_validate(r) for r in raws]
    for p, f in zip(plans, files):
        p.source = str(f)
    duplicate_id_errors(plans); out["validate"] = time.perf_counter() - t
t = time.perf_counter(); graph = build_graph(PlanSet(plans, files)); out["graph"] = time.perf_counter() - t
t = time.perf_counter(); analysis = analyse(graph); out["analysis"] = time.perf_counter() - t
t = time.perf_counter(); check_json(analysis); out["output"] = time.perf_counter() - t
out["nodes"] = graph.number_of_nodes()
out["links"] = sum(1 for *_, k in graph.edges(data="kind") if k == "follows_up")
out["files"] = len(files)
out["mb"] = sum(len(d) for d in datas) / 1e6
print(json.dumps(out))
"""

# The library's own cold run, without starting Python and importing: what the floor is timed as.
LIBRARY = """
import os, sys, tempfile, time
import maltrace.api, networkx  # networkx: imported by maltrace only once a graph is built
os.environ["MALTRACE_CACHE_DIR"] = tempfile.mkdtemp()
t = time.perf_counter()
maltrace.api.check(sys.argv[1])
print(time.perf_counter() - t)
"""


def timed_rss(
    cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one whole process."""
    import resource

    with tempfile.NamedTemporaryFile(mode="r", suffix=".txt") as fh:
        gnu_time = (
            ["/usr/bin/time", "-f", "%M", "-o", fh.name] if Path("/usr/bin/time").exists() else []
        )
        t = time.perf_counter()
        subprocess.run(
            [*gnu_time, *cmd],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=cwd,
        )
        wall = time.perf_counter() - t
        if gnu_time:
            return wall, int(Path(fh.name).read_text().split()[-1]) / 1024
    # Without GNU time: the largest child so far, an upper bound.
    return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def median(values: list[float]) -> float:
    return statistics.median(values)


def ensure_set(n: int) -> Path:
    folder = DATA / f"k{n}"
    if not folder.exists():
        subprocess.run([PY, str(HERE / "generate.py"), "kommunar", str(n), str(folder)], check=True)
    return folder


def maltrace(*args: str) -> list[str]:
    return [PY, "-m", "maltrace", *args]


def seconds_printed(script: str, folder: Path) -> float:
    """Run a timing script on ``folder``; it prints the seconds it measured itself."""
    run = subprocess.run(
        [PY, "-c", script, str(folder)], capture_output=True, text=True, check=True
    )
    return float(run.stdout)


def bench_size(n: int, repeat: int) -> dict[str, float]:
    folder = ensure_set(n)
    floor = [seconds_printed(FLOOR, folder) for _ in range(repeat)]
    library = [seconds_printed(LIBRARY, folder) for _ in range(repeat)]
    cold, warm, edited, rss = [], [], [], []
    # The edit a planner makes: one file changes (here the last one gets a comment line).
    last = sorted(folder.rglob("*.yaml"))[-1]
    original = last.read_bytes()
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "MALTRACE_CACHE_DIR": cache}
            check = maltrace("check", str(folder), "--format", "json")
            wall, peak = timed_rss(check, env)
            cold.append(wall)
            rss.append(peak)
            warm.append(timed_rss(check, env)[0])
            try:
                last.write_bytes(original + b"# edited\n")
                edited.append(timed_rss(check, env)[0])
            finally:
                last.write_bytes(original)
    phases = [
        json.loads(
            subprocess.run(
                [PY, "-c", PHASES, str(folder)], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(repeat)
    ]
    row: dict[str, float] = {
        "kommunar": n,
        "floor": median(floor),
        "cold": median(cold),
        "library": median(library),
        "warm": median(warm),
        "edited": median(edited),
        "rss": max(rss),
    }
    for key in ("read", "parse", "validate", "graph", "analysis", "output"):
        row[key] = median([p[key] for p in phases])
    for key in ("nodes", "links", "files", "mb"):
        row[key] = phases[0][key]
    return row


def bench_small(repeat: int) -> dict[str, float]:
    plans = ROOT / "plans"
    cold, warm = [], []
    for _ in range(repeat * 3):
        with tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "MALTRACE_CACHE_DIR": cache}
            cold.append(timed_rss(maltrace("check", str(plans)), env)[0])
            warm.append(timed_rss(maltrace("check", str(plans)), env)[0])
    helps = [timed_rss(maltrace("--help"), env)[0] for _ in range(repeat * 3)]
    # What `check` cannot go below: starting Python and importing the libraries it is built on.
    imports = [
        timed_rss([PY, "-c", "import typer, pydantic, networkx, rich.console, yaml"])[0]
        for _ in range(repeat * 3)
    ]
    return {
        "check": median(cold),
        "check_warm": median(warm),
        "help": median(helps),
        "imports": median(imports),
    }


def bench_doorstop(doorstop: str, repeat: int) -> dict[str, float]:
    folder = DATA / "doorstop"
    if not folder.exists():
        subprocess.run([PY, str(HERE / "generate.py"), "doorstop", str(folder)], check=True)
    tree = folder / "doorstop"
    # Untimed: on a fresh tree the first run stamps every link and review and saves (and
    # `git add`s) each of the 20,200 items, which takes minutes. A real repository holds
    # stamped items, so the timed runs are the ones after.
    subprocess.run([doorstop, "-F"], cwd=tree, capture_output=True)
    ds = [timed_rss([doorstop, "-F"], cwd=tree)[0] for _ in range(repeat)]
    cold, warm = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "MALTRACE_CACHE_DIR": cache}
            cold.append(
                timed_rss(maltrace("check", str(folder / "maltrace"), "--format", "json"), env)[0]
            )
            warm.append(
                timed_rss(maltrace("check", str(folder / "maltrace"), "--format", "json"), env)[0]
            )
    return {"doorstop": median(ds), "cold": median(cold), "warm": median(warm)}


def bench_diagram(repeat: int) -> dict[str, float]:
    folder = ensure_set(1)
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in ("svg", "png", "pdf"):
            target = Path(tmp) / f"overview.{suffix}"
            out[suffix] = median(
                [
                    timed_rss(maltrace("diagram", str(folder), "-o", str(target)))[0]
                    for _ in range(repeat)
                ]
            )
            out[f"{suffix}_mb"] = target.stat().st_size / 1e6
    return out


def report(
    rows: list[dict[str, float]],
    small: dict[str, float],
    ds: dict[str, float] | None,
    diagram: dict[str, float] | None,
    repeat: int,
) -> str:
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores, Python {sys.version.split()[0]}; medians of {repeat} runs.",
        "",
        f"- `maltrace check plans/`: **{small['check']:.2f} s** cold, **{small['check_warm']:.2f} s** warm; "
        f"`maltrace --help`: **{small['help']:.2f} s**; "
        f"`python -c 'import typer, pydantic, networkx, rich.console, yaml'`: {small['imports']:.2f} s",
        "",
        "Whole processes (`maltrace check DIR --format json`): cold = empty cache; warm = the same files again; "
        "edited = one file changed since. Library = `maltrace.api.check(DIR)`, cold, in a process that has "
        "already imported it, timed like the floor.",
        "",
        "| kommunar | files | MB | nodes | links | CSafeLoader floor | check cold | cold / floor | library cold | library / floor | warm | edited | peak RSS (cold) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['kommunar']:.0f} | {r['files']:,.0f} | {r['mb']:.1f} | {r['nodes']:,.0f} | {r['links']:,.0f} | "
            f"{r['floor']:.2f} s | {r['cold']:.2f} s | {r['cold'] / r['floor']:.2f}× | {r['library']:.2f} s | "
            f"{r['library'] / r['floor']:.2f}× | {r['warm']:.2f} s | {r['edited']:.2f} s | {r['rss']:,.0f} MB |"
        )
    per_node = ", ".join(
        f"{r['cold'] / r['nodes'] * 1e6:.0f} µs ({r['kommunar']:.0f})" for r in rows
    )
    lines += [
        "",
        f"Cold time per node (kommunar): {per_node}.",
        "",
        "Phases in one process, serial, GC paused as in maltrace (seconds):",
        "",
        "| kommunar | read | parse | validate (+ duplicate ids) | graph | analysis | output (JSON) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['kommunar']:.0f} | {r['read']:.2f} | {r['parse']:.2f} | {r['validate']:.2f} | {r['graph']:.2f} | {r['analysis']:.2f} | {r['output']:.2f} |"
        )
    if ds:
        lines += [
            "",
            "Doorstop side-by-side (200 parents, 20,000 children linking 1–3 parents):",
            "",
            f"- `doorstop -F`: {ds['doorstop']:.2f} s; `maltrace check` cold: {ds['cold']:.2f} s "
            f"(**{ds['doorstop'] / ds['cold']:.1f}× faster**), warm: {ds['warm']:.2f} s "
            f"({ds['doorstop'] / ds['warm']:.1f}×)",
        ]
    if diagram:
        lines += [
            "",
            "`maltrace diagram` of the 1-kommune overview (about 2,000 nodes), whole process:",
            "",
            f"- SVG {diagram['svg']:.2f} s ({diagram['svg_mb']:.1f} MB), PNG {diagram['png']:.2f} s "
            f"({diagram['png_mb']:.1f} MB), PDF {diagram['pdf']:.2f} s ({diagram['pdf_mb']:.1f} MB)",
        ]
    return "\n".join(lines) + "\n"


def scaling_svg(rows: list[dict[str, float]]) -> str:
    """Seconds against nodes, on linear axes: a straight line through the origin is linear."""
    w, h, left, bottom, top, right = 680, 360, 60, 40, 20, 190
    series = [
        ("floor", "CSafeLoader floor", "#888888", "4 3"),
        ("cold", "check, cold", "#b2182b", ""),
        ("edited", "check, one file edited", "#ef8a62", ""),
        ("warm", "check, warm", "#2166ac", ""),
    ]
    xmax = max(r["nodes"] for r in rows) * 1.05
    ymax = max(max(r[k] for k, *_ in series) for r in rows) * 1.1

    def x(v: float) -> float:
        return left + v / xmax * (w - left - right)

    def y(v: float) -> float:
        return h - bottom - v / ymax * (h - bottom - top)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'font-family="sans-serif" font-size="11">',
        f'<rect width="{w}" height="{h}" fill="white"/>',
        f'<line x1="{left}" y1="{y(0)}" x2="{x(xmax)}" y2="{y(0)}" stroke="black"/>',
        f'<line x1="{left}" y1="{y(0)}" x2="{left}" y2="{y(ymax)}" stroke="black"/>',
        f'<text x="{(left + x(xmax)) / 2}" y="{h - 8}" text-anchor="middle">'
        "nodes (kommunar)</text>",
        f'<text x="14" y="{y(ymax / 2)}" transform="rotate(-90 14 {y(ymax / 2)})" '
        f'text-anchor="middle">seconds</text>',
    ]
    step = 10 if ymax > 40 else 5 if ymax > 10 else 1
    for t in range(0, int(ymax) + 1, step):
        out.append(f'<text x="{left - 6}" y="{y(t) + 4}" text-anchor="end">{t}</text>')
    last_label = -100.0
    for r in rows:
        if x(r["nodes"]) - last_label < 40:
            continue  # the small sets crowd the origin
        last_label = x(r["nodes"])
        out.append(
            f'<text x="{x(r["nodes"])}" y="{y(0) + 14}" text-anchor="middle">'
            f"{r['nodes'] / 1000:,.0f}k ({r['kommunar']:.0f})</text>"
        )
    for i, (key, label, colour, dash) in enumerate(series):
        points = " ".join(f"{x(r['nodes']):.1f},{y(r[key]):.1f}" for r in rows)
        out.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2" '
            f'stroke-dasharray="{dash}"/>'
        )
        out += [
            f'<circle cx="{x(r["nodes"]):.1f}" cy="{y(r[key]):.1f}" r="3" fill="{colour}"/>'
            for r in rows
        ]
        ly = top + 10 + i * 18
        out.append(
            f'<line x1="{w - right + 10}" y1="{ly}" x2="{w - right + 30}" y2="{ly}" '
            f'stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>'
        )
        out.append(f'<text x="{w - right + 35}" y="{ly + 4}">{label}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[1, 10, 40, 100, 357])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--doorstop", help="the doorstop program (pip install doorstop in another venv)"
    )
    ap.add_argument("--no-diagram", action="store_true")
    args = ap.parse_args()
    rows = []
    for n in args.sizes:
        rows.append(bench_size(n, args.repeat))
        print(json.dumps(rows[-1]), file=sys.stderr)
    small = bench_small(args.repeat)
    ds = bench_doorstop(args.doorstop, args.repeat) if args.doorstop else None
    diagram = None if args.no_diagram else bench_diagram(args.repeat)
    text = report(rows, small, ds, diagram, args.repeat)
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "latest.md").write_text(text, encoding="utf-8")
    if len(rows) > 1:
        (HERE / "out" / "scaling.svg").write_text(scaling_svg(rows), encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Pin what maltrace prints and writes, so code can be moved without changing behaviour.

    python tools/outputs.py record OUT     # run every command, keep each output under OUT
    python tools/outputs.py compare A B   # list the outputs that differ (exit 1 if any)

Three plan sets: the example ``plans/``, ``tests/data/findings`` (every kind of finding) and the
generated 2,000-node kommune (``benchmarks/generate.py kommunar 1``, made in a temp folder). For
each: ``check`` (text, JSON, ``--strict``), ``status``, ``report`` in every format, ``diagram``
(DOT, SVG, split), ``suggest``, ``frameworks``, ``export``, plus ``diff``/``relink`` of the
README's story, ``schema``, ``template`` and ``init``. Binary outputs are reduced to what a
reader sees: a .docx to its ``word/document.xml``, a .xlsx to its cell values, an HTML page
without the hash of its script (which changes with the script, not with the content).

Each output is a file named after its command; the exit code and stderr are kept beside it. A
command's line in ``COMMANDS`` may change when a command's options change on purpose; the
recorded bytes may not, unless the change is the point.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"

# (name, arguments after "maltrace", file the command writes or None for stdout). {P} is the
# plan set, {O} a fresh output folder.
COMMANDS: list[tuple[str, list[str], str | None]] = [
    ("check.txt", ["check", "{P}"], None),
    ("check.json", ["check", "{P}", "--format", "json"], None),
    ("check-strict.txt", ["check", "{P}", "--strict"], None),
    ("check-en.txt", ["check", "{P}", "--lang", "en"], None),
    ("check-nb.json", ["check", "{P}", "--format", "json", "--lang", "nb"], None),
    ("status.txt", ["status", "{P}", "--today", TODAY], None),
    ("status.json", ["status", "{P}", "--today", TODAY, "--format", "json"], None),
    ("status-md.txt", ["status", "{P}", "--today", TODAY, "-o", "{O}/s.md"], "s.md"),
    ("status-html.txt", ["status", "{P}", "--today", TODAY, "-o", "{O}/s.html"], "s.html"),
    ("status-docx.txt", ["status", "{P}", "--today", TODAY, "-o", "{O}/s.docx"], "s.docx"),
    ("report-md", ["report", "{P}", "-o", "{O}/r.md"], "r.md"),
    ("report-html", ["report", "{P}", "-o", "{O}/r.html"], "r.html"),
    ("report-docx", ["report", "{P}", "-o", "{O}/r.docx"], "r.docx"),
    ("report-xlsx", ["report", "{P}", "-o", "{O}/r.xlsx"], "r.xlsx"),
    ("report-csv", ["report", "{P}", "-o", "{O}/r.csv"], "r.csv"),
    ("report-en-md", ["report", "{P}", "-o", "{O}/r.md", "--lang", "en"], "r.md"),
    ("diagram-dot", ["diagram", "{P}", "-o", "{O}/d.dot"], "d.dot"),
    ("diagram-svg", ["diagram", "{P}", "-o", "{O}/d.svg"], "d.svg"),
    (
        "diagram-status-dot",
        ["diagram", "{P}", "--status", "--today", TODAY, "-o", "{O}/d.dot"],
        "d.dot",
    ),
    (
        "diagram-split",
        ["diagram", "{P}", "--split", "area", "--format", "dot", "-o", "{O}/parts"],
        "parts",
    ),
    ("suggest.txt", ["suggest", "{P}"], None),
    ("suggest.json", ["suggest", "{P}", "--format", "json"], None),
    ("suggest-xlsx", ["suggest", "{P}", "-o", "{O}/s.xlsx"], "s.xlsx"),
    ("export-xlsx", ["export", "{P}", "-o", "{O}/e.xlsx"], "e.xlsx"),
]

# Commands that do not read a plan set, or read the README's diff story; run once.
ONCE: list[tuple[str, list[str], str | None]] = [
    ("frameworks.txt", ["frameworks"], None),
    ("frameworks.json", ["frameworks", "--format", "json"], None),
    ("frameworks-sdg.txt", ["frameworks", "SDG"], None),
    ("schema.json", ["schema"], None),
    ("template-xlsx", ["template", "{O}/t.xlsx"], "t.xlsx"),
    ("init", ["init", "{O}/start"], "start"),
    ("diff.txt", ["diff", "tests/data/diff/utkast", "tests/data/diff/vedteken"], None),
    (
        "diff.json",
        ["diff", "tests/data/diff/utkast", "tests/data/diff/vedteken", "-f", "json"],
        None,
    ),
    (
        "diff-md",
        ["diff", "tests/data/diff/utkast", "tests/data/diff/vedteken", "-o", "{O}/d.md"],
        "d.md",
    ),
    (
        "diff-html",
        ["diff", "tests/data/diff/utkast", "tests/data/diff/vedteken", "-o", "{O}/d.html"],
        "d.html",
    ),
    (
        "diff-docx",
        ["diff", "tests/data/diff/utkast", "tests/data/diff/vedteken", "-o", "{O}/d.docx"],
        "d.docx",
    ),
    ("relink.txt", ["relink", "tests/data/diff/utkast", "tests/data/diff/vedteken"], None),
    ("check-broken.txt", ["check", "tests/data/outputs-broken"], None),
    ("check-broken.json", ["check", "tests/data/outputs-broken", "--format", "json"], None),
]

SCRIPT_HASH = re.compile(r"sha256-[A-Za-z0-9+/=]+")


def _maltrace() -> list[str]:
    exe = Path(sys.executable).with_name("maltrace")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "maltrace.cli"]


def _reduce(path: Path) -> bytes:
    """What a reader sees of a written file, as stable bytes."""
    if path.is_dir():
        parts = []
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            parts.append(f"=== {child.relative_to(path)}\n".encode() + _reduce(child))
        return b"\n".join(parts)
    data = path.read_bytes()
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            return z.read("word/document.xml")
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path)
        rows = []
        for sheet in book.worksheets:
            rows.append(f"## {sheet.title}")
            for row in sheet.iter_rows(values_only=True):
                rows.append(json.dumps([None if v is None else str(v) for v in row]))
        return "\n".join(rows).encode()
    if path.suffix == ".html":
        return SCRIPT_HASH.sub("sha256-…", data.decode()).encode()
    if path.suffix == ".png":
        return hashlib.sha256(data).hexdigest().encode()
    return data


def _run(name: str, args: list[str], written: str | None, plans: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        argv = [a.replace("{P}", plans).replace("{O}", tmp) for a in args]
        env = dict(os.environ, COLUMNS="100", NO_COLOR="1", TERM="dumb")
        env["MALTRACE_CACHE_DIR"] = str(Path(tmp) / ".cache")
        proc = subprocess.run(
            [*_maltrace(), *argv], cwd=ROOT, env=env, capture_output=True, check=False
        )
        body = proc.stdout
        if written is not None:
            target = Path(tmp) / written
            body += b"\n=== file\n" + (_reduce(target) if target.exists() else b"(not written)")
        stderr = proc.stderr.replace(tmp.encode(), b"{O}").replace(str(ROOT).encode(), b"{ROOT}")
        body = body.replace(tmp.encode(), b"{O}").replace(str(ROOT).encode(), b"{ROOT}")
        (out / name).write_bytes(body)
        (out / f"{name}.meta").write_bytes(f"exit {proc.returncode}\n".encode() + stderr)


def record(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    # A fixed path: the reports name the plan files, and a table's widths follow their length.
    generated = Path(tempfile.gettempdir()) / "maltrace-outputs" / "k1"
    shutil.rmtree(generated, ignore_errors=True)
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks/generate.py"), "kommunar", "1", str(generated)],
        check=True,
        capture_output=True,
    )
    sets = {"plans": "plans", "findings": "tests/data/findings", "k1": str(generated)}
    for label, plans in sets.items():
        folder = out / label
        folder.mkdir(exist_ok=True)
        for name, args, written in COMMANDS:
            _run(name, args, written, plans, folder)
            print(f"{label}/{name}", flush=True)
    folder = out / "once"
    folder.mkdir(exist_ok=True)
    for name, args, written in ONCE:
        _run(name, args, written, "", folder)
        print(f"once/{name}", flush=True)


def compare(a: Path, b: Path) -> int:
    names = sorted(
        {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
        | {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    )
    differ = [
        n
        for n in names
        if not (a / n).exists()
        or not (b / n).exists()
        or (a / n).read_bytes() != (b / n).read_bytes()
    ]
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(names) - len(differ)} same, {len(differ)} differ")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="verb", required=True)
    sub.add_parser("record").add_argument("out", type=Path)
    cmp_ = sub.add_parser("compare")
    cmp_.add_argument("a", type=Path)
    cmp_.add_argument("b", type=Path)
    ns = parser.parse_args()
    if ns.verb == "record":
        if ns.out.exists():
            shutil.rmtree(ns.out)
        record(ns.out)
        return 0
    return compare(ns.a, ns.b)


if __name__ == "__main__":
    raise SystemExit(main())

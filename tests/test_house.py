"""The house keeps its plan: small rooms, no circles, the command line outside the library,
and code that speaks of itself rather than of a tracker."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import grimp
import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "maltrace"
MAX_LINES = 600


def test_no_module_is_bigger_than_a_reader_holds_in_mind() -> None:
    big = {
        str(p.relative_to(SRC)): n
        for p in SRC.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert big == {}


def test_no_modules_import_each_other_in_a_circle() -> None:
    graph = grimp.build_graph("maltrace")
    imports = nx.DiGraph()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            imports.add_edge(module, imported)
    circles = [sorted(c) for c in nx.strongly_connected_components(imports) if len(c) > 1]
    assert circles == []


def test_no_tracker_numbers_in_code_or_tests() -> None:
    pattern = re.compile(r"\bissue\s*#?\d+|\btask\s+\d+\b", re.IGNORECASE)
    found = [
        f"{p.relative_to(ROOT)}:{i}"
        for folder in (SRC, ROOT / "tests", ROOT / "benchmarks", ROOT / "tools")
        for p in folder.rglob("*")
        if p.suffix in (".py", ".yaml", ".js", ".j2", ".css")
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line) and p.name != "test_house.py"
    ]
    assert found == []


def test_the_help_loads_no_library_layer() -> None:
    # ``maltrace --help`` and a mistyped option must not pay for pydantic, networkx or the
    # report stack: the command line imports the library inside each command.
    code = (
        "import sys; sys.argv = ['maltrace', '--help']\n"
        "from maltrace.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('pydantic', 'networkx', 'docx', 'openpyxl', 'matplotlib', 'jinja2', 'yaml')"
        " or m.startswith(('maltrace.load', 'maltrace.analysis', 'maltrace.render'))]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_a_check_loads_no_report_stack() -> None:
    code = (
        "import sys; sys.argv = ['maltrace', 'check', 'plans', '--format', 'json']\n"
        "from maltrace.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('docx', 'openpyxl', 'matplotlib', 'jinja2', 'graphviz_pure', 'svglib', 'reportlab')"
        " or m.startswith(('maltrace.render.document', 'maltrace.render.diagram'))]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=ROOT)


def test_a_warm_check_reads_its_cached_result_without_the_reader_or_the_graph(
    tmp_path: Path,
) -> None:
    code = (
        "import sys, io, contextlib\n"
        "sys.argv = ['maltrace', 'check', 'plans', '--format', 'json']\n"
        "from maltrace.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        main()\n    except SystemExit:\n        pass\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'yaml', 'networkx'})\n"
        "assert not heavy, heavy\n"
    )
    env = {**__import__("os").environ, "MALTRACE_CACHE_DIR": str(tmp_path)}
    first = [sys.executable, "-m", "maltrace", "check", "plans", "--format", "json"]
    subprocess.run(first, cwd=ROOT, env=env, capture_output=True)
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env=env, capture_output=True)

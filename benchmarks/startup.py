"""How fast maltrace starts: ``maltrace --help``, and a warm ``check`` (nothing changed since the
last run, so the result comes from the cache) of the generated 20,000-strategy set.

    python benchmarks/startup.py [--repeat 7]

Prints the best and the median wall time of each, over whole processes, and which modules a
warm check imports (none of the report stack, the YAML reader or networkx should be there).
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

ROOT = Path(__file__).resolve().parent.parent
MALTRACE = str(Path(sys.executable).with_name("maltrace"))


def _times(argv: list[str], repeat: int, env: dict[str, str]) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    ns = parser.parse_args()
    data = Path(tempfile.gettempdir()) / "maltrace-bench-doorstop"
    plans = data / "maltrace"
    if not plans.exists():
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks/generate.py"), "doorstop", str(data)],
            check=True,
        )
    env = dict(os.environ, MALTRACE_CACHE_DIR=tempfile.mkdtemp())
    check = [MALTRACE, "check", str(plans), "--format", "json"]
    subprocess.run(check, env=env, stdout=subprocess.DEVNULL)  # fill the cache
    for label, argv in (("maltrace --help", [MALTRACE, "--help"]), ("warm check", check)):
        times = _times(argv, ns.repeat, env)
        print(f"{label}: best {min(times):.3f} s, median {statistics.median(times):.3f} s")
    probe = (
        "import sys, io, contextlib\n"
        f"sys.argv = ['maltrace', 'check', {str(plans)!r}, '--format', 'json']\n"
        "from maltrace.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        main()\n    except SystemExit:\n        pass\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'yaml', 'networkx', 'docx', 'openpyxl', 'matplotlib', 'jinja2', 'graphviz_pure'})\n"
        "print('warm check imports of the heavy libraries:', heavy or 'none')\n"
    )
    subprocess.run([sys.executable, "-c", probe], env=env, check=True)


if __name__ == "__main__":
    main()

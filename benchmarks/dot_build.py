"""Should the DOT be written with the ``graphviz`` package? Times and output compared.

    python benchmarks/dot_build.py [PLANS]   # default: the generated 2,000-node kommune

Builds the overview's DOT of the set (what ``maltrace diagram -o x.dot`` writes) and times it;
then quotes every title of the set for a DOT label both ways — maltrace's ``dot.label`` and the
``graphviz`` package's ``quote`` — and says how long each takes and where they differ.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    import graphviz.quoting  # not a dependency: pip install graphviz to run this

    from maltrace import api
    from maltrace.render.diagram import build_diagram
    from maltrace.render.diagram import dot as ours

    if len(sys.argv) > 1:
        plans = Path(sys.argv[1])
    else:
        plans = Path(tempfile.gettempdir()) / "maltrace-bench-k1"
        if not plans.exists():
            subprocess.run(
                [sys.executable, str(ROOT / "benchmarks/generate.py"), "kommunar", "1", str(plans)],
                check=True,
            )
    analysis = api.check(plans)
    best = min(_time(lambda: build_diagram(analysis)) for _ in range(3))
    titles = [str(d["title"]) for _, d in analysis.graph.nodes(data=True)] * 10
    t_ours = min(_time(lambda: [ours.label([t]) for t in titles]) for _ in range(3))
    t_theirs = min(_time(lambda: [graphviz.quoting.quote(t) for t in titles]) for _ in range(3))
    differ = sum(ours.label([t]) != graphviz.quoting.quote(t) for t in set(titles))
    print(f"overview DOT of {analysis.graph.number_of_nodes()} nodes: {best * 1000:.0f} ms")
    ms = f"maltrace {t_ours * 1000:.1f} ms, graphviz.quote {t_theirs * 1000:.1f} ms"
    print(f"{len(titles)} labels: {ms}")
    print(f"labels that differ: {differ} of {len(set(titles))}")
    hostile = 'Tittel med "sitat", \\N, <b>&amp;'
    theirs = graphviz.quoting.quote(hostile)
    print(f"hostile title: maltrace {ours.label([hostile])}  graphviz {theirs}")


def _time(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


if __name__ == "__main__":
    main()

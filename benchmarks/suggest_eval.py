"""Recall of ``maltrace suggest``: take real links away and ask for them back.

For every node with a valid ``follows_up`` link, rank the goals and strategies of the plans its
plan follows (exactly what ``suggest`` offers an orphan) and count how often a true target is
first (recall@1) or among the first three (recall@3). Two cases:

- "others linked" (rullering: most links are there, a few are missing): the node's own links are
  left out, and what else already follows a goal up counts as evidence (``W_EVIDENCE``);
- "none linked" (a plan just imported or written: nothing is linked yet): no evidence.

The same pools are ranked by a plain character-4-gram TF-IDF of the titles (the baseline).

    python benchmarks/suggest_eval.py                    # plans/, generated sets, real tuning sets
    python benchmarks/suggest_eval.py --held-out         # also the held-out fixtures (not for tuning)
    python benchmarks/suggest_eval.py --speed DIR        # time suggest on DIR against a cold check
    python benchmarks/suggest_eval.py --engine both      # ranked by words and meaning fused
    python benchmarks/suggest_eval.py --speed-engines DIR  # suggest cold and warm, words and both

Generated sets ("themed"): a samfunnsdel whose goals use the benchmark generator's goal phrases
(one goal per phrase, random subject and qualifier) and kommunedelplanar whose strategies use its
strategy phrases; each strategy follows up the goals its phrase serves by meaning (THEMES below),
so the truth comes from what the words mean, not from shared words.
"""

from __future__ import annotations

import argparse
import math
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate as gen  # noqa: E402

# OBJECTS[i] (strategy phrase) -> indices of GOAL_PREDICATES it serves, by meaning.
THEMES: dict[int, tuple[int, ...]] = {
    0: (2, 4),
    1: (1, 4),
    2: (5,),
    3: (1, 4),
    4: (8,),
    5: (0, 11),
    6: (3,),
    7: (9, 5),
    8: (7,),
    9: (13,),
    10: (11,),
    11: (6,),
    12: (8,),
    13: (10,),
    14: (3,),
    15: (5,),
}


# GOAL_PREDICATES[i] -> the index in AREAS of the satsingsområde it belongs under, by meaning.
AREA_OF_PREDICATE = (0, 0, 0, 7, 0, 1, 2, 3, 4, 1, 6, 5, 1, 7)


def themed_set(out: Path, lang: str, seed: int, strategies: int = 120) -> None:
    """One samfunnsdel (a goal per goal phrase, in areas) and three kommunedelplanar."""
    r = random.Random(f"themed-{lang}-{seed}")
    preds = gen.GOAL_PREDICATES[lang]
    areas = gen.AREAS[lang]
    kps = gen.Plan(id="KPS", type="samfunnsplan", title="Samfunnsdel", language=lang)
    for a, title in enumerate(areas, start=1):
        kps.areas.append(gen.Node(id=f"KPS-{a}", title=title))
    goal_ids: dict[int, str] = {}
    for i, pred in enumerate(preds):
        area = kps.areas[AREA_OF_PREDICATE[i]]
        gid = f"{area.id}.{len(area.goals) + 1}"
        goal_ids[i] = gid
        title = r.choice(gen.GOAL_SUBJECTS[lang]) + " " + pred + r.choice(gen.QUALIFIERS[lang])
        area.goals.append(gen.Node(id=gid, title=title + "."))
    kps.areas = [a for a in kps.areas if a.goals]
    (out / "kps.yaml").write_text(kps.yaml(), encoding="utf-8")
    objs = gen.OBJECTS[lang]
    per_plan = strategies // 3
    for p in range(3):
        kdp = gen.Plan(
            id=f"KDP{p}",
            type="kommunedelplan",
            title="Kommunedelplan",
            language=lang,
            follows=["KPS"],
        )
        for s in range(per_plan):
            o = r.randrange(len(objs))
            title = (
                r.choice(gen.STRATEGY_VERBS[lang]) + " " + objs[o] + r.choice(gen.QUALIFIERS[lang])
            )
            targets = [goal_ids[g] for g in THEMES[o]]
            kdp.strategies.append(gen.Node(id=f"KDP{p}-{s + 1}", title=title, follows_up=targets))
        (out / f"kdp{p}.yaml").write_text(kdp.yaml(), encoding="utf-8")


# -- the baseline: character 4-grams of the titles, TF-IDF, cosine ----------------------------


def _grams(text: str) -> dict[str, int]:
    s = f"  {text.lower()}  "
    out: dict[str, int] = {}
    for i in range(len(s) - 3):
        g = s[i : i + 4]
        out[g] = out.get(g, 0) + 1
    return out


def baseline_ranker(graph: object) -> Callable[[str, list[str]], list[str]]:
    nodes = graph.nodes  # type: ignore[attr-defined]
    grams = {n: _grams(d["title"]) for n, d in nodes(data=True)}
    df: dict[str, int] = {}
    for g in grams.values():
        for k in g:
            df[k] = df.get(k, 0) + 1
    n = len(grams)
    vecs = {}
    for node, g in grams.items():
        v = {k: c * (math.log((n + 1) / (df[k] + 1)) + 1) for k, c in g.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs[node] = {k: x / norm for k, x in v.items()}

    def rank(node: str, pool: list[str]) -> list[str]:
        q = vecs[node]
        score = {c: sum(w * vecs[c].get(k, 0.0) for k, w in q.items()) for c in pool}
        return sorted(pool, key=lambda c: -score[c])

    return rank


# -- recall -------------------------------------------------------------------------------------


ENGINE = "words"  # which engine ranks: words, meaning or both (--engine)


def evaluate(paths: list[Path], only: set[str] | None = None) -> dict[str, float]:
    """Recall over every valid link (of nodes in the plans ``only`` when given): ``r1``/``r3``
    with the other links as evidence, ``f1``/``f3`` with none, ``b1``/``b3`` the baseline."""
    from maltrace.analysis import analyse
    from maltrace.analysis.meaning import Meanings
    from maltrace.analysis.suggest import Matcher, plan_groups, relevant_of, upward_pool
    from maltrace.graph import FOLLOWS_UP, build_graph
    from maltrace.load import load_plan_set

    graph = build_graph(load_plan_set(paths))
    analysis = analyse(graph)
    valid: dict[str, set[str]] = {}
    for link in analysis.links:
        valid.setdefault(link.source, set()).add(link.target)
    groups = plan_groups(graph)
    meanings = Meanings(graph) if ENGINE != "words" else None
    matchers = {g: Matcher(graph, sorted(g), meanings, ENGINE) for g in set(groups.values())}
    base = baseline_ranker(graph)
    hits = {"r1": 0, "r3": 0, "f1": 0, "f3": 0, "b1": 0, "b3": 0}
    relevant: dict[str, frozenset[str]] = {}
    if only is not None:
        valid = {n: t for n, t in valid.items() if graph.nodes[n]["plan"] in only}
    for node, truth in valid.items():
        plan = graph.nodes[node]["plan"]
        if plan not in relevant:
            relevant[plan] = relevant_of(graph, plan)
        pool = upward_pool(graph, node)
        matcher = matchers[groups[graph.nodes[node]["plan"]]]
        for evidence, k1, k3 in ((True, "r1", "r3"), (False, "f1", "f3")):
            ranked = [c.id for c in matcher.rank(node, pool, 3, relevant[plan], evidence=evidence)]
            hits[k1] += bool(ranked[:1] and ranked[0] in truth)
            hits[k3] += bool(truth & set(ranked[:3]))
        b = base(node, pool)
        hits["b1"] += bool(b[:1] and b[0] in truth)
        hits["b3"] += bool(truth & set(b[:3]))
        assert not any(graph.edges[node, t]["kind"] != FOLLOWS_UP for t in truth)
    n = len(valid)
    return {"queries": n, **{k: v / n for k, v in hits.items()}}


def pooled(folders: list[Path]) -> dict[str, float]:
    """Recall over several plan sets (one kommune each), every link counting once."""
    total: dict[str, float] = {}
    for folder in folders:
        r = evaluate([folder])
        for k, v in r.items():
            total[k] = total.get(k, 0.0) + (v if k == "queries" else v * r["queries"])
    n = total["queries"]
    return {k: (v if k == "queries" else v / n) for k, v in total.items()}


def kommunar(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_dir())


def recall_report(held_out: bool, each: bool = False) -> list[tuple[str, dict[str, float]]]:
    rows: list[tuple[str, dict[str, float]]] = []
    rows.append(("plans/ (example, nn)", evaluate([ROOT / "plans"])))
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("nn", "nb"):
            for seed in (1, 2):
                d = Path(tmp) / f"{lang}{seed}"
                d.mkdir()
                themed_set(d, lang, seed)
                rows.append((f"generated themed set, {lang}, seed {seed}", evaluate([d])))
    real = ROOT / "tests" / "fixtures" / "suggest_real"
    rows.append(
        ("real (tuning): Hamar 2018-2030, nb, area-level", evaluate([real / "tuning" / "hamar"]))
    )
    tuning = kommunar(real / "tuning" / "buskerud")
    rows.append((f"real (tuning): Buskerud, {len(tuning)} kommunar", pooled(tuning)))
    if each:
        rows += [(f"  {k.name}", evaluate([k])) for k in tuning]
    if not held_out:
        return rows
    held = ROOT / "tests" / "fixtures" / "suggest_heldout"
    rows.append(
        (
            "HELD OUT: real goals, nb strategies",
            evaluate([held / "mal.yaml", held / "strategiar.yaml"]),
        )
    )
    rows.append(
        (
            "HELD OUT: SDG nn goals <- nb names",
            evaluate([held / "sdg-nn.yaml", held / "sdg-nb.yaml"]),
        )
    )
    randaberg = real / "heldout" / "randaberg"
    rows.append(
        (
            "HELD OUT, real: Randaberg samfunnsdel, strategies -> goals (nb)",
            evaluate([randaberg], only={"RAN-STR"}),
        )
    )
    rows.append(
        (
            "HELD OUT, real: Randaberg oppvekstplan -> samfunnsdel strategies",
            evaluate([randaberg], only={"RAN-OPP"}),
        )
    )
    busk = kommunar(real / "heldout" / "buskerud")
    rows.append((f"HELD OUT, real: Buskerud, {len(busk)} kommunar", pooled(busk)))
    if each:
        rows += [(f"  {k.name}", evaluate([k])) for k in busk]
    return rows


def speed(path: Path) -> None:
    def run(args: list[str]) -> float:
        with tempfile.TemporaryDirectory() as cache:
            t0 = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "maltrace", *args],
                capture_output=True,
                check=False,
                env={"MALTRACE_CACHE_DIR": cache, "PATH": "/usr/bin:/bin"},
            )
            return time.perf_counter() - t0

    check = min(run(["check", str(path), "--format", "json"]) for _ in range(3))
    sug = min(run(["suggest", str(path), "--format", "json", "--engine", ENGINE]) for _ in range(3))
    print(f"check cold {check:.2f} s, suggest cold {sug:.2f} s, ratio {sug / check:.2f}x")


def speed_engines(path: Path) -> None:
    """``suggest DIR --format json`` per engine, whole process: cold (an empty cache folder) and
    warm (the same folder again, nothing changed), best of 3 each."""

    def once(args: list[str], cache: str) -> float:
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "maltrace", *args],
            capture_output=True,
            check=True,
            env={"MALTRACE_CACHE_DIR": cache, "PATH": "/usr/bin:/bin"},
        )
        return time.perf_counter() - t0

    for engine in ("words", "both"):
        args = ["suggest", str(path), "--format", "json", "--engine", engine]
        cold, warm = [], []
        for _ in range(3):
            with tempfile.TemporaryDirectory() as cache:
                cold.append(once(args, cache))
                warm.append(once(args, cache))
        print(f"{engine}: cold {min(cold):.2f} s, warm {min(warm):.2f} s (best of 3)")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--speed", type=Path)
    ap.add_argument("--speed-engines", type=Path, help="suggest DIR cold and warm, per engine")
    ap.add_argument(
        "--held-out", action="store_true", help="also the held-out fixture (not for tuning)"
    )
    ap.add_argument("--each", action="store_true", help="a row per kommune of the real sets too")
    ap.add_argument("--engine", choices=("words", "meaning", "both"), default="words")
    args = ap.parse_args()
    global ENGINE
    ENGINE = args.engine
    if args.speed:
        speed(args.speed)
        return 0
    if args.speed_engines:
        speed_engines(args.speed_engines)
        return 0
    print("| set | links | others linked @1 / @3 | none linked @1 / @3 | baseline @1 / @3 |")
    print("|---|---:|---:|---:|---:|")
    for name, r in recall_report(args.held_out, args.each):
        print(
            f"| {name} | {r['queries']:.0f} | {r['r1']:.2f} / {r['r3']:.2f} "
            f"| {r['f1']:.2f} / {r['f3']:.2f} | {r['b1']:.2f} / {r['b3']:.2f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

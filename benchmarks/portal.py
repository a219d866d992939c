"""Benchmark the plan portal's records: import, and diff of two versions against a cold check.

The set is generated (seeded): one samfunnsdel (a vision, 5 satsingsområde, 40 goals, 400
strategies) and 39 temaplanar whose goals each sit under a samfunnsdel strategy and hold
strategies of their own: 20,000 records in ``maal.json`` in all, as a Dataverse export writes
them (one flat list, GUIDs, parents by GUID). Version 2: 10 records reworded, 5 removed, 5
added, 5 moved to another parent, all in the samfunnsdel and two temaplanar (a revision as it
usually comes); version 3: the same changes spread over the whole set.

Timed, each the median of ``--repeat`` runs:

- the library: ``maltrace.api.import_portal`` of the 20,000 records in a process that has
  already imported maltrace (the goal: at most 2 s), and of Randaberg's real newest
  ``maal.json`` (93 records);
- whole processes (``python -m maltrace``), empty cache each: ``import``, a cold ``check`` of the
  imported version 2, ``diff`` of the imported versions 1 and 2 (and 1 and 3), and ``diff`` of
  the portal folders 1 and 2 as they are (the goal: a diff at most 1.5 × the cold check).

The machine is shared: wall times swing with its load, so CPU seconds are given beside them.

Usage: ``python benchmarks/portal.py [--repeat 3]``
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from diff import cold  # noqa: E402  (the same process timing as the diff benchmark)

DATA = HERE / "data" / "portal"
REAL = HERE.parent / "tests" / "fixtures" / "portal" / "852a941"
WORDS = [
    "trygg",
    "oppvekst",
    "gode",
    "bumiljø",
    "klima",
    "natur",
    "helse",
    "meistring",
    "fellesskap",
    "berekraft",
    "næring",
    "frivillig",
    "samhandling",
    "kompetanse",
    "innovasjon",
    "inkludering",
    "kultur",
    "mobilitet",
    "beredskap",
]


def _guid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _title(rng: random.Random) -> str:
    words = rng.sample(WORDS, rng.randint(4, 9))
    return (" ".join(words) + ".").capitalize()


def generate(
    seed: int = 7, total: int = 20_000
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rng = random.Random(seed)
    plans: list[dict[str, Any]] = []
    records: list[dict[str, Any]] = []

    def plan(name: str, code: int) -> str:
        pid = _guid(rng)
        plans.append(
            {
                "planID": pid,
                "planTyper": code,
                "planVisningskode": None,
                "planGjelderFra": "2026-01-05T23:00:00Z",
                "planGjelderTil": "2039-12-31T00:00:00Z",
                "planStatus": 701100001,
                "plan_vedtatt_sak": None,
                "planNavn": name,
            }
        )
        return pid

    def rec(pid: str, code: int, parent: str | None) -> str:
        gid = _guid(rng)
        tags = "; ".join("#" + w.capitalize() for w in rng.sample(WORDS, 2))
        records.append(
            {
                "maalID": gid,
                "maalNavn": _title(rng),
                "maalType": code,
                "maalOverordnet": parent,
                "maalPlan": pid,
                "maalEmneknagger": tags,
            }
        )
        return gid

    kps = plan("Kommuneplanens samfunnsdel 2026-2040", 701100000)
    vision = rec(kps, 701100000, None)
    strategies: list[str] = []
    for _ in range(5):
        area = rec(kps, 701100001, vision)
        for _ in range(8):
            goal = rec(kps, 701100002, area)
            strategies += [rec(kps, 701100003, goal) for _ in range(10)]
    n = 0
    while len(records) < total:
        n += 1
        pid = plan(f"Temaplan {n}", 701100001)
        for _ in range(50):
            goal = rec(pid, 701100002, rng.choice(strategies))
            for _ in range(9):
                if len(records) < total:
                    rec(pid, 701100003, goal)
    return plans, records[:total]


def version_2(
    records: list[dict[str, Any]], plans: set[str] | None = None, seed: int = 8
) -> list[dict[str, Any]]:
    """The changes above, in the records of ``plans`` (None: anywhere in the set)."""
    rng = random.Random(seed)
    out = [dict(r) for r in records]
    strategies = [
        i
        for i, r in enumerate(out)
        if r["maalType"] == 701100003 and (plans is None or r["maalPlan"] in plans)
    ]
    for i in rng.sample(strategies, 10):
        out[i]["maalNavn"] += " Revidert."
    goals = [r["maalID"] for r in out if r["maalType"] == 701100002]
    for i in rng.sample(strategies, 5):
        out[i]["maalOverordnet"] = rng.choice(goals)  # moved
    gone = set(rng.sample(strategies, 5))
    out = [r for i, r in enumerate(out) if i not in gone]
    parents = [r for r in out if plans is None or r["maalPlan"] in plans]
    for i in range(5):
        parent = parents[rng.randrange(len(parents))]
        out.append(
            {
                **parent,
                "maalID": _guid(rng),
                "maalNavn": f"Ny strategi {i}.",
                "maalType": 701100003,
                "maalOverordnet": parent["maalID"],
            }
        )
    return out


def write(folder: Path, plans: list[dict[str, Any]], records: list[dict[str, Any]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.json").write_text(json.dumps(plans, ensure_ascii=False), encoding="utf-8")
    (folder / "maal.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return folder


def library(folder: Path, repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``api.import_portal`` in this process."""
    from maltrace import api

    walls, cpus = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            start, cpu = time.perf_counter(), time.process_time()
            api.import_portal(folder, Path(tmp) / "plans")
            walls.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    opts = ap.parse_args()
    plans, records = generate()
    if DATA.exists():
        shutil.rmtree(DATA)
    v1 = write(DATA / "v1", plans, records)
    # A revision as it usually comes: the samfunnsdel and two temaplanar changed (v2); and the
    # same changes spread over the whole set, most plans touched (v3).
    revised = {plans[0]["planID"], plans[1]["planID"], plans[2]["planID"]}
    v2 = write(DATA / "v2", plans, version_2(records, revised))
    v3 = write(DATA / "v3", plans, version_2(records))
    from maltrace import api

    out1, out2, out3 = DATA / "imported-v1", DATA / "imported-v2", DATA / "imported-v3"
    api.import_portal(v1, out1)
    api.import_portal(v2, out2)
    api.import_portal(v3, out3)
    real = library(REAL, opts.repeat)
    big = library(v1, opts.repeat)
    check = cold(["check", str(out2), "--format", "json"], opts.repeat)
    rows = [
        ("import, process (20,000 records)", cold(["import", str(v1), "-o", str(DATA / "p")], 1)),
        ("cold check of imported v2", check),
        (
            "cold diff of the imported versions (3 plans changed)",
            cold(["diff", str(out1), str(out2), "--format", "json"], opts.repeat),
        ),
        (
            "cold diff of the imported versions (changes in most plans)",
            cold(["diff", str(out1), str(out3), "--format", "json"], opts.repeat),
        ),
        (
            "cold diff of the portal folders",
            cold(["diff", str(v1), str(v2), "--format", "json"], opts.repeat),
        ),
    ]
    print(f"records: {len(records)} in {len(plans)} plans")
    print(
        "library import, Randaberg's newest maal.json (93 records): "
        f"{real[0] * 1000:.0f} ms wall, {real[1] * 1000:.0f} ms CPU"
    )
    print(f"library import, 20,000 records: {big[0]:.2f} s wall, {big[1]:.2f} s CPU")
    print()
    print("| run | wall s | × cold check (wall) | CPU s |")
    print("|---|---:|---:|---:|")
    for name, (wall, cpu) in rows:
        print(f"| {name} | {wall:.2f} | {wall / check[0]:.2f} | {cpu:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

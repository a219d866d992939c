"""Measure ``maltrace serve`` on loopback: start-up, an edit's round trip, reads under load with
two editors, and a SIGKILL in the middle of a stream of edits.

    python benchmarks/serve.py                 # every figure (about 2 minutes)
    python benchmarks/serve.py --only example  # one part: example, k1, doorstop, load, kill

Every server is started here on 127.0.0.1 with a free port and stopped here; every loop is
bounded in count and time. The sets are copied to a temporary folder first: the edits never
touch the repository's plans. Cold figures use an empty cache folder.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"
PY = sys.executable


class Server:
    """``maltrace serve FOLDER --port 0`` in a process of its own, cache in ``cache``."""

    def __init__(self, folder: Path, cache: Path) -> None:
        self.token = secrets.token_urlsafe(24)
        env = {**os.environ, "MALTRACE_TOKEN": self.token, "MALTRACE_CACHE_DIR": str(cache)}
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [PY, "-m", "maltrace", "serve", str(folder), "--port", "0"],
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert self.proc.stderr is not None
        url = ""
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and not url:
            line = self.proc.stderr.readline()
            if not line:
                break
            found = re.search(r"(http://127\.0\.0\.1:\d+)/\?token=", line)
            if found:
                url = found.group(1)
        if not url:
            self.proc.kill()
            raise SystemExit("maltrace serve did not start")
        self.url = url
        threading.Thread(target=self._drain, daemon=True).start()
        self.headers = {"X-Maltrace-Token": self.token, "Origin": url}

    def _drain(self) -> None:
        assert self.proc.stderr is not None
        for _ in self.proc.stderr:
            pass

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers=self.headers, timeout=60)

    def ready(self) -> float:
        """Seconds from the process's start to the first answer of /api/check."""
        with self.client() as c:
            response = c.get("/api/check")
            response.raise_for_status()
        return time.perf_counter() - self.started

    def cpu(self) -> float:
        """CPU seconds the server has used so far (user + system; Linux)."""
        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def copy_set(source: Path, into: Path) -> Path:
    target = into / source.name
    shutil.copytree(source, target)
    return target


def cold_check(folder: Path, cache: Path) -> float:
    env = {**os.environ, "MALTRACE_CACHE_DIR": str(cache)}
    started = time.perf_counter()
    subprocess.run(
        [PY, "-m", "maltrace", "check", str(folder), "--format", "json"],
        capture_output=True,
        env=env,
        check=False,
    )
    return time.perf_counter() - started


def round_trips(server: Server, edits: list[dict[str, Any]], kind: str = "status") -> list[float]:
    """Each edit: POST, then /api/check until it shows the edit; seconds each."""
    out: list[float] = []
    with server.client() as c:
        for edit in edits:
            base = c.get("/api/version").json()["version"]
            started = time.perf_counter()
            response = c.post(f"/api/{kind}", json={**edit, "base": base})
            response.raise_for_status()
            check = c.get("/api/check")
            check.raise_for_status()
            out.append(time.perf_counter() - started)
    return out


def link_edits(c: httpx.Client, count: int) -> list[dict[str, Any]]:
    """Add, and remove again, a link from something that already follows up a goal to another
    goal of the same plan: ``count`` edits."""
    check = c.get("/api/check").json()
    for goal in check["goals"]:
        for follower in goal["followed_up_by"]:
            have = _links_of(check, follower)
            targets = [
                g["id"] for g in check["goals"] if g["plan"] == goal["plan"] and g["id"] not in have
            ]
            if targets:
                one = {"node": follower, "add": [targets[-1]]}
                back = {"node": follower, "remove": [targets[-1]]}
                return [one if i % 2 == 0 else back for i in range(count)]
    raise SystemExit("no link to edit")


def _links_of(check: dict[str, Any], node: str) -> set[str]:
    return {g["id"] for g in check["goals"] if node in g["followed_up_by"]}


def status_edits(node: str, count: int) -> list[dict[str, Any]]:
    return [{"node": node, "status": ("done" if i % 2 == 0 else "ongoing")} for i in range(count)]


def first_measure(folder: Path) -> str:
    for path in sorted(folder.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "type: handlingsdel" in text:
            found = re.search(r"^  - id: (\S+)", text[text.find("measures:") :], re.M)
            if found:
                return found.group(1)
    raise SystemExit(f"no handlingsdel tiltak in {folder}")


def measure_set(name: str, source: Path, tmp: Path, edits: int, kind: str) -> dict[str, Any]:
    folder = copy_set(source, tmp / name)
    cache = tmp / f"{name}-cache"
    cold = cold_check(folder, tmp / f"{name}-check-cache")
    server = Server(folder, cache)
    try:
        ready = server.ready()
        ready_cpu = server.cpu()
        if kind == "links":
            with server.client() as c:
                todo = link_edits(c, edits)
            times = round_trips(server, todo, "links")
        else:
            times = round_trips(server, status_edits(first_measure(folder), edits))
    finally:
        server.stop()
    return {
        "set": name,
        "cold_check_s": round(cold, 2),
        "ready_s": round(ready, 2),
        "ready_cpu_s": round(ready_cpu, 2),
        "edits": len(times),
        "edit_median_ms": round(statistics.median(times) * 1000),
        "edit_max_ms": round(max(times) * 1000),
    }


# -- load: 20 readers, two editors --------------------------------------------------------------


def load(source: Path, tmp: Path, seconds: float, readers: int) -> dict[str, Any]:
    folder = copy_set(source, tmp / "load")
    server = Server(folder, tmp / "load-cache")
    server.ready()
    stop = time.monotonic() + seconds
    reads: list[float] = []
    errors: list[str] = []
    accepted: dict[str, str] = {}
    refused = {"409": 0, "422": 0}
    made = {"n": 0}
    lock = threading.Lock()

    def reader(i: int) -> None:
        with server.client() as c:
            n = 0
            while time.monotonic() < stop and n < 100_000:
                path = "/api/check" if n % 2 else ("/" if i % 2 else "/?node=HSO-1.1")
                started = time.perf_counter()
                try:
                    response = c.get(path)
                    ok = response.status_code == 200
                except httpx.HTTPError as exc:
                    ok, response = False, None
                    with lock:
                        errors.append(f"read {path}: {exc}")
                elapsed = time.perf_counter() - started
                with lock:
                    reads.append(elapsed)
                    if not ok and response is not None:
                        errors.append(f"read {path}: {response.status_code}")
                n += 1

    def editor(node: str) -> None:
        codes = ["done", "ongoing", "postponed", "not-started"]
        with server.client() as c:
            i = 0
            while time.monotonic() < stop and i < 10_000:
                code = codes[i % len(codes)]
                base = c.get("/api/version").json()["version"]
                response = c.post("/api/status", json={"node": node, "status": code, "base": base})
                with lock:
                    if response.status_code == 200:
                        accepted[node] = code
                        made["n"] += 1
                    elif str(response.status_code) in refused:
                        refused[str(response.status_code)] += 1
                    else:
                        errors.append(f"edit {node}: {response.status_code} {response.text[:80]}")
                i += 1

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(readers)]
    threads += [threading.Thread(target=editor, args=(n,)) for n in ("HP-2", "HP-3")]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=seconds + 120)
    # Every accepted edit is in the file: each node holds the last status accepted for it.
    with server.client() as c:
        check = c.get("/api/status", params={"today": "2026-01-01"})
        check.raise_for_status()
    server.stop()
    text = (folder / "handlingsdel-2025-2028.yaml").read_text(encoding="utf-8")
    words = {
        "done": "fullført",
        "ongoing": "pågår",
        "postponed": "utsett",
        "not-started": "ikkje starta",
    }
    kept = all(
        re.search(rf"- id: {node}\n(?:    .*\n)*?    status: {re.escape(words[code])}\n", text)
        for node, code in accepted.items()
    )
    reads.sort()
    return {
        "readers": readers,
        "seconds": seconds,
        "reads": len(reads),
        "read_p50_ms": round(reads[len(reads) // 2] * 1000, 1),
        "read_p95_ms": round(reads[int(len(reads) * 0.95)] * 1000, 1),
        "edits_accepted": made["n"],
        "refused_409": refused["409"],
        "refused_422": refused["422"],
        "errors": len(errors),
        "error_sample": errors[:3],
        "accepted_edits_in_file": kept,
    }


# -- fault: SIGKILL during edits ---------------------------------------------------------------


def kill(source: Path, tmp: Path, rounds: int) -> dict[str, Any]:
    """Kill the server at a random moment of a stream of edits, ``rounds`` times; after each,
    every plan file must parse and be one of the states the edits make, and a new server must
    serve it."""
    import random

    sys.path.insert(0, str(ROOT / "src"))
    from maltrace import api

    folder = copy_set(source, tmp / "kill")
    target = folder / "handlingsdel-2025-2028.yaml"
    original = target.read_bytes()
    states = {
        original,
        original.replace(b"    status: ikkje starta\n", "    status: fullført\n".encode(), 1),
    }
    rng = random.Random(7)
    good = 0
    leftovers = 0
    for r in range(rounds):
        server = Server(folder, tmp / "kill-cache")
        server.ready()
        done = threading.Event()

        def stream(server: Server = server, done: threading.Event = done) -> None:
            with server.client() as c:
                for i in range(400):
                    if done.is_set():
                        return
                    try:
                        base = c.get("/api/version").json()["version"]
                        code = "done" if i % 2 == 0 else "not-started"
                        c.post("/api/status", json={"node": "HP-3", "status": code, "base": base})
                    except (httpx.HTTPError, ValueError):
                        return

        th = threading.Thread(target=stream)
        th.start()
        time.sleep(rng.uniform(0.2, 1.5))
        os.kill(server.proc.pid, signal.SIGKILL)
        server.proc.wait()
        done.set()
        th.join(timeout=30)
        ok = target.read_bytes() in states
        try:
            api.check_files(api.read_plans([folder]), cache=False)
        except api.LoadFailed:
            ok = False
        again = Server(folder, tmp / "kill-cache")
        try:
            again.ready()
        finally:
            again.stop()
        leftovers += len(list(folder.glob(".*.tmp")))
        for stray in folder.glob(".*.tmp"):
            stray.unlink()
        good += ok
        print(f"  kill round {r + 1}: {'ok' if ok else 'BAD'}", file=sys.stderr)
    return {"rounds": rounds, "files_whole_and_accepted": good, "temp_files_left": leftovers}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=["example", "k1", "doorstop", "load", "kill"])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--kills", type=int, default=5)
    args = parser.parse_args()
    results: dict[str, Any] = {"load_average_before": os.getloadavg(), "cores": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="maltrace-serve-bench-") as name:
        tmp = Path(name)
        example = ROOT / "plans"
        if args.only in (None, "example"):
            results["example"] = measure_set("plans", example, tmp, 20, "links")
        if args.only in (None, "k1"):
            k1 = DATA / "kommunar-1"
            if not k1.exists():
                subprocess.run(
                    [PY, str(HERE / "generate.py"), "kommunar", "1", str(k1)], check=True
                )
            results["k1"] = measure_set("kommunar-1", k1, tmp, 20, "status")
        if args.only in (None, "doorstop"):
            ds = DATA / "doorstop"
            if not ds.exists():
                subprocess.run([PY, str(HERE / "generate.py"), "doorstop", str(ds)], check=True)
            results["doorstop"] = measure_set("doorstop", ds / "maltrace", tmp, 10, "links")
        if args.only in (None, "load"):
            results["load"] = load(example, tmp, args.seconds, args.readers)
        if args.only in (None, "kill"):
            results["kill"] = kill(example, tmp, args.kills)
    results["load_average_after"] = os.getloadavg()
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

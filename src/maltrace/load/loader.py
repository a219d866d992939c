"""Reading a plan set: files -> validated ``Plan`` models, or every load error at once."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias, Union

from maltrace.load.cache import PlanCache, content_key, default_cache_dir
from maltrace.load.files import find_plan_files
from maltrace.load.load_errors import LoadError, LoadFailed
from maltrace.load.models import (
    Node,
    Plan,
)


@dataclass
class PlanSet:
    """The plans of one set, in a stable order (the order of their files)."""

    plans: list[Plan]
    files: list[Path]

    def plan(self, plan_id: str) -> Plan | None:
        for p in self.plans:
            if p.id == plan_id:
                return p
        return None


@dataclass
class PlanFiles:
    """The plan files under some paths, as read at one moment.

    ``keys`` are the content hashes of the bytes read (None for a file that could not be read,
    or when nothing is hashed because no cache is used); ``data`` holds those very bytes, so that
    what is parsed and cached is exactly what was hashed, even if a file changes meanwhile.
    """

    paths: list[str]
    files: list[Path]
    missing: list[Path]
    keys: list[str | None]
    data: list[bytes | None]

    @property
    def key(self) -> str | None:
        """One key for the whole set: its file names and their bytes. None when some file is
        missing or unreadable (such a set fails to load, and is not worth caching)."""
        if self.missing or not self.files or any(k is None for k in self.keys):
            return None
        digest = hashlib.sha256()
        for f, k in zip(self.files, self.keys, strict=True):
            digest.update(f"{f}\0{k}\0".encode("utf-8", "surrogateescape"))
        return digest.hexdigest()


def read_plan_files(paths: Sequence[str | os.PathLike[str]], *, hashed: bool = True) -> PlanFiles:
    """Find the plan files under ``paths`` and read them (hashing each when ``hashed``)."""
    files, missing = find_plan_files(paths)
    keys: list[str | None] = []
    data: list[bytes | None] = []
    for f in files:
        try:
            raw = f.read_bytes()
        except OSError:
            raw = None  # load_file reports it
        data.append(raw)
        keys.append(content_key(raw) if hashed and raw is not None else None)
    return PlanFiles([str(p) for p in paths], files, missing, keys, data)


if TYPE_CHECKING:
    from maltrace.load.parse import FileResult

# A parsed plan travels back from a worker as the bytes of its cache entry: pickled once, in
# the worker, both for the cache and for the trip.
_Parsed: TypeAlias = Union["FileResult", bytes]


def _parse_batch(
    items: list[tuple[str, bytes | None, str | None]], cache_dir: Path | None, pickled: bool
) -> list[_Parsed]:
    from maltrace.load.parse import load_file, parse_plan

    cache = PlanCache(cache_dir) if cache_dir is not None else None
    out: list[_Parsed] = []
    for name, data, key in items:
        result = load_file(name) if data is None else parse_plan(data, name)
        payload = None
        if result.plan is not None and cache is not None and key is not None:
            payload = cache.dumps(key, result.plan)
            cache.write(key, payload)
        if result.plan is None or not pickled:
            out.append(result)
        else:
            out.append(payload or pickle.dumps(("", key, result.plan), pickle.HIGHEST_PROTOCOL))
    return out


# Below this many bytes of plans to parse, starting worker processes costs more than it saves
# (measured on 2 cores: 0.4 MB, one kommune, 0.104 s serial vs 0.097 s in two processes; 4 MB,
# ten kommunar, 1.05 s vs 0.77 s).
PARALLEL_MIN_BYTES = 256_000


def load_plan_files(
    found: PlanFiles,
    *,
    cache: bool = True,
    cache_dir: str | os.PathLike[str] | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> PlanSet:
    """Validate the plans read by ``read_plan_files``; raise ``LoadFailed`` with all errors.

    ``meanwhile``: work for this process to do while worker processes parse, instead of waiting
    (run only when they do)."""
    errors = [LoadError("not-found", str(p), 0, {"path": str(p)}) for p in found.missing]
    if not found.files and not found.missing:
        errors.extend(LoadError("no-files", p, 0, {"path": p}) for p in found.paths)
    folder = Path(cache_dir) if cache_dir else default_cache_dir()
    results = _load_files(found, folder if cache else None, meanwhile)
    for r in results:
        errors.extend(r.errors)
    plans = [r.plan for r in results if r.plan is not None]
    errors.extend(duplicate_id_errors(plans))
    if errors:
        raise LoadFailed(errors, plans)
    return PlanSet(plans=plans, files=found.files)


def _load_files(
    found: PlanFiles, cache_dir: Path | None, meanwhile: Callable[[], object] | None = None
) -> list[FileResult]:
    """Load files in order: from the cache where the bytes were seen before, the rest parsed —
    on a big set in worker processes on every core. The results are the same either way."""
    from maltrace.load.parse import FileResult

    results: dict[int, FileResult] = {}
    todo: list[int] = []
    cache = PlanCache(cache_dir) if cache_dir is not None else None
    for i, f in enumerate(found.files):
        key = found.keys[i]
        plan = cache.get(key) if cache is not None and key is not None else None
        if plan is None:
            todo.append(i)
        else:
            plan.source = str(f)
            results[i] = FileResult(str(f), plan=plan)
    # A file read again now (its bytes were not kept) may have changed: it is not cached.
    items = [
        (str(found.files[i]), found.data[i], found.keys[i] if found.data[i] is not None else None)
        for i in todo
    ]
    for i, r in zip(todo, _parse_all(items, cache_dir, meanwhile), strict=True):
        results[i] = r
    return [results[i] for i in range(len(found.files))]


def _parse_all(
    items: list[tuple[str, bytes | None, str | None]],
    cache_dir: Path | None,
    meanwhile: Callable[[], object] | None = None,
) -> list[FileResult]:
    jobs = int(os.environ.get("MALTRACE_JOBS") or 0) or min(os.cpu_count() or 1, 8)
    size = sum(len(data) for _, data, _ in items if data is not None)
    if jobs < 2 or len(items) < 2 * jobs or size < PARALLEL_MIN_BYTES:
        return _serial(items, cache_dir)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Contiguous batches keep the set's order when the results are put back together; many
    # small ones keep both processes busy to the end (ten kommunar: 1.03 -> 0.97 s).
    n = min(len(items), jobs * 16)
    bounds = [len(items) * i // n for i in range(n + 1)]
    batches = [items[bounds[i] : bounds[i + 1]] for i in range(n)]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    try:
        with ProcessPoolExecutor(jobs, mp_context=context) as pool:
            parts = pool.map(_parse_batch, batches, [cache_dir] * n, [True] * n)
            if meanwhile is not None:
                meanwhile()
            return [
                _unpack(r, name)
                for part, batch in zip(parts, batches, strict=True)
                for r, (name, _, _) in zip(part, batch, strict=True)
            ]
    except Exception:  # no processes to be had, or a worker died: do it in this one
        return _serial(items, cache_dir)


def _serial(
    items: list[tuple[str, bytes | None, str | None]], cache_dir: Path | None
) -> list[FileResult]:
    parsed = _parse_batch(items, cache_dir, pickled=False)
    return [_unpack(r, name) for r, (name, _, _) in zip(parsed, items, strict=True)]


def _unpack(result: _Parsed, name: str) -> FileResult:
    from maltrace.load.parse import FileResult

    if isinstance(result, FileResult):
        return result
    plan = pickle.loads(result)[2]
    plan.source = name
    return FileResult(name, plan=plan)


def load_plan_set(
    paths: Sequence[str | os.PathLike[str]],
    *,
    cache: bool = True,
    cache_dir: str | os.PathLike[str] | None = None,
) -> PlanSet:
    """Load every plan file under ``paths``; raise ``LoadFailed`` with all errors if any.

    ``cache``: reuse plans parsed before from files with the same bytes (see ``load.cache``);
    ``cache_dir`` overrides where (default: ``MALTRACE_CACHE_DIR`` or the platform's cache).
    """
    return load_plan_files(read_plan_files(paths, hashed=cache), cache=cache, cache_dir=cache_dir)


def iter_nodes(plan: Plan) -> list[tuple[Node, Node | None]]:
    """Every node of ``plan`` with its parent node, in document order (depth first)."""
    out: list[tuple[Node, Node | None]] = []
    stack: list[tuple[Node, Node | None]] = [(n, None) for n in reversed(plan.children())]
    while stack:
        node, parent = stack.pop()
        out.append((node, parent))
        stack.extend((c, node) for c in reversed(node.children()))
    return out


def duplicate_id_errors(plans: list[Plan]) -> list[LoadError]:
    """One error per id used more than once, naming every place it is used."""
    errors: list[LoadError] = []
    plan_places: dict[str, list[Plan]] = {}
    for p in plans:
        plan_places.setdefault(p.id, []).append(p)
    for pid, same in plan_places.items():
        if len(same) > 1:
            places = ", ".join(f"{p.source}:{p.plan.line}" for p in same)
            first = same[0]
            errors.append(
                LoadError(
                    "duplicate-plan", first.source, first.plan.line, {"id": pid, "places": places}
                )
            )
    # One cheap pass to find the ids used twice; places are gathered only for those.
    seen: set[str] = set()
    twice: set[str] = set()
    for p in plans:
        for node, _ in iter_nodes(p):
            if node.id in seen:
                twice.add(node.id)
            else:
                seen.add(node.id)
    if not twice:
        return errors
    node_places: dict[str, list[tuple[str, int]]] = {}
    for p in plans:
        for node, _ in iter_nodes(p):
            if node.id in twice:
                node_places.setdefault(node.id, []).append((p.source, node.line))
    for nid, where in node_places.items():
        places = ", ".join(f"{f}:{line}" for f, line in where)
        errors.append(
            LoadError("duplicate-id", where[0][0], where[0][1], {"id": nid, "places": places})
        )
    return errors

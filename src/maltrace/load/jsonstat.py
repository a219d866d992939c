"""Indicator values from SSB's Statistikkbanken: a JSON-stat 2.0 dataset, as its API returns it.

An indicator with ``ssb: {table, contents, region, transform}`` reads its values from the file
``ssb-<table>.json`` beside its plan file (``maltrace indicators fetch`` writes it there, or a
planner saves the API's answer). One value is picked per year: the contents code, the region,
and for any other dimension of more than one category the one ``select`` names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from maltrace.errors import MaltraceError
from maltrace.load.load_errors import LoadError, LoadFailed
from maltrace.load.models import Goal, Indicator, Plan, SsbSource

_TRANSFORM = re.compile(
    r"^\s*(?P<a>-?\d+(?:[.,]\d+)?)\s*-\s*(?:x|indikatorverdi|verdi|value)\s*$", re.IGNORECASE
)
_YEAR = re.compile(r"^(\d{4})$")


class JsonStatError(MaltraceError):
    """A dataset that cannot give the values asked for: ``code`` names the catalogue text."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, **params)


@dataclass(frozen=True)
class Dataset:
    """A JSON-stat 2.0 dataset: its dimensions in order, their categories, and the values."""

    label: str
    ids: tuple[str, ...]
    sizes: tuple[int, ...]
    categories: dict[str, tuple[str, ...]]  # dimension -> category codes in index order
    roles: dict[str, tuple[str, ...]]
    values: list[float | None] | dict[int, float | None]

    def dimension(self, role: str, fallback: str) -> str | None:
        named = self.roles.get(role, ())
        if named:
            return named[0]
        return fallback if fallback in self.ids else None


def parse_dataset(data: bytes) -> Dataset:
    """The dataset in ``data``; raises ``JsonStatError`` for what is not JSON-stat 2.0."""
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise JsonStatError("not-json", reason=str(exc)) from None
    if isinstance(raw, dict) and raw.get("class") != "dataset" and "dataset" in raw:
        raw = raw["dataset"]  # JSON-stat 1.x bundles one dataset under a name
    if not isinstance(raw, dict) or raw.get("class") != "dataset":
        raise JsonStatError("not-dataset")
    ids, sizes, dims = raw.get("id"), raw.get("size"), raw.get("dimension")
    if not (isinstance(ids, list) and isinstance(sizes, list) and isinstance(dims, dict)):
        raise JsonStatError("not-dataset")
    if len(ids) != len(sizes):
        raise JsonStatError("not-dataset")
    categories: dict[str, tuple[str, ...]] = {}
    for dim, size in zip(ids, sizes, strict=True):
        cat = (dims.get(dim) or {}).get("category") or {}
        index = cat.get("index")
        if isinstance(index, list):
            codes = tuple(str(c) for c in index)
        elif isinstance(index, dict):
            codes = tuple(str(c) for c, _ in sorted(index.items(), key=lambda kv: kv[1]))
        else:
            codes = tuple(str(c) for c in (cat.get("label") or {}))
        if len(codes) != size:
            raise JsonStatError("not-dataset")
        categories[str(dim)] = codes
    values = raw.get("value")
    if isinstance(values, dict):
        values = {int(k): v for k, v in values.items()}
    elif not isinstance(values, list):
        raise JsonStatError("not-dataset")
    roles = {k: tuple(v) for k, v in (raw.get("role") or {}).items() if isinstance(v, list)}
    return Dataset(str(raw.get("label") or ""), tuple(ids), tuple(sizes), categories, roles, values)


def transform(text: str | None) -> tuple[float, float]:
    """``100 - x`` as (a, b) in ``a + b * x``; no transform is (0, 1)."""
    if not text or not text.strip():
        return 0.0, 1.0
    m = _TRANSFORM.match(text)
    if m is None:
        raise JsonStatError("bad-transform", transform=text)
    return float(m["a"].replace(",", ".")), -1.0


def series(dataset: Dataset, ssb: SsbSource) -> dict[int, float]:
    """The values by year the indicator's ``ssb`` picks from ``dataset``."""
    want: dict[str, str] = dict(ssb.select)
    contents = dataset.dimension("metric", "ContentsCode")
    if contents is None:
        raise JsonStatError("no-dimension", dimension="ContentsCode")
    want[contents] = ssb.contents
    if ssb.region is not None:
        geo = dataset.dimension("geo", "Region")
        if geo is None:
            raise JsonStatError("no-dimension", dimension="Region")
        want[geo] = ssb.region
    time = dataset.dimension("time", "Tid")
    if time is None:
        raise JsonStatError("no-dimension", dimension="Tid")
    fixed: dict[str, int] = {}
    for dim in dataset.ids:
        if dim == time:
            continue
        codes = dataset.categories[dim]
        if dim in want:
            if want[dim] not in codes:
                raise JsonStatError(
                    "no-category", dimension=dim, wanted=want[dim], codes=", ".join(codes[:12])
                )
            fixed[dim] = codes.index(want[dim])
        elif len(codes) == 1:
            fixed[dim] = 0
        else:
            raise JsonStatError("choose-category", dimension=dim, codes=", ".join(codes[:12]))
    a, b = transform(ssb.transform)
    out: dict[int, float] = {}
    for t_index, period in enumerate(dataset.categories[time]):
        m = _YEAR.match(period)
        if m is None:
            continue  # quarters and months are not an indicator's years
        pos = 0
        for dim, size in zip(dataset.ids, dataset.sizes, strict=True):
            pos = pos * size + (t_index if dim == time else fixed[dim])
        value = _value_at(dataset.values, pos)
        if value is not None:
            out[int(m[1])] = round(a + b * value, 10)
    return out


def _value_at(values: list[float | None] | dict[int, float | None], pos: int) -> float | None:
    if isinstance(values, dict):
        value = values.get(pos)
    else:
        value = values[pos] if pos < len(values) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def ssb_file(plan: Plan, table: str) -> Path:
    """Where an SSB table's dataset lies for ``plan``: ``ssb-<table>.json`` beside its file."""
    return Path(plan.source).parent / f"ssb-{table}.json"


def read_ssb_measurements(plans: Iterable[Plan]) -> dict[str, dict[int, float]]:
    """indicator id -> {year: value} from the SSB datasets beside the plans. A dataset not
    there yet gives nothing; one that is there but cannot give the values is an error
    (``LoadFailed``) naming the file, the indicator and what to do."""
    plans = list(plans)
    out: dict[str, dict[int, float]] = {}
    errors: list[LoadError] = []
    cache: dict[Path, Dataset | JsonStatError] = {}
    for plan in plans:
        for ind in _indicators(plan):
            assert ind.ssb is not None
            path = ssb_file(plan, ind.ssb.table)
            if path not in cache:
                cache[path] = _read(path) if path.is_file() else JsonStatError("missing")
            found = cache[path]
            try:
                if isinstance(found, JsonStatError):
                    raise found
                out[ind.id] = series(found, ind.ssb)
            except JsonStatError as exc:
                if exc.code == "missing":
                    continue
                params: Mapping[str, Any] = {"path": str(path), "indicator": ind.id, **exc.params}
                errors.append(
                    LoadError("jsonstat-" + exc.code, plan.source, ind.line, dict(params))
                )
    if errors:
        raise LoadFailed(errors, plans)
    return out


def _read(path: Path) -> Dataset | JsonStatError:
    try:
        return parse_dataset(path.read_bytes())
    except OSError as exc:
        return JsonStatError("not-json", reason=exc.strerror or str(exc))
    except JsonStatError as exc:
        return exc


def _indicators(plan: Plan) -> list[Indicator]:
    out: list[Indicator] = []
    stack: list[Any] = list(plan.children())
    while stack:
        node = stack.pop()
        if isinstance(node, Goal):
            out.extend(i for i in node.indicators if i.ssb is not None)
        stack.extend(node.children())
    return out

"""``maltrace status`` from the cache when nothing it reads has changed.

A status result is a function of the plan files' bytes (the set's key, see ``PlanFiles.key``),
the measurement files' bytes, the day it is judged on and maltrace's own code. ``check`` answers
a run where nothing changed from its cached result without building the graph; ``status`` reads
the plan models (statuses, dues, indicators), so without this it would build the graph again
from the plan cache on every run. Entries live beside the whole-result cache, in a folder of
their own, and only the most recently used are kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

from maltrace.analysis.results import Analysis
from maltrace.analysis.status import StatusResult
from maltrace.load.cache import ResultCache, content_key

_FIELDS = tuple(f.name for f in dataclasses.fields(StatusResult) if f.name != "analysis")


class StatusCache(ResultCache):
    def _path(self, key: str) -> Path:
        return self.root / "status" / f"{key}.pickle"


def status_key(analysis: Analysis, today: dt.date) -> str | None:
    """The key of a status result of ``analysis`` on ``today``; None when it cannot be cached
    (no set key, or a measurements file that cannot be read: the full run reports it)."""
    if not analysis.source_key:
        return None
    digest = hashlib.sha256(f"status\0{analysis.source_key}\0{today.isoformat()}\0".encode())
    for info in analysis.plans:
        if not info.measurements:
            continue
        path = Path(analysis.plan_files[info.id]).parent / info.measurements
        try:
            data = path.read_bytes()
        except OSError:
            return None
        digest.update(f"{path}\0{content_key(data)}\0".encode("utf-8", "surrogateescape"))
    # SSB's datasets (ssb-<table>.json beside a plan file) are measurements too.
    folders = sorted({Path(f).parent for f in analysis.plan_files.values()})
    for folder in folders:
        for path in sorted(folder.glob("ssb-*.json")):
            try:
                data = path.read_bytes()
            except OSError:
                return None
            digest.update(f"{path}\0{content_key(data)}\0".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def cached_status(store: StatusCache, key: str, analysis: Analysis) -> StatusResult | None:
    fields: Any = store.get(key)
    if not (isinstance(fields, dict) and tuple(fields) == _FIELDS):
        return None
    return StatusResult(analysis=analysis, **{**fields, "lang": analysis.lang})


def store_status(store: StatusCache, key: str, result: StatusResult) -> None:
    store.put(key, {name: getattr(result, name) for name in _FIELDS})

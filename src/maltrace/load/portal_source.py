"""A plan-portal data folder as a plan set: on disk or at a git revision (``REV:data``), so that
``check`` and ``diff`` read the portal's records as they read plan files.

The records become the very plan files ``import`` writes (as bytes, named after the plans), so
the per-file cache, the loader and the diff need nothing new; records that cannot be placed are
left out here (``import`` names them).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from maltrace.load.cache import content_key
from maltrace.load.loader import PlanFiles
from maltrace.load.portal import KPI, MAAL, PLAN, PortalUnreadable, read_portal
from maltrace.load.portal_write import import_file_names
from maltrace.load.yaml_write import plan_to_yaml

PORTAL_FILES = (MAAL, PLAN)


def portal_plan_files(
    label: str, folder: str, maal: bytes, plan: bytes, kpi: bytes | None, *, hashed: bool = True
) -> PlanFiles:
    """The plan files the records would import as, named ``folder/<plan title>.yaml``.
    Raises ``PortalUnreadable``."""
    result = read_portal(maal, plan, kpi)
    names = import_file_names(result.plans)
    data = [plan_to_yaml(p, None).encode("utf-8") for p in result.plans]
    files = [Path(f"{folder}/{name}") for name in names]
    keys: list[str | None] = [content_key(b) if hashed else None for b in data]
    return PlanFiles([label], files, [], keys, list[bytes | None](data))


def read_portal_folder_files(folder: Path, *, hashed: bool = True) -> PlanFiles:
    """A portal data folder on disk as plan files."""
    raw = {}
    for name in (MAAL, PLAN, KPI):
        path = folder / name
        try:
            raw[name] = path.read_bytes()
        except FileNotFoundError:
            if name != KPI:
                raise PortalUnreadable(str(path), "the file is missing") from None
        except OSError as exc:
            raise PortalUnreadable(str(path), exc.strerror or str(exc)) from None
    return portal_plan_files(
        str(folder), str(folder), raw[MAAL], raw[PLAN], raw.get(KPI), hashed=hashed
    )


def portal_entries(entries: list[tuple[str, str]], path: str) -> dict[str, str] | None:
    """Object ids of the portal files directly in ``path`` among git's (object id, path)
    entries, when ``maal.json`` and ``plan.json`` are both there; else None."""
    found: dict[str, str] = {}
    for oid, name in entries:
        p = PurePosixPath(name)
        if str(p.parent) == (path or ".") and p.name in (MAAL, PLAN, KPI):
            found[p.name] = oid
    return found if all(n in found for n in PORTAL_FILES) else None

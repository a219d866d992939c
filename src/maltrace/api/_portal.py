"""The plan portal's records (``maal.json``, ``plan.json``, ``kpi.json``): import, export, and
SSB's tables for the indicators."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from maltrace.api._job import PathsLike, as_paths, job
from maltrace.errors import MaltraceError
from maltrace.i18n import Lang, choose_lang, t
from maltrace.load.portal import PortalImport
from maltrace.load.portal_write import PortalData


def is_portal_folder(path: str | os.PathLike[str]) -> bool:
    """True for a folder holding the plan portal's ``maal.json`` and ``plan.json``."""
    from maltrace.load.portal import is_portal_folder as _is_portal

    return _is_portal(path)


def read_portal(
    folder: str | os.PathLike[str], *, codes: str | os.PathLike[str] | None = None
) -> PortalImport:
    """The plans in a portal data folder, every record placed or named as a fault with its GUID
    and title. ``codes``: a JSON file that maps the kommune's own type codes.

    Raises ``PortalUnreadable`` (a file missing or not JSON) or ``CodeMapError``."""
    from maltrace.load.portal import read_portal_folder
    from maltrace.load.portal_codes import read_code_maps

    return read_portal_folder(folder, read_code_maps(codes))


@dataclass(frozen=True)
class PortalImported:
    """What ``import`` of a portal folder read (``result``: plans, placements, faults) and the
    plan files it wrote."""

    result: PortalImport
    files: list[Path]
    lang: Lang


def import_portal(
    folder: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    force: bool = False,
    codes: str | os.PathLike[str] | None = None,
    lang: str | None = None,
) -> PortalImported:
    """``maltrace import FOLDER``: portal records -> one commented YAML plan file per plan in
    ``output``.

    Raises ``PortalUnreadable``, ``CodeMapError``, ``NothingPlaced`` (no record could be placed)
    or ``OutputExists`` (a plan file is there already; nothing written)."""
    from maltrace.load.convert import OutputExists, schema_text
    from maltrace.load.files import write_atomic
    from maltrace.load.portal import NothingPlaced
    from maltrace.load.portal_write import import_file_names
    from maltrace.load.yaml_write import SCHEMA_FILE, plan_to_yaml

    out_lang = choose_lang(lang)
    try:
        if not is_portal_folder(folder):
            raise MaltraceError("not-portal", key="portal.not_portal", folder=folder)
        with job():
            result = read_portal(folder, codes=codes)
            if not result.placements:
                raise NothingPlaced(os.fspath(folder))
            out = Path(output)
            targets = [out / name for name in import_file_names(result.plans)]
            existing = [p for p in targets if p.exists()]
            if existing and not force:
                raise OutputExists(existing)
            for plan, target in zip(result.plans, targets, strict=True):
                note = result.notes.get(plan.id, {})
                lines = [t("portal.comment.source", out_lang, guid=note.get("guid", plan.id))]
                lines += [
                    t(f"portal.comment.{k}", out_lang, **note)
                    for k in ("valid_to", "case")
                    if k in note
                ]
                write_atomic(target, plan_to_yaml(plan, SCHEMA_FILE, comment="\n".join(lines)))
            schema = out / SCHEMA_FILE
            if force or not schema.exists():
                write_atomic(schema, schema_text())
    except MaltraceError as exc:
        exc.lang = out_lang
        raise
    return PortalImported(result, targets, out_lang)


@dataclass(frozen=True)
class PortalExported:
    data: PortalData
    files: list[Path]
    lang: Lang


def export_portal(
    paths: PathsLike | None,
    folder: str | os.PathLike[str],
    *,
    force: bool = False,
    codes: str | os.PathLike[str] | None = None,
    lang: str | None = None,
) -> PortalExported:
    """``maltrace export --format portal``: the plans under ``paths`` -> ``maal.json``,
    ``plan.json`` and ``kpi.json`` in ``folder`` (GUIDs kept, others derived stably).

    Raises ``LoadFailed``, ``CodeMapError`` or ``OutputExists``; never writes over a plan file
    that was read (``ProtectedFileError``)."""
    from maltrace.load import ProtectedFileError, load_plan_set
    from maltrace.load.portal_codes import read_code_maps
    from maltrace.load.portal_write import plans_to_portal, write_portal

    out_lang = choose_lang(lang)
    try:
        maps = read_code_maps(codes)
        with job():
            plan_set = load_plan_set(as_paths(paths))
            data = plans_to_portal(plan_set.plans, maps)
            try:
                files = write_portal(data, folder, force=force, protect=plan_set.files)
            except ProtectedFileError as exc:
                raise MaltraceError(
                    "protected-file", key="excel.cli.protected", path=exc.path
                ) from None
    except MaltraceError as exc:
        exc.lang = out_lang
        raise
    return PortalExported(data, files, out_lang)


@dataclass(frozen=True)
class Fetched:
    """Per file written: the SSB table, the file, the indicators it serves."""

    files: list[tuple[str, Path, list[str]]]
    lang: Lang


def fetch_indicators(
    paths: PathsLike | None = None,
    *,
    base_url: str | None = None,
    force: bool = False,
    timeout: float = 30,
    lang: str | None = None,
) -> Fetched:
    """``maltrace indicators fetch``: ask SSB's API for every table the indicators name and save
    each answer (JSON-stat 2.0) as ``ssb-<table>.json`` beside its plan. ``base_url``: default
    ``MALTRACE_SSB_API`` or SSB's.

    Raises ``LoadFailed``, ``FetchFailed`` (offline, an error answer) or ``OutputExists``."""
    from maltrace.load import load_plan_set
    from maltrace.load.ssb_fetch import base_url_from_env, fetch

    out_lang = choose_lang(lang)
    try:
        plan_set = load_plan_set(as_paths(paths))
        done = fetch(
            plan_set.plans,
            base_url=base_url or base_url_from_env(),
            force=force,
            timeout=timeout,
            protect=plan_set.files,
        )
    except MaltraceError as exc:
        exc.lang = out_lang
        raise
    return Fetched([(w.table, path, w.indicators) for w, path in done], out_lang)

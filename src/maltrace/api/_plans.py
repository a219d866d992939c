"""The jobs that make plan files or workbooks: ``import``, ``export``, ``template``, ``init``
and ``schema``. None writes over an existing plan file without ``force``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from maltrace.analysis import plans_language
from maltrace.api._job import PathsLike, as_paths, job
from maltrace.errors import MaltraceError
from maltrace.i18n import Lang, choose_lang
from maltrace.load import LoadFailed, ProtectedFileError, load_plan_set
from maltrace.load.convert import (
    measurements_elsewhere,
    read_sheet_plans,
    schema_text,
    write_plans,
    write_schema,
    write_template,
)
from maltrace.load.starter import init_project

IMPORT_SUFFIXES = (".xlsx", ".xlsm", ".csv")


@dataclass(frozen=True)
class Imported:
    """The plan files ``import`` wrote, and the plans whose measurements file is not where
    they will look for it (plan id, path as written)."""

    files: list[Path]
    measurements_elsewhere: list[tuple[str, str]]
    lang: Lang


def import_plans(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    force: bool = False,
    lang: str | None = None,
    plan_header: dict[str, Any] | None = None,
) -> Imported:
    """A workbook (.xlsx, sheets Planar, Nodar and Indikatorar) or a CSV file in the Nodar
    layout (with ``plan_header``: id, type, title…) -> one YAML plan file per plan in
    ``output``. Raises ``ImportFailed`` with every problem (nothing written) or
    ``OutputExists``."""
    out_lang = choose_lang(lang)
    try:
        if Path(source).suffix.lower() not in IMPORT_SUFFIXES:
            raise MaltraceError("bad-suffix", key="excel.cli.bad_suffix", path=source)
        if Path(source).suffix.lower() == ".csv" and not (
            plan_header and {"id", "type", "title"} <= plan_header.keys()
        ):
            raise MaltraceError("csv-needs-plan", key="excel.cli.csv_needs_plan")
        with job():
            plans = read_sheet_plans(source, plan_header)
            written = write_plans(plans, output, force=force)
    except MaltraceError as exc:
        exc.lang = out_lang
        raise
    return Imported(written, measurements_elsewhere(plans, output), out_lang)


@dataclass(frozen=True)
class Exported:
    """What ``export`` wrote: counts of plans, nodes and indicators, in the workbook's language."""

    path: Path
    plans: int
    nodes: int
    indicators: int
    lang: Lang


def export(
    paths: PathsLike | None = None,
    output: str | os.PathLike[str] = "plans.xlsx",
    *,
    lang: str | None = None,
) -> Exported:
    """The plans under ``paths`` -> one workbook in the import layout, sheet names and headers in
    ``lang`` (default: the plans' language). Raises ``LoadFailed``, ``ExportRefused`` (data the
    layout cannot hold; nothing written) or ``ProtectedFileError``."""
    from maltrace.load.excel_write import counted_workbook
    from maltrace.load.files import write_atomic

    asked = choose_lang(lang) if lang else None
    with job():
        try:
            plan_set = load_plan_set(as_paths(paths))
        except LoadFailed as exc:
            exc.lang = asked or plans_language(exc.plans)
            raise
        out_lang = asked or plans_language(plan_set.plans)
        try:
            data, nodes, indicators = counted_workbook(plan_set.plans, out_lang)
            write_atomic(output, data, protect=plan_set.files)
        except ProtectedFileError as exc:
            error = MaltraceError("protected-file", key="excel.cli.protected", path=exc.path)
            error.lang = out_lang
            raise error from None
        except MaltraceError as exc:
            exc.lang = out_lang
            raise
    return Exported(Path(output), len(plan_set.plans), nodes, indicators, out_lang)


def template(
    output: str | os.PathLike[str], *, lang: str | None = None, force: bool = False
) -> Path:
    """The empty workbook (sheets Planar, Nodar and Indikatorar with headers, drop-downs and an
    instructions sheet) in ``lang``; ``OutputExists`` unless ``force``."""
    out_lang = choose_lang(lang)
    try:
        return write_template(output, out_lang, force=force)
    except MaltraceError as exc:
        exc.lang = out_lang
        raise


def init(
    folder: str | os.PathLike[str] = ".",
    *,
    lang: str | None = None,
    municipality: str = "Kommunen",
    force: bool = False,
) -> list[Path]:
    """A starting set in ``folder``: a samfunnsdel, a kommunedelplan that follows it up and a
    handlingsdel, commented, with the JSON Schema and a VS Code setup; ``OutputExists`` for a
    file already there, unless ``force``."""
    out_lang = choose_lang(lang)
    try:
        return init_project(folder, lang=out_lang, municipality=municipality, force=force)
    except MaltraceError as exc:
        exc.lang = out_lang
        raise


def schema(output: str | os.PathLike[str] | None = None) -> str | Path:
    """The JSON Schema of a plan file: its text, or written to ``output`` (the path)."""
    return schema_text() if output is None else write_schema(output)

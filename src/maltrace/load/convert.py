"""The jobs of ``import``, ``export``, ``template`` and ``schema``, as functions a notebook can
call: workbooks and CSV in, plan files out, and back."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from maltrace.errors import MaltraceError
from maltrace.i18n import Lang
from maltrace.load.excel import read_csv, read_workbook
from maltrace.load.files import file_stem, plan_file_names, write_atomic
from maltrace.load.models import Plan
from maltrace.load.schema import plan_schema
from maltrace.load.yaml_write import SCHEMA_FILE, plan_to_yaml


class OutputExists(MaltraceError):
    """Files that would be written over; nothing was written."""

    code = "output-exists"
    key = "excel.cli.exists"

    def __init__(self, paths: list[Path]) -> None:
        super().__init__(path=", ".join(str(p) for p in paths))
        self.paths = paths


def read_sheet_plans(
    source: str | os.PathLike[str], plan_header: dict[str, Any] | None = None
) -> list[Plan]:
    """The plans in a workbook (.xlsx) or, with ``plan_header``, a CSV file in the Nodar layout.
    Raises ``maltrace.load.excel.ImportFailed`` with every problem found."""
    if Path(source).suffix.lower() == ".csv":
        return read_csv(source, plan_header or {})
    return read_workbook(source)


def file_names(plans: list[Plan]) -> list[str]:
    """One file name per plan, from its id (``KDP-HSO`` -> ``KDP-HSO.yaml``), never two alike
    (not even on a file system that ignores case)."""
    return plan_file_names(file_stem(plan.id) for plan in plans)


def schema_text() -> str:
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n"


def write_plans(
    plans: list[Plan], folder: str | os.PathLike[str], *, force: bool = False
) -> list[Path]:
    """Write one YAML file per plan into ``folder`` (with the schema file the editor line points
    at); refuse with ``OutputExists`` when a plan file is there already, unless ``force``."""
    out = Path(folder)
    targets = [out / name for name in file_names(plans)]
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise OutputExists(existing)
    # That what is written loads back as the very plans is tested (tests/test_excel_roundtrip.py),
    # not checked again here: parsing every file back would cost more than writing it.
    texts = [plan_to_yaml(plan, SCHEMA_FILE) for plan in plans]
    for text, target in zip(texts, targets, strict=True):
        write_atomic(target, text)
    schema = out / SCHEMA_FILE
    if force or not schema.exists():
        write_atomic(schema, schema_text())
    return targets


def measurements_elsewhere(
    plans: list[Plan], folder: str | os.PathLike[str]
) -> list[tuple[str, str]]:
    """(plan id, path) of each plan whose ``measurements`` file is not where the plan files in
    ``folder`` will look for it: the path is kept as written, relative to the plan file, and
    import copies no CSV file."""
    out: list[tuple[str, str]] = []
    for plan in plans:
        name = plan.plan.measurements
        if name and not (Path(folder) / name).is_file():
            out.append((plan.id, name))
    return out


def write_template(target: str | os.PathLike[str], lang: Lang, *, force: bool = False) -> Path:
    """``maltrace template``: the empty workbook with headers, drop-downs and instructions."""
    from maltrace.load.excel_write import template_workbook

    path = Path(target)
    if path.exists() and not force:
        raise OutputExists([path])
    write_atomic(path, template_workbook(lang))
    return path


def write_schema(target: str | os.PathLike[str]) -> Path:
    """``maltrace schema -o``: the JSON Schema of a plan file (regenerated, so written over)."""
    path = Path(target)
    write_atomic(path, schema_text())
    return path

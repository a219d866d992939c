"""Workbooks and CSV files -> the same ``Plan`` models the YAML reader gives.

A reader beside the YAML one. Every problem is found at once and named by sheet and cell
(``Nodar!C14: title missing``); a workbook with any problem gives no plans at all. Hostile files
are refused before they are unpacked (size, zip ratio) or while they are read (rows, columns),
formulas are refused (a plan must not change when a sheet recalculates), and so are merged
cells, hidden sheets and links to other workbooks.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from maltrace.load.excel_layout import norm, sheet_names
from maltrace.load.models import Plan
from maltrace.load.sheet_rows import (
    MAX_CELL_CHARS,
    ImportFailed,
    Sheet,
    SheetProblem,
    cell_text,
    col_letter,
)
from maltrace.load.sheets import plans_from_sheets, sort_problems

# Limits that keep a hostile workbook from taking more than seconds or gigabytes.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 60 * 1024 * 1024  # our 19,075-row export unpacks to 10 MB
MAX_ZIP_RATIO = 100  # a member that unpacks to over 100 times its packed size (and > 1 MB)
MAX_ROWS = 100_000
MAX_COLUMNS = 60
# Formulas that are constants, not calculations.
_CONSTANTS = {"=TRUE()": "true", "=FALSE()": "false", "=TRUE": "true", "=FALSE": "false"}


# --- the workbook -------------------------------------------------------------------------------


def _check_zip(path: Path, problems: list[SheetProblem]) -> bool:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.append(SheetProblem("too-large", params={"mb": MAX_FILE_BYTES // 2**20}))
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            total = 0
            for info in zf.infolist():
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > 2**20 and ratio > MAX_ZIP_RATIO:
                    problems.append(
                        SheetProblem(
                            "zip-bomb", params={"part": info.filename, "ratio": int(ratio)}
                        )
                    )
                    return False
            if total > MAX_UNPACKED_BYTES:
                problems.append(
                    SheetProblem("too-large-unpacked", params={"mb": MAX_UNPACKED_BYTES // 2**20})
                )
                return False
    except (zipfile.BadZipFile, OSError) as exc:
        problems.append(SheetProblem("not-a-workbook", params={"reason": str(exc)}))
        return False
    return True


def _merged_ranges(path: Path, part: str) -> list[str]:
    """The merged ranges of a sheet, read from its part in the zip (read-only mode has none).
    The part is scanned as bytes first; only a sheet that has merged cells is parsed."""
    with zipfile.ZipFile(path) as zf:
        try:
            stream = zf.open(part.lstrip("/"))
        except KeyError:
            return []
        with stream:
            tail = b""
            while chunk := stream.read(1 << 20):
                if b"mergeCell" in tail + chunk:
                    break
                tail = chunk[-16:]
            else:
                return []
        out: list[str] = []
        with zf.open(part.lstrip("/")) as stream:
            for _, elem in ElementTree.iterparse(stream):
                if elem.tag.endswith("}mergeCell"):
                    out.append(str(elem.get("ref", "")))
                elif elem.tag.endswith("}row"):
                    elem.clear()  # rows come before mergeCells; keep memory flat
        return out


def _read_sheet(ws: Any, name: str, problems: list[SheetProblem]) -> Sheet:
    rows: list[tuple[int, list[str | None]]] = []
    headers: list[str | None] = []
    header_row = 0
    too_wide = False
    # The size a sheet declares may be a lie (A1:XFD1048576): read what is there, and never
    # more than MAX_COLUMNS + 1 columns (a value in the one past the limit is reported).
    ws.reset_dimensions()
    gap: object = None  # the filler openpyxl gives for each missing row: one object, skipped
    # One item per row from row 1 on (missing rows filled in), so the count is the row number.
    for number, cells in enumerate(ws.iter_rows(max_col=MAX_COLUMNS + 1), start=1):
        if not cells or cells is gap:
            continue
        values: list[str | None] = []
        for i, cell in enumerate(cells):
            value = getattr(cell, "value", None)
            if value is None:
                values.append(None)
                continue
            if i >= MAX_COLUMNS:
                too_wide = True
                continue
            if cell.data_type == "f" and str(value).upper() in _CONSTANTS:
                # LibreOffice saves a boolean as the formula =TRUE() or =FALSE(): a value.
                values.append(_CONSTANTS[str(value).upper()])
                continue
            if cell.data_type == "f":
                ref = f"{col_letter(i)}{number}"
                problems.append(SheetProblem("formula", name, ref, {"formula": str(value)[:40]}))
                values.append(str(value))  # kept only so the row's other checks can run
                continue
            text = cell_text(value)
            if text is not None and len(text) > MAX_CELL_CHARS:
                ref = f"{col_letter(i)}{number}"
                problems.append(SheetProblem("cell-too-long", name, ref, {"max": MAX_CELL_CHARS}))
                text = None
            values.append(text)
        while values and values[-1] is None:
            values.pop()
        if not values:
            if not any(hasattr(c, "row") for c in cells):
                gap = cells
            continue
        if not header_row:
            headers, header_row = values, number
            continue
        rows.append((number, values))
        if len(rows) > MAX_ROWS:
            problems.append(SheetProblem("too-many-rows", name, params={"max": MAX_ROWS}))
            break
    if too_wide:
        problems.append(SheetProblem("too-many-columns", name, params={"max": MAX_COLUMNS}))
    return Sheet(name, headers, rows, header_row or 1)


def read_sheets(
    path: str | os.PathLike[str], wanted: dict[str, set[str]]
) -> tuple[dict[str, Sheet], list[SheetProblem], list[str]]:
    """Open an .xlsx file safely and read the sheets named in ``wanted`` (key -> the sheet's
    names, normalised with ``norm``): ``(sheets by key, problems, every sheet's name)``.

    A hostile or broken file raises ``ImportFailed`` before anything is unpacked; formulas,
    over-long cells, merged cells, hidden sheets, a sheet twice and links to other workbooks
    are returned as problems, by sheet and cell."""
    import warnings

    from openpyxl import load_workbook

    file = Path(path)
    problems: list[SheetProblem] = []
    try:
        ok = _check_zip(file, problems)
    except OSError as exc:
        raise ImportFailed(
            str(file), [SheetProblem("unreadable", params={"reason": exc.strerror or exc})]
        ) from None
    if not ok:
        raise ImportFailed(str(file), problems)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(file, read_only=True, data_only=False, keep_links=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise ImportFailed(
            str(file), [SheetProblem("not-a-workbook", params={"reason": str(exc)[:200]})]
        ) from None
    found: dict[str, Sheet] = {}
    try:
        if getattr(wb, "_external_links", None):
            problems.append(SheetProblem("external-links"))
        for ws in wb.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible":
                problems.append(SheetProblem("hidden-sheet", ws.title))
                continue
            which = next((k for k, names in wanted.items() if norm(ws.title) in names), None)
            if which is None:
                continue
            if which in found:
                problems.append(SheetProblem("sheet-twice", ws.title))
                continue
            part = getattr(ws, "_worksheet_path", None)
            if part:
                for ref in _merged_ranges(file, part):
                    problems.append(SheetProblem("merged", ws.title, ref))
            found[which] = _read_sheet(ws, ws.title, problems)
    finally:
        wb.close()
    return found, problems, list(wb.sheetnames)


def read_workbook(path: str | os.PathLike[str]) -> list[Plan]:
    """Read the Planar, Nodar and (when there) Indikatorar sheets of an .xlsx file into plans;
    raise ``ImportFailed``."""
    file = Path(path)
    wanted = {
        "plans": {norm(n) for n in sheet_names("plans")},
        "nodes": {norm(n) for n in sheet_names("nodes")},
        "indicators": {norm(n) for n in sheet_names("indicators")},
    }
    found, problems, sheetnames = read_sheets(file, wanted)
    if "nodes" not in found:
        problems.append(
            SheetProblem(
                "missing-sheet",
                params={
                    "sheet": " / ".join(sheet_names("nodes")),
                    "found": ", ".join(sheetnames),
                },
            )
        )
        raise ImportFailed(str(file), problems)
    # Every problem at once: those of the rows too, beside what was found reading the cells.
    try:
        plans = plans_from_sheets(
            str(file),
            found.get("plans"),
            found["nodes"],
            indicators_sheet=found.get("indicators"),
        )
    except ImportFailed as exc:
        raise ImportFailed(str(file), sort_problems(problems + exc.problems)) from None
    if problems:
        raise ImportFailed(str(file), problems)
    return plans


def read_csv(
    path: str | os.PathLike[str], header: dict[str, Any], *, sheet: str = "CSV"
) -> list[Plan]:
    """Read a CSV file in the Nodar layout (``;`` or ``,``, UTF-8 with or without BOM) as one
    plan whose header (id, type, title…) is ``header``; raise ``ImportFailed``."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFailed(
                str(file), [SheetProblem("too-large", params={"mb": MAX_FILE_BYTES // 2**20})]
            )
        data = file.read_bytes()
    except OSError as exc:
        raise ImportFailed(
            str(file), [SheetProblem("unreadable", params={"reason": exc.strerror or exc})]
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed(
            str(file), [SheetProblem("not-utf8", params={"position": exc.start})]
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    problems: list[SheetProblem] = []
    headers: list[str | None] = []
    rows: list[tuple[int, list[str | None]]] = []
    for number, record in enumerate(
        csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 1
    ):
        values = [cell_text(v) for v in record[: MAX_COLUMNS + 1]]
        while values and values[-1] is None:
            values.pop()
        if not values:
            continue
        if not headers:
            headers = values
            continue
        rows.append((number, values))
        if len(rows) > MAX_ROWS:
            problems.append(SheetProblem("too-many-rows", sheet, params={"max": MAX_ROWS}))
            break
    if problems:
        raise ImportFailed(str(file), problems)
    plan_id = str(header.get("id") or "")
    plans_sheet = None
    if plan_id:
        keys = list(header)
        plans_sheet = Sheet(
            "--plan", [*keys], [(2, [cell_text(_csv_value(header[k])) for k in keys])]
        )
    return plans_from_sheets(str(file), plans_sheet, Sheet(sheet, headers, rows), cli_plan=True)


def _csv_value(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return value


__all__ = ["ImportFailed", "SheetProblem", "read_csv", "read_workbook"]

"""Indicator values from CSV files named by ``plan.measurements``.

The layout SSB and KOSTRA exports are easily cut to: ``indicator;year;value``, one value a row,
a header row allowed, ``;`` or ``,`` or tab between columns, decimal comma or point. A file is
read relative to the plan file that names it. Every bad row is an error with file and line.
"""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Iterable
from pathlib import Path

from maltrace.load.load_errors import LoadError, LoadFailed
from maltrace.load.models import Plan

_HEADER = frozenset({"indicator", "indikator", "id"})


def measurements_path(plan: Plan) -> Path | None:
    """The CSV file ``plan`` names, relative to its own file."""
    if not plan.plan.measurements:
        return None
    return Path(plan.source).parent / plan.plan.measurements


def read_measurements(
    plans: Iterable[Plan], indicators: Iterable[str]
) -> dict[str, dict[int, float]]:
    """indicator id -> {year: value} from every plan's measurements file.

    ``indicators``: the ids the plan set defines; a row naming another is an error. Raises
    ``LoadFailed`` with every bad row of every file.
    """
    plans = list(plans)
    known = set(indicators)
    out: dict[str, dict[int, float]] = {}
    errors: list[LoadError] = []
    for plan in plans:
        path = measurements_path(plan)
        if path is None:
            continue
        line = plan.plan.key_lines.get("measurements", plan.plan.line)
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8"
            errors.append(
                LoadError(
                    "measurements-unreadable",
                    plan.source,
                    line,
                    {"path": str(path), "reason": reason or exc},
                )
            )
            continue
        errors.extend(_parse(text, str(path), known, out))
    if errors:
        raise LoadFailed(errors, plans)
    return out


def _parse(
    text: str, name: str, known: set[str], out: dict[str, dict[int, float]]
) -> list[LoadError]:
    errors: list[LoadError] = []
    first = text.split("\n", 1)[0]
    delimiter = max((";", "\t", ","), key=first.count)
    seen: dict[tuple[str, int], int] = {}
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if number == 1 and cells[0].casefold() in _HEADER:
            continue
        if len(cells) != 3:
            errors.append(LoadError("measurements-columns", name, number, {"found": len(cells)}))
            continue
        ind, year_text, value_text = cells
        if ind not in known:
            params: dict[str, object] = {"indicator": ind}
            close = difflib.get_close_matches(ind, sorted(known), n=1, cutoff=0.6)
            if close:
                params["suggestion"] = close[0]
            errors.append(LoadError("measurements-unknown-indicator", name, number, params))
            continue
        if not (year_text.isdigit() and len(year_text) == 4):
            errors.append(
                LoadError("measurements-bad-year", name, number, {"value": year_text[:40]})
            )
            continue
        value = _number(value_text)
        if value is None:
            errors.append(
                LoadError("measurements-bad-value", name, number, {"value": value_text[:40]})
            )
            continue
        year = int(year_text)
        if (ind, year) in seen:
            errors.append(
                LoadError(
                    "measurements-duplicate",
                    name,
                    number,
                    {"indicator": ind, "year": year, "other_line": seen[ind, year]},
                )
            )
            continue
        seen[ind, year] = number
        out.setdefault(ind, {})[year] = value
    return errors


def _number(text: str) -> float | None:
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None

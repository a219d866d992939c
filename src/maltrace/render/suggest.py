"""``maltrace suggest`` output: text for the terminal, JSON, and a workbook to decide in.

Plan text is data: rich markup in titles is shown as written (``Text``, never parsed), and a
workbook cell that starts like a formula is stored as text (see ``render.xlsx``).
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from maltrace.analysis.suggest import Suggestion, Suggestions
from maltrace.i18n import Lang, t
from maltrace.load import paused_gc, write_atomic
from maltrace.render.terminal import plain

SCHEMA_VERSION = 1
FORMATS = (".xlsx", ".json")


class SuggestFormatError(ValueError):
    def __init__(self, suffix: str) -> None:
        super().__init__(suffix)
        self.suffix = suffix


def _score(value: float, lang: Lang) -> str:
    text = f"{value:.2f}"
    return text if lang == "en" else text.replace(".", ",")


def render_suggestions(result: Suggestions, console: Console, lang: Lang) -> None:
    if not result.suggestions:
        console.print(Text(t("suggest.nothing", lang)))
        return
    for s in result.suggestions:
        heading = t(f"suggest.heading.{s.kind}", lang, node=s.node, plan=s.plan, title=s.title)
        heading_text = plain(heading)
        heading_text.stylize("bold")
        console.print(heading_text)
        if not s.candidates:
            console.print(Text("  " + t("suggest.no_candidates", lang), style="dim"))
        for i, c in enumerate(s.candidates, start=1):
            line = Text(f"  {i}. ")
            line.append(f"{_score(c.score, lang)}  ", style="cyan")
            ident = plain(f"{c.id} ({c.plan}) ")
            ident.stylize("bold")
            line.append_text(ident)
            line.append_text(plain(c.title))
            console.print(line)
            if c.matched:
                words = ", ".join(c.matched)
                matched = plain("       " + t("suggest.matched", lang, words=words))
                matched.stylize("dim")
                console.print(matched)
        console.print()
    console.print(Text(t("suggest.legend", lang), style="dim"))
    console.print(Text(t("suggest.summary", lang, count=len(result.suggestions))))


def suggestions_dict(result: Suggestions, lang: Lang) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "plan": result.focus,
        "lang": lang,
        "top": result.top,
        "suggestions": [
            {
                "node": s.node,
                "kind": s.kind,
                "plan": s.plan,
                "title": s.title,
                "candidates": [
                    {
                        "id": c.id,
                        "plan": c.plan,
                        "title": c.title,
                        "score": c.score,
                        "matched": list(c.matched),
                    }
                    for c in s.candidates
                ],
            }
            for s in result.suggestions
        ],
    }


def suggestions_json(result: Suggestions, lang: Lang) -> str:
    """The JSON document, one suggestion per line (Python's fast encoder writes each line; an
    indented document of 20,000 suggestions would take it ten times as long)."""
    with paused_gc():  # many small objects, all alive until the end (as in check_json)
        data = suggestions_dict(result, lang)
        items = data.pop("suggestions")
        head = json.dumps(data, ensure_ascii=False, indent=2)[:-2]
        lines = [json.dumps(s, ensure_ascii=False) for s in items]
    body = ",\n    ".join(lines)
    tail = f"[\n    {body}\n  ]" if lines else "[]"
    return f'{head},\n  "suggestions": {tail}\n}}\n'


COLUMNS = (
    "node",
    "kind",
    "plan",
    "title",
    "rank",
    "candidate",
    "candidate_plan",
    "candidate_title",
    "score",
    "matched",
    "follower",
    "target",
    "accept",
)


def _rows(s: Suggestion, lang: Lang) -> list[list[object]]:
    head: list[object] = [s.node, t(f"suggest.kind.{s.kind}", lang), s.plan, s.title]
    if not s.candidates:
        return [[*head, None, None, None, None, None, None, None, None, None]]
    rows: list[list[object]] = []
    for i, c in enumerate(s.candidates, start=1):
        follower, target = (s.node, c.id) if s.kind == "orphan" else (c.id, s.node)
        rows.append(
            [*head, i, c.id, c.plan, c.title, c.score, ", ".join(c.matched), follower, target, None]
        )
    return rows


def suggestions_xlsx(result: Suggestions, lang: Lang) -> bytes:
    """One row per candidate; the last column ("accept") is left empty for a person to mark."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from maltrace.render.xlsx import FORMULA_START

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = t("suggest.sheet", lang)[:31]
    headers = [t(f"suggest.col.{c}", lang) for c in COLUMNS]
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E7E6E6")
    for s in result.suggestions:
        for row in _rows(s, lang):
            ws.append([_safe(v) for v in row])
            r = ws.max_row
            for col, value in enumerate(row, start=1):
                cell = ws.cell(row=r, column=col)
                if isinstance(value, str) and value.startswith(FORMULA_START):
                    cell.value = _safe(value)
                    cell.data_type = "s"
                    cell.quotePrefix = True
                if COLUMNS[col - 1] == "score" and isinstance(value, float):
                    cell.number_format = "0.00"
                if COLUMNS[col - 1] in ("title", "candidate_title"):
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = {"title": 50, "candidate_title": 50, "matched": 30, "accept": 16}
    for i, c in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(c, 14)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(1, ws.max_row)}"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _safe(value: object) -> object:
    # Characters a workbook cannot hold (control characters) would make openpyxl refuse the file.
    if isinstance(value, str):
        return "".join("\ufffd" if ord(ch) < 32 and ch not in "\t\n\r" else ch for ch in value)
    return value


def write_suggestions(
    result: Suggestions,
    path: str | os.PathLike[str],
    lang: Lang,
    *,
    protect: list[Path] | None = None,
) -> Path:
    """Write ``result`` as ``.xlsx`` or ``.json`` (by suffix), whole; never over a plan file."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise SuggestFormatError(target.suffix)
    data: bytes | str
    data = suggestions_xlsx(result, lang) if suffix == ".xlsx" else suggestions_json(result, lang)
    write_atomic(target, data, protect=protect or [])
    return target

"""``maltrace suggest -o``: the suggestions as a report document (Excel, Markdown, HTML, Word).

The workbook has one row per candidate and an empty "accept" column a person marks with ``x``;
``follower`` and ``target`` say which node would carry ``follows_up`` and what it would name, so
each row reads as the link it proposes. The page formats show the same rows, narrower.
"""

from __future__ import annotations

import datetime as dt

from maltrace.analysis.suggest import Suggestion, Suggestions
from maltrace.i18n import Lang, format_date, t
from maltrace.render.document import (
    Column,
    ColumnKind,
    Document,
    Paragraph,
    Section,
    Sheet,
    Table,
    Value,
)
from maltrace.render.suggest.sentences import engine_line, summary_key

# (key, kind) of every workbook column, in order; the page formats show the ones in PAGE.
COLUMNS: tuple[tuple[str, ColumnKind], ...] = (
    ("node", "id"),
    ("kind", "status"),
    ("plan", "code"),
    ("title", "text"),
    ("rank", "int"),
    ("candidate", "id"),
    ("candidate_plan", "code"),
    ("candidate_title", "text"),
    ("score", "text"),
    ("matched", "text"),
    ("like", "id"),
    ("follower", "id"),
    ("target", "id"),
    ("accept", "mark"),
    # Last, so the columns before keep their letters whichever engine ranked.
    ("meaning", "text"),
    ("engine", "text"),
)
PAGE = ("node", "kind", "title", "rank", "candidate", "candidate_title", "score", "matched")
# Shown only when an engine was chosen (the meaning extra is installed or one was asked for).
ENGINE_COLUMNS = ("meaning", "engine")


def _rows(s: Suggestion, lang: Lang, engine: str | None) -> list[dict[str, Value]]:
    head: dict[str, Value] = {
        "node": s.node,
        "kind": t(f"suggest.kind.{s.kind}", lang),
        "plan": s.plan,
        "title": s.title,
    }
    if not s.candidates:
        return [head]
    out: list[dict[str, Value]] = []
    for i, c in enumerate(s.candidates, start=1):
        follower, target = (s.node, c.id) if s.kind == "orphan" else (c.id, s.node)
        out.append(
            {
                **head,
                "rank": i,
                "candidate": c.id,
                "candidate_plan": c.plan,
                "candidate_title": c.title,
                "score": c.score,
                "matched": ", ".join(c.matched),
                "like": c.like,
                "meaning": t("suggest.by_meaning", lang) if c.by_meaning else None,
                "engine": t(f"suggest.engine.{engine}", lang) if engine else None,
                "follower": follower,
                "target": target,
            }
        )
    return out


def _cell(row: dict[str, Value], key: str, page: bool) -> Value:
    value = row.get(key)
    # Pages show two decimals; the workbook keeps the number as scored (four decimals).
    if key == "score" and page and isinstance(value, float):
        return round(value, 2)
    return value


def _table(result: Suggestions, lang: Lang, keys: tuple[str, ...]) -> Table:
    kinds = dict(COLUMNS)
    rows: list[dict[str, Value]] = []
    nodes: list[str | None] = []
    alert: list[bool] = []
    for s in result.suggestions:
        for row in _rows(s, lang, result.engine):
            rows.append(row)
            nodes.append(s.node)
            alert.append(not s.candidates)
    page = keys == PAGE
    if result.engine is None:
        keys = tuple(k for k in keys if k not in ENGINE_COLUMNS)
    elif page:
        keys = (*PAGE, "meaning")
    return Table(
        columns=tuple(Column(t(f"suggest.col.{k}", lang), kinds[k]) for k in keys),
        rows=tuple(tuple(_cell(row, k, page) for k in keys) for row in rows),
        row_nodes=tuple(nodes),
        row_alert=tuple(alert),
        wide=True,
    )


def build_suggest_document(
    result: Suggestions, lang: Lang, *, today: dt.date | None = None
) -> Document:
    """The suggestions of ``result`` as a document: one table, and the workbook's full sheet."""
    count = len(result.suggestions)
    section = Section(
        key="suggestions",
        heading=t("suggest.sheet", lang),
        blocks=(
            Paragraph(t(summary_key(result), lang, count=count), "headline"),
            Paragraph(t("suggest.legend", lang), "note"),
            *((Paragraph(engine_line(result, lang), "note"),) if result.engine else ()),
            _table(result, lang, PAGE),
        )
        if count
        else (),
        empty=t("suggest.nothing", lang),
    )
    title = t("suggest.title", lang)
    if result.focus:
        title = f"{title}: {result.focus}"
    return Document(
        lang=lang,
        title=title,
        generated=t("report.generated", lang, date=format_date(today or dt.date.today(), lang)),
        sections=(section,),
        sheets=(
            Sheet(t("suggest.sheet", lang), _table(result, lang, tuple(k for k, _ in COLUMNS))),
        ),
    )

"""``maltrace diff -o FILE``: the change list as a report document (Markdown, HTML, Word, Excel)
through the shared machinery, and the NEW diagram with changed nodes marked (``Δ …``)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from maltrace.analysis import Coverage
from maltrace.analysis.diff import PlanDiff
from maltrace.i18n import Lang, format_date, t
from maltrace.render.diff.sentences import (
    area_coverage_pairs,
    change_detail,
    coverage_line,
    diagram_notes,
    diff_title,
    kind_word,
    plan_coverage_pairs,
    relink_hint,
    since_words,
    sources_line,
    summary_line,
    version_lines,
)
from maltrace.render.document import (
    Column,
    Document,
    Figure,
    FigureError,
    FigureFormat,
    Paragraph,
    Section,
    Table,
    Value,
    write_document,
)
from maltrace.render.marked import with_code

DIAGRAM_SUFFIXES = (".svg", ".png", ".pdf", ".dot")
DOCUMENT_SUFFIXES = (".md", ".html", ".htm", ".docx", ".xlsx")


def _coverage_row(label: str, o: Coverage | None, n: Coverage | None) -> tuple[Value, ...]:
    return (
        label,
        o.goals if o else None,
        o.followed_up if o else None,
        o.ratio if o else None,
        n.goals if n else None,
        n.followed_up if n else None,
        n.ratio if n else None,
    )


def _coverage_columns(what: str, lang: Lang) -> tuple[Column, ...]:
    return (
        Column(what),
        Column(t("diff.col.goals_before", lang), "int"),
        Column(t("col.followed_up", lang) + " " + t("diff.col.before", lang).lower(), "int"),
        Column(t("diff.col.coverage_before", lang), "ratio"),
        Column(t("diff.col.goals_after", lang), "int"),
        Column(t("col.followed_up", lang) + " " + t("diff.col.after", lang).lower(), "int"),
        Column(t("diff.col.coverage_after", lang), "ratio"),
    )


def _drawer(diff: PlanDiff, lang: Lang) -> Callable[[FigureFormat], bytes]:
    drawn: dict[str, bytes] = {}

    def draw(fmt: FigureFormat) -> bytes:
        from maltrace.render.diagram import DiagramError, build_diagram, figure_picture

        if fmt not in drawn:
            try:
                built = build_diagram(diff.new, lang=lang, notes=diagram_notes(diff, lang))
                drawn[fmt] = figure_picture(built, fmt)
            except (DiagramError, OSError) as exc:
                reason = exc.message(lang) if isinstance(exc, DiagramError) else str(exc)
                raise FigureError(t("report.no_diagram", lang, reason=reason)) from None
        return drawn[fmt]

    return draw


def build_diff_document(
    diff: PlanDiff,
    lang: Lang | None = None,
    *,
    diagram: bool = True,
    today: dt.date | None = None,
) -> Document:
    """The diff as a report: what needs action, the changes, coverage before and after, and
    (with ``diagram``) NEW's overview with changed nodes marked."""
    lang = lang or diff.lang
    before, after = diff.old.coverage, diff.new.coverage
    summary: list[Paragraph] = [
        *(Paragraph(line) for line in version_lines(diff, lang)),
        Paragraph(
            coverage_line(diff, lang),
            "headline",
        ),
        Paragraph(summary_line(diff, lang)),
    ]
    hint = relink_hint(diff, lang)
    if hint:
        summary.append(Paragraph(with_code(hint), "note"))

    impact = Table(
        columns=(
            Column(t("col.what", lang), "status"),
            Column(t("diff.col.id", lang), "id"),
            Column(t("diff.col.message", lang)),
            Column(t("diff.col.where", lang), "code"),
        ),
        rows=tuple(
            (
                t(f"impact_word.{i.code}", lang),
                i.node,
                with_code(f"{i.message(lang)} → {i.fix(lang)}"),
                f"{Path(i.file).name}:{i.line}",
            )
            for i in diff.impact
        ),
        row_nodes=tuple(i.node for i in diff.impact),
        row_alert=tuple(True for _ in diff.impact),
        wide=True,
    )
    changes = Table(
        columns=(
            Column(t("diff.col.plan", lang), "id"),
            Column(t("diff.col.change", lang), "status"),
            Column(t("diff.col.kind", lang), "status"),
            Column(t("diff.col.id", lang), "id"),
            Column(t("diff.col.old_id", lang), "id"),
            Column(t("diff.col.detail", lang)),
        ),
        rows=tuple(
            (
                c.plan,
                t(f"change.{c.change}", lang),
                kind_word(c.kind, lang),
                c.id,
                c.old_id,
                change_detail(c, lang),
            )
            for c in diff.changes
        ),
        row_nodes=tuple(
            None if c.kind == "plan" or c.change == "removed" else c.id for c in diff.changes
        ),
        row_alert=tuple(c.change in ("removed", "renumbered") or c.reused_id for c in diff.changes),
        wide=True,
    )
    plan_rows = [_coverage_row(t("diff.overall", lang), before, after)]
    plan_rows += [_coverage_row(*pair) for pair in plan_coverage_pairs(diff)]
    area_rows = [_coverage_row(*pair) for pair in area_coverage_pairs(diff)]
    summary.append(Paragraph(sources_line(diff, lang), "small"))
    sections = [
        Section("summary", t("diff.summary_heading", lang), tuple(summary)),
        Section(
            "impact",
            t("diff.impact_heading", lang),
            (impact,) if diff.impact else (),
            empty=t("diff.no_impact", lang),
        ),
        Section(
            "changes",
            t("diff.changes_heading", lang),
            (changes,) if diff.changes else (),
            empty=t("diff.no_changes", lang),
        ),
        Section(
            "coverage",
            t("diff.per_plan_heading", lang),
            (Table(_coverage_columns(t("col.plan", lang), lang), tuple(plan_rows)),),
        ),
        Section(
            "per-area",
            t("diff.per_area_heading", lang),
            (Table(_coverage_columns(t("col.area", lang), lang), tuple(area_rows)),)
            if area_rows
            else (),
        ),
    ]
    if diagram:
        alt = t("diff.figure_alt", lang, since=since_words(diff, lang))
        sections.append(
            Section(
                "diagram",
                t("diff.diagram_heading", lang),
                (Figure(alt, _drawer(diff, lang), alt, key="diagram", emf=True),),
            )
        )
    return Document(
        lang=lang,
        title=diff_title(diff, lang),
        generated=t("report.generated", lang, date=format_date(today or dt.date.today(), lang)),
        sections=tuple(sections),
    )


def write_diff(
    diff: PlanDiff,
    path: str | os.PathLike[str],
    *,
    lang: Lang | None = None,
    protect: tuple[Path, ...] = (),
) -> list[Path]:
    """Write the diff to ``path``: a report (.md .html .docx .xlsx) or NEW's diagram with the
    changes marked (.svg .png .pdf .dot). Never writes over a plan file of either side."""
    lang = lang or diff.lang
    protect = (*protect, *_plan_files(diff))
    suffix = Path(path).suffix.lower()
    if suffix in DIAGRAM_SUFFIXES:
        from maltrace.load import ProtectedFileError
        from maltrace.render.diagram import write_diagram

        if any(Path(path).resolve() == p.resolve() for p in protect):
            raise ProtectedFileError(Path(path))

        write_diagram(diff.new, path, lang=lang, notes=diagram_notes(diff, lang))
        return [Path(path)]
    return write_document(build_diff_document(diff, lang), path, protect=protect)


def _plan_files(diff: PlanDiff) -> tuple[Path, ...]:
    files = [*diff.old.protected_files, *diff.new.protected_files]
    return tuple(Path(f) for f in files if Path(f).exists())

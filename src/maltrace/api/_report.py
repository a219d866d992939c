"""``report`` and ``diagram``: the follow-up report in five formats, and the red thread drawn."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from maltrace.analysis.status import analyse_status
from maltrace.api._check import check
from maltrace.api._job import PathsLike, job
from maltrace.api._status import parse_day
from maltrace.api._writing import Written, writing
from maltrace.errors import FormatError
from maltrace.i18n import Lang
from maltrace.render.check.report import report_format, write_report
from maltrace.render.diagram import DiagramError


def report(
    paths: PathsLike | None = None,
    output: str | os.PathLike[str] = "rapport.md",
    *,
    plan: str | None = None,
    lang: str | None = None,
    template: str | os.PathLike[str] | None = None,
) -> Written:
    """Write the follow-up report of the plans under ``paths`` in the format of ``output``'s
    suffix (.md, .html, .docx, .xlsx, .csv); ``template``: a Word document whose styles, page
    and footer a .docx takes. The files written (Markdown's pictures beside it)."""
    analysis = check(paths, plan=plan, lang=lang)
    with job(), writing(output, analysis.lang):
        if report_format(output) != ".docx" and template is not None:
            raise FormatError(Path(output).suffix, key="doc.template_only_docx")
        files = write_report(analysis, output, lang=analysis.lang, template=template)
    return Written(files, analysis.lang)


@dataclass
class Drawn:
    """What ``diagram`` made: the files written (or the DOT text for ``output="-"``) and the
    warnings to pass on (already in the job's language)."""

    written: list[Path] = field(default_factory=list)
    dot: str | None = None
    warnings: list[str] = field(default_factory=list)
    split: bool = False
    lang: Lang = "nn"


def diagram(
    paths: PathsLike | None = None,
    output: str = "diagram.svg",
    *,
    plan: str | None = None,
    goal: str | None = None,
    area: str | None = None,
    framework: str | None = None,
    lang: str | None = None,
    width_cm: float = 16.0,
    status: bool = False,
    today: dt.date | str | None = None,
    split: str | None = None,
    part_format: str = "svg",
    dot: str | None = None,
) -> Drawn:
    """Draw one view of the plans under ``paths`` into ``output`` (.svg, .png, .pdf, .dot; "-"
    for DOT text): the overview, one ``plan``, ``goal`` or ``area``, or a ``framework`` (with
    ``plan``: that plan's nodes only). ``status`` marks tiltak done, cancelled, postponed or
    overdue on ``today``. ``split="area"``: one file per satsingsområde into the folder
    ``output``. Raises ``DiagramError`` for a view that cannot be drawn as asked."""
    from maltrace.render.diagram import build_diagram, output_format, write_diagram, write_split
    from maltrace.render.status.sentences import status_notes

    analysis = check(paths, lang=lang)
    out_lang = analysis.lang
    with job(), writing(output, out_lang):
        notes = None
        if status:
            day = parse_day(today, out_lang)
            notes = status_notes(analyse_status(analysis, today=day), out_lang)
        if sum(x is not None for x in (plan, goal, area)) > 1 and framework is None:
            raise DiagramError("one_view")
        if split is not None and (plan, goal, area) != (None, None, None):
            raise DiagramError("split_alone")
        if split is not None:
            if output == "-":
                raise DiagramError("not_a_folder", path="-")
            parts = write_split(
                analysis,
                output,
                fmt=part_format,
                lang=out_lang,
                width_cm=width_cm,
                dot_program=dot,
            )
            return Drawn(
                written=[path for path, _ in parts],
                warnings=[f"{part.title}: {w}" for _, part in parts for w in part.warnings],
                split=True,
                lang=out_lang,
            )
        if output == "-":
            built = build_diagram(
                analysis,
                plan=plan,
                goal=goal,
                area=area,
                framework=framework,
                lang=out_lang,
                width_cm=width_cm,
                notes=notes,
            )
            return Drawn(dot=built.dot, warnings=list(built.warnings), lang=out_lang)
        output_format(output)
        built = write_diagram(
            analysis,
            output,
            plan=plan,
            goal=goal,
            area=area,
            framework=framework,
            lang=out_lang,
            width_cm=width_cm,
            dot_program=dot,
            notes=notes,
        )
        return Drawn(written=[Path(output)], warnings=list(built.warnings), lang=out_lang)

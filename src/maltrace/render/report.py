"""``maltrace report``: one analysis, written as Markdown, HTML, Word, Excel or CSV."""

from __future__ import annotations

import os
from pathlib import Path

from maltrace.analysis import Analysis
from maltrace.i18n import Lang, t
from maltrace.load import write_atomic
from maltrace.render.report_model import Report, build_report

FORMATS = (".md", ".html", ".docx", ".xlsx", ".csv")


class ReportError(ValueError):
    """The report cannot be written as asked (unknown format)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key, self.params = key, params

    def message(self, lang: Lang) -> str:
        return t(self.key, lang, **self.params)


def report_format(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix == ".htm":
        return ".html"
    if suffix not in FORMATS:
        raise ReportError("report.bad_format", suffix=suffix or Path(path).name)
    return suffix


def _diagram_view(analysis: Analysis) -> dict[str, str | None]:
    return {"view": "plan", "plan": analysis.focus} if analysis.focus else {"view": "overview"}


def _draw(analysis: Analysis, lang: Lang, fmt: str) -> tuple[str | bytes | None, str | None]:
    """The diagram (overview, or the plan's) as SVG text or PNG bytes, or why it is missing."""
    from maltrace.render.diagram import DiagramError, diagram_png, diagram_svg

    draw = diagram_svg if fmt == "svg" else diagram_png
    try:
        return draw(analysis, lang=lang, **_diagram_view(analysis)), None  # type: ignore[arg-type]
    except (DiagramError, OSError) as exc:
        reason = exc.message(lang) if isinstance(exc, DiagramError) else str(exc)
        return None, t("report.no_diagram", lang, reason=reason)


def make_report(analysis: Analysis, lang: Lang | None = None, *, diagram: bool = True) -> Report:
    """The report content, with the overview (or the plan's) diagram as SVG when it can be drawn."""
    lang = lang or analysis.lang
    svg, problem = _draw(analysis, lang, "svg") if diagram else (None, None)
    assert svg is None or isinstance(svg, str)
    return build_report(analysis, lang, diagram_svg=svg, diagram_problem=problem)


def write_report(
    analysis: Analysis, path: str | os.PathLike[str], *, lang: Lang | None = None
) -> list[Path]:
    """Write the report in the format of ``path``'s suffix; return the files written.

    Every file is written whole (temp file + rename) and never over a plan file that was read.
    """
    fmt = report_format(path)
    lang = lang or analysis.lang
    protect = [Path(p) for p in analysis.plan_files.values()]
    target = Path(path)
    written = [target]
    if fmt == ".csv":
        from maltrace.render.xlsx import report_csv

        write_atomic(target, report_csv(build_report(analysis, lang)), protect=protect)
    elif fmt == ".xlsx":
        from maltrace.render.xlsx import report_xlsx

        write_atomic(target, report_xlsx(build_report(analysis, lang)), protect=protect)
    elif fmt == ".html":
        from maltrace.render.html import report_html

        write_atomic(target, report_html(make_report(analysis, lang)), protect=protect)
    elif fmt == ".md":
        from maltrace.render.markdown import report_markdown

        report = make_report(analysis, lang)
        picture = None
        if report.diagram_svg:
            # Markdown cannot hold the picture; it goes beside the report and is linked.
            picture = target.with_name(target.stem + ".diagram.svg")
            write_atomic(picture, report.diagram_svg, protect=protect)
            written.append(picture)
        text = report_markdown(report, picture.name if picture else None)
        write_atomic(target, text, protect=protect)
    else:
        from maltrace.render.diagram import png_size
        from maltrace.render.docx import report_docx

        png, problem = _draw(analysis, lang, "png")
        assert png is None or isinstance(png, bytes)
        report = build_report(analysis, lang, diagram_problem=problem)
        size = png_size(png) if png else None
        write_atomic(target, report_docx(report, png, size), protect=protect)
    return written

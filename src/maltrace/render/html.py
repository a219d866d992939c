"""The report as one self-contained HTML file: inline CSS, inline SVG, no network, prints on A4."""

from __future__ import annotations

from importlib.resources import files

import jinja2

from maltrace.render.report_model import Report

_TEMPLATES = files("maltrace.render") / "templates"


def report_html(report: Report) -> str:
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True, trim_blocks=True)
    template = env.from_string((_TEMPLATES / "report.html.j2").read_text(encoding="utf-8"))
    css = (_TEMPLATES / "report.css").read_text(encoding="utf-8")
    # The diagram's SVG is our own output (labels escaped when the DOT was built); the <svg> is
    # taken from its root element so the page holds no XML declaration or DOCTYPE mid-body.
    return template.render(report=report, css=css)

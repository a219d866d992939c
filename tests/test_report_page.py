"""The clickable report page, read as a file: one inline script allowed by its CSP hash (no
'unsafe-inline'), the thread data from the analysis as JSON that no plan text can break out of,
and no script at all in a document without plan nodes. (In a browser: test_report_browser.)"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

from conftest import EXAMPLE_PLANS, plan_yaml

from maltrace import check
from maltrace.render.check.report import write_report
from maltrace.render.check.thread import thread_data
from maltrace.render.document import Document, Paragraph, Section
from maltrace.render.document.html import document_html, script_json

NASTY = "</script><script>alert(1)</script><!-- \u2028\u2029 & ]]> \"'"


def parts(html: str) -> tuple[str, str, str]:
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    data = re.search(
        r'<script type="application/json" id="maltrace-thread">(.*?)</script>', html, re.S
    )
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    assert csp and data and script
    return csp.group(1), data.group(1), script.group(1)


def test_the_script_is_allowed_by_its_hash_and_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    write_report(check(EXAMPLE_PLANS), out)
    html = out.read_text(encoding="utf-8")
    csp, _data, script = parts(html)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1]
    assert "default-src 'none'" in csp
    assert html.count("<script") == 2
    # the tools are hidden until the script shows them: with JS off the page is as before
    assert re.search(r'<div id="page-bar"[^>]* hidden>', html)
    assert re.search(r'<div id="page-tools"[^>]* hidden>', html)


def test_thread_data_is_the_analysis(tmp_path: Path) -> None:
    analysis = check(EXAMPLE_PLANS)
    out = tmp_path / "r.html"
    write_report(analysis, out)
    _csp, data, _script = parts(out.read_text(encoding="utf-8"))
    parsed = json.loads(data)
    assert parsed["links"] == [[x.source, x.target] for x in analysis.links]
    assert parsed["alert"] == [*analysis.uncovered_goals, "HP-6"]
    assert parsed["nodes"]["HSO-3.2"]["parent"] == "HSO-3"
    assert parsed["nodes"]["HP-6"] == {
        "parent": None,
        "kind": "measure",
        "plan": "HP-2025",
        "title": "Nytt turnusprosjekt med lengre vakter i helgene",
        "box": "HP-6",
    }
    assert parsed["words"]["search"] == "Søk i tabellane"
    assert len(parsed["nodes"]) == analysis.graph.number_of_nodes()


def test_plan_text_cannot_leave_the_data_block(write_set) -> None:  # type: ignore[no-untyped-def]
    folder = write_set(
        kps=plan_yaml("KPS", type="samfunnsplan", goals=[{"id": "G1", "title": NASTY}]),
        kdp=plan_yaml(
            "KDP", follows=["KPS"], strategies=[{"id": "S1", "title": NASTY, "follows_up": ["G1"]}]
        ),
    )
    analysis = check(folder)
    text = script_json(thread_data(analysis))
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    # the title as loaded, unchanged by the escaping
    assert json.loads(text)["nodes"]["G1"]["title"] == analysis.graph.nodes["G1"]["title"]
    assert "</script><script>alert(1)" in analysis.graph.nodes["G1"]["title"]
    html = document_html(
        Document(lang="nn", title="x", generated="y", sections=(), thread=thread_data(analysis))
    )
    assert html.count("</script>") == 2


def test_a_document_without_plan_nodes_has_no_script() -> None:
    html = document_html(
        Document(
            lang="en",
            title="t",
            generated="g",
            sections=(Section("s", "S", (Paragraph("p"),)),),
        )
    )
    assert "<script" not in html and "script-src" not in html and "page-bar" not in html

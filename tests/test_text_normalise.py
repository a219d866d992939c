"""Text pasted from Word or a PDF: decided once at load time, and then every renderer accepts it."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import plan_yaml
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from rich.console import Console

from maltrace.analysis import Analysis, analyse
from maltrace.graph import build_graph
from maltrace.load import PlanSet
from maltrace.load.parse import parse_plan
from maltrace.load.text import normalise
from maltrace.render.check.json import check_json
from maltrace.render.check.terminal import render_check

# What no output may carry: C0 but tab/LF/CR, DEL, C1, surrogates, non-characters.
UNSHOWABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"\\U{p * 0x10000 + 0xFFFE:08x}\\U{p * 0x10000 + 0xFFFF:08x}" for p in range(1, 17))
    + "]"
)


# -- the rules -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "text", "warned"),
    [
        ("Linje ein\vlinje to", "Linje ein\nlinje to", ()),  # Word's Shift+Enter
        ("a\r\nb\rc\x85d\u2028e\u2029f", "a\nb\nc\nd\ne\nf", ()),
        ("Side\fto", "Side to", ()),
        ("hel\xadse\u200bhjelp\u2060\ufeff", "helsehjelp", ()),
        ("farge\x1b[31m", "farge\u241b[31m", ("U+001B",)),
        ("null\x00byte\x7f", "null\u2400byte\u2421", ("U+0000", "U+007F")),
        ("c1\x9b og \x80", "c1\ufffd og \ufffd", ("U+009B", "U+0080")),
        (
            "ikkje\ufffe teikn\U0010ffff\ufdd0",
            "ikkje\ufffd teikn\ufffd\ufffd",
            ("U+FFFE", "U+10FFFF", "U+FDD0"),
        ),
        ("tab\tog\nlf", "tab\tog\nlf", ()),
        ("Oppfølgingsgrad – «ære» 😀", "Oppfølgingsgrad – «ære» 😀", ()),
    ],
)
def test_each_character_becomes_what_was_decided(raw, text, warned):
    assert normalise(raw) == (text, warned)


def _load(data: bytes, name: str = "p.yaml"):
    result = parse_plan(data, name)
    assert not result.errors, [e.message("en") for e in result.errors]
    assert result.plan is not None
    return result.plan


def _analysis(*plans) -> Analysis:
    return analyse(build_graph(PlanSet(list(plans), [])))


KPS = b"""plan: {id: KPS, type: samfunnsplan, title: Samfunnsdelen}
goals:
  - id: G1
    title: Eit godt liv
"""


def test_word_soft_break_escaped_and_raw_become_line_breaks_without_warning():
    escaped = _load(KPS.replace(b"Eit godt liv", b'"Eit godt\\vliv\\f med\\u00ADhjelp"'))
    assert escaped.goals[0].title == "Eit godt\nliv  medhjelp"
    assert escaped.text_notes == []
    # Pasted straight from Word: the raw vertical tab is refused by YAML itself today.
    raw = _load(KPS.replace(b"Eit godt liv", b"Eit godt\x0bliv\x0c med\xc2\xadhjelp"))
    assert raw.goals[0].title == "Eit godt\nliv  medhjelp"
    assert raw.text_notes == []
    assert _analysis(raw).findings == ()


def test_control_character_is_a_warning_with_file_line_and_node():
    bad = KPS + b'  - id: G2\n    title: "Farge\\x1b[31m og \\0"\n'
    plan = _load(bad, "samfunnsdel.yaml")
    assert plan.goals[1].title == "Farge\u241b[31m og \u2400"
    analysis = _analysis(plan)
    (finding,) = [f for f in analysis.findings if f.code == "control-character"]
    assert (finding.severity, finding.file, finding.line, finding.node) == (
        "warning",
        "samfunnsdel.yaml",
        6,
        "G2",
    )
    assert "U+001B (\u241b), U+0000 (\u2400)" in finding.message("nn")
    assert finding.fix("en").startswith("Retype the text without them")
    assert analysis.exit_code() == 0  # a warning: it fails only with --strict
    assert analysis.exit_code(strict=True) == 1


def test_raw_control_character_in_the_file_is_shown_and_warned_on_its_line():
    plan = _load(KPS + b"  - id: G2\n    title: Farge\x1b[31m\n", "s.yaml")
    assert plan.goals[1].title == "Farge\u241b[31m"
    assert plan.text_notes == [(6, ("U+001B",))]


def test_control_character_in_the_plan_header_names_no_node():
    plan = _load(KPS.replace(b"title: Samfunnsdelen", b'title: "Samfunns\\x07delen"'))
    (finding,) = [f for f in _analysis(plan).findings if f.code == "control-character"]
    assert (finding.line, finding.node) == (1, None)


# -- every renderer accepts every text the loader accepts ----------------------------------------


def _yaml_text(text: str, raw: bool) -> str:
    if not raw:  # every character escaped in a double-quoted scalar
        return (
            '"'
            + "".join(c if c.isalnum() and c.isascii() else f"\\U{ord(c):08x}" for c in text)
            + '"'
        )
    # as pasted: the characters themselves, between double quotes
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _plan_files(texts: list[str], raw: bool) -> tuple[bytes, bytes]:
    q = [_yaml_text(t, raw) for t in texts]
    kps = (
        f"plan: {{id: KPS, type: samfunnsplan, title: {q[0]}}}\n"
        f"areas:\n  - id: A1\n    title: {q[1 % len(q)]}\n"
        f"    goals:\n      - id: G1\n        title: {q[2 % len(q)]}\n"
        f"        description: {q[3 % len(q)]}\n"
        f"      - id: G2\n        title: {q[-1]}\n"
    )
    kdp = (
        "plan: {id: KDP, type: kommunedelplan, title: K, follows: [KPS]}\n"
        f"strategies:\n  - id: S1\n    title: {q[-1]}\n    follows_up: [G1]\n"
        f"    measures:\n      - id: M1\n        title: {q[0]}\n"
        f"        responsible: {q[1 % len(q)]}\n"
        f"        status: {q[2 % len(q)]}\n"
        f"measures:\n  - id: M2\n    title: {q[0]}\n"
    )
    return kps.encode("utf-8", "surrogatepass"), kdp.encode("utf-8", "surrogatepass")


def _loaded(texts: list[str], raw: bool) -> Analysis | None:
    kps, kdp = _plan_files(texts, raw)
    a, b = parse_plan(kps, "kps.yaml"), parse_plan(kdp, "kdp.yaml")
    if a.plan is None or b.plan is None:
        return None  # refused with a message: nothing to render
    return _analysis(a.plan, b.plan)


def _render_everything_but_pictures(analysis: Analysis, lang: str) -> dict[str, str]:
    from maltrace.render.check.report import make_report
    from maltrace.render.document import render_document
    from tests.drawing import diagram_dot

    out: dict[str, str] = {}
    console = Console(file=io.StringIO(), width=100, force_terminal=False)
    render_check(analysis, console)
    out["terminal"] = console.file.getvalue()  # type: ignore[attr-defined]
    out["json"] = json.dumps(json.loads(check_json(analysis)), ensure_ascii=False)
    doc = make_report(analysis, lang, diagram=False)  # type: ignore[arg-type]
    out["md"] = str(render_document(doc, ".md"))
    out["html"] = str(render_document(doc, ".html"))
    out["csv"] = bytes(render_document(doc, ".csv")).decode("utf-8-sig")
    docx = bytes(render_document(doc, ".docx"))
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert z.testzip() is None
    word = Document(io.BytesIO(docx))
    out["docx"] = "\n".join(
        [p.text for p in word.paragraphs]
        + [c.text for t in word.tables for row in t.rows for c in row.cells]
    )
    wb = load_workbook(io.BytesIO(bytes(render_document(doc, ".xlsx"))))
    out["xlsx"] = "\n".join(
        str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
    )
    out["dot"] = diagram_dot(analysis)
    return out


texts = st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=4)


@settings(max_examples=50, deadline=None)
@given(texts=texts, raw=st.booleans(), lang=st.sampled_from(["nn", "nb", "en"]))
def test_every_renderer_accepts_every_text_the_loader_accepts(texts, raw, lang):
    analysis = _loaded(texts, raw)
    if analysis is None:
        return
    if not raw:  # escaped: the loader keeps every character but those it normalises
        assert analysis.node("G1")["title"] == normalise(texts[2 % len(texts)])[0].strip()
    warned = any(normalise(t)[1] for t in texts)
    assert warned == any(f.code == "control-character" for f in analysis.findings)
    for name, output in _render_everything_but_pictures(analysis, lang).items():
        assert not UNSHOWABLE.search(output), name
        assert "\x1b" not in output, name


NASTY = [
    "Linje\veín\ftvo",
    "Farge\x1b[31mraud\x1b[0m og \x00",
    "ikkje\ufffeteikn\uffff og \U0001fffe",
    "mjuk\xadbindestrek\u200b null\u2060breidd\ufeff",
    "c1 \x85 \x9b \x80 del\x7f",
    '<b>&amp;</b> \\N \\l "sitat" {x|y} 😀 ❤︎ עברית',
]


@pytest.mark.parametrize("raw", [False, True])
@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_diagram_draws_every_text_the_loader_accepts(fmt, raw):
    from tests.drawing import diagram_pdf, diagram_png, diagram_svg

    analysis = _loaded(NASTY, raw)
    assert analysis is not None
    draw = {"svg": diagram_svg, "png": diagram_png, "pdf": diagram_pdf}[fmt]
    data = draw(analysis)
    if fmt == "svg":
        assert isinstance(data, str) and "<svg" in data
        assert not UNSHOWABLE.search(data)
        assert "Farge\u241b[31mraud" in data
    else:
        assert isinstance(data, bytes)
        assert data.startswith(b"\x89PNG" if fmt == "png" else b"%PDF")


@settings(max_examples=4, deadline=None)
@given(texts=st.lists(st.text(min_size=1, max_size=30), min_size=4, max_size=8))
def test_diagram_svg_accepts_arbitrary_loaded_text(texts):
    from tests.drawing import diagram_svg

    analysis = _loaded(texts, raw=True)
    if analysis is not None:
        assert "<svg" in diagram_svg(analysis)


# -- the commands a planner runs ------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "maltrace", *args], capture_output=True, text=True, check=False
    )


@pytest.fixture
def word_pasted_set(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    kps, kdp = _plan_files(NASTY, raw=True)
    (folder / "kps.yaml").write_bytes(kps)
    (folder / "kdp.yaml").write_bytes(kdp)
    return folder


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".md", ".html", ".csv"])
def test_report_from_word_pasted_text_is_written(word_pasted_set, tmp_path, suffix):
    out = tmp_path / f"r{suffix}"
    result = _cli("report", str(word_pasted_set), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert out.stat().st_size > 0


def test_diagram_and_check_from_word_pasted_text(word_pasted_set, tmp_path):
    out = tmp_path / "d.svg"
    result = _cli("diagram", str(word_pasted_set), "-o", str(out))
    assert result.returncode == 0, result.stderr
    check = _cli("check", str(word_pasted_set), "--format", "json", "--lang", "en")
    codes = [f["code"] for f in json.loads(check.stdout)["findings"]]
    assert codes.count("control-character") >= 3
    assert "\x1b" not in check.stdout


def test_plan_yaml_helper_is_unaffected():
    # ordinary text loads exactly as written: the fast path changes nothing
    plan = _load(plan_yaml("P", goals=[{"id": "G", "title": "Mål – «ære» \\ back"}]).encode())
    assert plan.goals[0].title == "Mål – «ære» \\ back"
    assert plan.text_notes == []


def test_warning_survives_the_cache(tmp_path):
    from maltrace.load import load_plan_set

    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "s.yaml").write_bytes(KPS + b'  - id: G2\n    title: "Farge\\x1b"\n')
    for _ in range(2):  # parsed, then from the cache
        analysis = analyse(build_graph(load_plan_set([folder])))
        assert [f.line for f in analysis.findings if f.code == "control-character"] == [6]


def test_control_character_in_a_framework_item_names_the_item():
    data = (
        b"plan: {id: FW, type: rammeverk, title: Rammeverk}\n"
        b'items:\n  - id: F1\n    title: Fyrste\n  - id: F2\n    title: "Andre\\x1b"\n'
    )
    plan = _load(data)
    (finding,) = [f for f in _analysis(plan).findings if f.code == "control-character"]
    assert (finding.node, finding.line) == ("F2", 6)

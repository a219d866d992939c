"""``maltrace status``: tiltak status, overdue tiltak, indicator states, measurements, output."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from maltrace import api
from maltrace.analysis.status import (
    STATUS_CODES,
    indicator_status,
    status_code,
    suggest_status,
)
from maltrace.cli import app
from maltrace.load import LoadFailed, load_file
from maltrace.load.models import Indicator, Point, parse_due

TODAY = dt.date(2026, 6, 15)

KPS = """\
plan:
  id: KPS
  type: samfunnsplan
  title: Samfunnsdel
  language: nn
  measurements: maletal.csv
goals:
  - id: G1
    title: Fleire er aktive
    indicators:
      - id: I-UP-REACHED
        title: Aktive
        unit: "%"
        baseline: {year: 2020, value: 50}
        target: {year: 2030, value: 60}
        values: {2024: 61}
      - id: I-UP-ONTRACK
        title: Aktive 2
        baseline: {year: 2020, value: 50}
        target: {year: 2030, value: 60}
        values: {2025: 55}
      - id: I-UP-BEHIND
        title: Aktive 3
        baseline: {year: 2020, value: 50}
        target: {year: 2030, value: 60}
        values: {2025: "54,9"}
  - id: G2
    title: Mindre utslepp
    indicators:
      - id: I-DOWN-ONTRACK
        title: Utslepp
        direction: down
        baseline: {year: 2020, value: 100}
        target: {year: 2030, value: 40}
      - id: I-DOWN-PASSED
        title: Utslepp 2
        direction: down
        baseline: {year: 2010, value: 100}
        target: {year: 2020, value: 40}
        values: {2022: 45}
      - id: I-NODATA
        title: Ingen tal
        baseline: {year: 2022, value: 1}
        target: {year: 2030, value: 2}
        values: {2021: 5, 2022: 1}
  - id: G3
    title: Utan indikatorar
"""

HP = """\
plan:
  id: HP
  type: handlingsdel
  title: Handlingsdel
  follows: [KPS]
measures:
  - {id: M1, title: Ein, follows_up: [G1], status: Ikkje starta, due: "2026"}
  - {id: M2, title: To, follows_up: [G1], status: PÅGÅR, due: 2026-06-15}
  - {id: M3, title: Tre, follows_up: [G1], status: pågår, due: 2026-06-14}
  - {id: M4, title: Fire, follows_up: [G2], status: fullført, due: "2020"}
  - {id: M5, title: Fem, follows_up: [G2], status: Avlyst, due: 2019-01-01}
  - {id: M6, title: Seks, follows_up: [G2], status: utsatt, due: 2024–2025}
  - {id: M7, title: Sju, follows_up: [G3], status: pågåt, due: "2024-2025"}
  - {id: M8, title: Åtte, follows_up: [G3], cost: {2025: "1 250 000", 2026: 500000}}
"""

CSV = "indikator;år;verdi\nI-DOWN-ONTRACK;2025;69,9\nI-DOWN-ONTRACK;2024;90\n"


@pytest.fixture
def status_set(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "kps.yaml").write_text(KPS, encoding="utf-8")
    (folder / "hp.yaml").write_text(HP, encoding="utf-8")
    (folder / "maletal.csv").write_text(CSV, encoding="utf-8")
    return folder


# -- vocabulary ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("ikkje starta", "not-started"),
        ("Ikke startet", "not-started"),
        ("not started", "not-started"),
        ("NOT_STARTED", "not-started"),
        ("pågår", "ongoing"),
        ("Pågår.", "ongoing"),
        ("ongoing", "ongoing"),
        ("in progress", "ongoing"),
        ("i gang", "ongoing"),
        ("fullført", "done"),
        ("Gjennomført", "done"),
        ("done", "done"),
        ("Completed", "done"),
        ("utsett", "postponed"),
        ("utsatt", "postponed"),
        ("postponed", "postponed"),
        ("avlyst", "cancelled"),
        ("cancelled", "cancelled"),
        ("canceled", "cancelled"),
        ("  ", "none"),
        (None, "none"),
        ("pågåt", "unknown"),
        ("kanskje", "unknown"),
    ],
)
def test_status_spellings(written: str | None, code: str) -> None:
    assert status_code(written) == code


def test_every_code_has_words_in_every_language() -> None:
    from maltrace.i18n import has

    assert all(has(f"st.code.{c}") for c in (*STATUS_CODES, "unknown", "none"))


def test_unknown_status_suggests_the_spelling_meant() -> None:
    assert suggest_status("pågåt") == "pågår"
    assert suggest_status("fulført") == "fullført"


# -- due -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "last_day"),
    [
        ("2025", dt.date(2025, 12, 31)),
        ("2025–2026", dt.date(2026, 12, 31)),
        ("2025-2026", dt.date(2026, 12, 31)),
        ("2025 - 2026", dt.date(2026, 12, 31)),
        ("2025-06-30", dt.date(2025, 6, 30)),
        (dt.date(2025, 6, 30), dt.date(2025, 6, 30)),
        ("snart", None),
        ("2026–2025", None),
    ],
)
def test_due_means_its_last_day(due: object, last_day: dt.date | None) -> None:
    assert parse_due(due) == last_day


def test_bad_due_is_a_load_error_with_line(tmp_path: Path) -> None:
    f = tmp_path / "p.yaml"
    f.write_text(HP.replace('due: "2026"}', "due: neste år}"), encoding="utf-8")
    r = load_file(f)
    assert [(e.code, e.line) for e in r.errors] == [("bad-value", 7)]
    assert "2025–2026" in r.errors[0].message("en")


def test_unknown_key_in_an_indicator_names_the_indicator_keys(tmp_path: Path) -> None:
    f = tmp_path / "p.yaml"
    f.write_text(KPS.replace('        unit: "%"\n', '        unitt: "%"\n', 1), encoding="utf-8")
    (e,) = load_file(f).errors
    assert e.code == "unknown-key" and e.line == 13
    assert "unit" in e.message("en") and "Did you mean “unit”" in e.message("en")


# -- the analysis ----------------------------------------------------------------------------


def test_tiltak_counts_and_overdue_edges(status_set: Path) -> None:
    r = api.status(status_set, today=TODAY, cache=False)
    by = {m.id: m for m in r.tiltak}
    assert r.counts.as_dict()["by_status"] == {
        "not-started": 1,
        "ongoing": 2,
        "done": 1,
        "postponed": 1,
        "cancelled": 1,
        "unknown": 1,
        "none": 1,
    }
    # due this year (M1) and due today (M2) are not overdue; yesterday (M3) is; done and
    # cancelled never are; a past period (M6) and an unknown status (M7) are.
    assert r.counts.overdue == ("M3", "M6", "M7")
    assert not by["M1"].overdue and not by["M2"].overdue
    assert by["M8"].cost == {2025: 1250000.0, 2026: 500000.0}
    (f,) = r.findings
    assert (f.code, f.node, f.severity, f.suggestion) == (
        "unknown-status",
        "M7",
        "warning",
        "pågår",
    )
    assert f.file.endswith("hp.yaml") and f.line == 13


def test_indicator_states(status_set: Path) -> None:
    r = api.status(status_set, today=TODAY, cache=False)
    states = {i.id: i.state for i in r.indicators}
    assert states == {
        "I-UP-REACHED": "reached",
        "I-UP-ONTRACK": "on-track",  # exactly on the line counts as on track
        "I-UP-BEHIND": "behind",
        "I-DOWN-ONTRACK": "on-track",  # from the CSV: 69.9 in 2025, the line is at 70
        "I-DOWN-PASSED": "behind",  # target year passed, not reached
        "I-NODATA": "no-data",  # values only up to the baseline year
    }
    down = next(i for i in r.indicators if i.id == "I-DOWN-ONTRACK")
    assert down.latest == (2025, 69.9) and down.expected == pytest.approx(70.0)
    goals = {g.id: g for g in r.goals}
    assert goals["G1"].state == "behind" and goals["G2"].state == "behind"
    assert goals["G3"].state is None and goals["G3"].tiltak.total == 2
    assert goals["G1"].tiltak.overdue == ("M3",)


def test_a_tiltak_counts_for_every_goal_it_traces_up_to(write_set) -> None:  # type: ignore[no-untyped-def]
    folder = write_set(
        kps="""\
        plan: {id: KPS, type: samfunnsplan, title: S}
        areas:
          - id: A
            title: Område
            goals:
              - id: G
                title: Mål
                goals: [{id: G.1, title: Delmål}]
        """,
        kdp="""\
        plan: {id: KDP, type: kommunedelplan, title: K, follows: [KPS]}
        goals:
          - id: K1
            title: Sektormål
            follows_up: [G.1]
            strategies: [{id: S1, title: Strategi}]
        """,
        hp="""\
        plan: {id: HP, type: handlingsdel, title: H, follows: [KDP]}
        measures: [{id: M, title: Tiltak, follows_up: [S1], status: done}]
        """,
    )
    r = api.status(folder, today=TODAY, cache=False)
    (m,) = r.tiltak
    assert set(m.goals) == {"K1", "G.1", "G"}
    assert r.per_area["A"].get("done") == 1
    assert r.per_plan == {"HP": r.counts}


def _ind(direction: str, b: float, t: float) -> Indicator:
    return Indicator(
        id="I",
        title="I",
        direction=direction,  # type: ignore[arg-type]
        baseline=Point(year=2020, value=b),
        target=Point(year=2030, value=t),
    )


@given(
    b=st.floats(-1e6, 1e6),
    t=st.floats(-1e6, 1e6),
    year=st.integers(2021, 2040),
    v=st.floats(-1e6, 1e6),
)
def test_down_is_up_mirrored(b: float, t: float, year: int, v: float) -> None:
    """An indicator where lower is better is the same as its negation where higher is."""
    up = indicator_status(_ind("up", -b, -t), "G", "P", {year: -v})
    down = indicator_status(_ind("down", b, t), "G", "P", {year: v})
    assert up.state == down.state


@given(v=st.floats(-1e6, 1e6), year=st.integers(2021, 2040))
def test_reached_exactly_when_the_target_is_met(v: float, year: int) -> None:
    s = indicator_status(_ind("up", 0, 100), "G", "P", {year: v})
    assert (s.state == "reached") == (v >= 100)
    assert s.state != "no-data"


# -- measurements CSV --------------------------------------------------------------------------


def test_bad_measurement_rows_are_errors_with_file_and_line(status_set: Path) -> None:
    (status_set / "maletal.csv").write_text(
        "indikator;år;verdi\n"
        "I-DOWN-ONTRAK;2025;1\n"
        "I-NODATA;20x5;1\n"
        "I-NODATA;2025;mykje\n"
        "I-NODATA;2025\n"
        "I-NODATA;2026;3\n"
        "I-NODATA;2026;4\n",
        encoding="utf-8",
    )
    with pytest.raises(LoadFailed) as info:
        api.status(status_set, today=TODAY, cache=False)
    errors = [(Path(e.file).name, e.line, e.code) for e in info.value.errors]
    assert errors == [
        ("maletal.csv", 2, "measurements-unknown-indicator"),
        ("maletal.csv", 3, "measurements-bad-year"),
        ("maletal.csv", 4, "measurements-bad-value"),
        ("maletal.csv", 5, "measurements-columns"),
        ("maletal.csv", 7, "measurements-duplicate"),
    ]
    assert "I-DOWN-ONTRACK" in info.value.errors[0].message("nn")


def test_missing_measurements_file_is_a_load_error(status_set: Path) -> None:
    (status_set / "maletal.csv").unlink()
    with pytest.raises(LoadFailed) as info:
        api.status(status_set, today=TODAY, cache=False)
    (e,) = info.value.errors
    assert e.code == "measurements-unreadable" and e.file.endswith("kps.yaml") and e.line == 6


# -- the command --------------------------------------------------------------------------------

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    r = runner.invoke(app, ["status", *args])
    return r.exit_code, r.stdout, r.stderr


def test_cli_text(status_set: Path) -> None:
    code, out, _ = invoke(str(status_set), "--today", "2026-06-15", "--no-cache")
    assert code == 0
    out = " ".join(out.split())  # as read, whatever the terminal's width
    assert "Måloppnåing — Per 15. juni 2026" in out
    assert "Tiltak: 8. Fullført 1, pågår 2, ikkje starta 1, utsett 1, avlyst 1." in out
    assert "Over fristen: 3." in out
    assert "Indikatorar: 6. Nådd 1, i rute 2, på etterskot 2, utan tal 1." in out
    assert "[unknown-status]" in out and "Meinte du «pågår»?" in out


def test_cli_json_shape(status_set: Path) -> None:
    code, out, _ = invoke(str(status_set), "--today", "2026-06-15", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema_version"] == 1 and data["today"] == "2026-06-15"
    assert data["tiltak"]["total"] == 8 and data["tiltak"]["overdue"] == ["M3", "M6", "M7"]
    assert data["tiltak"]["by_status"]["unknown"] == 1 and data["tiltak"]["by_status"]["none"] == 1
    ind = data["indicators"][3]
    assert {k: ind[k] for k in ("id", "goal", "state", "direction", "latest", "expected")} == {
        "id": "I-DOWN-ONTRACK",
        "goal": "G2",
        "state": "on-track",
        "direction": "down",
        "latest": {"year": 2025, "value": 69.9},
        "expected": 70.0,
    }
    assert ind["baseline"] == {"year": 2020, "value": 100.0}
    g1 = data["goals"][0]
    assert g1["id"] == "G1" and g1["state"] == "behind" and g1["tiltak"]["total"] == 3
    assert g1["indicators"] == ["I-UP-REACHED", "I-UP-ONTRACK", "I-UP-BEHIND"]
    assert data["per_plan"]["HP"]["total"] == 8
    assert data["findings"][0]["code"] == "unknown-status"
    m7, m8 = data["measures"][6:]
    assert (m7["status"], m7["status_written"], m7["due"]) == ("unknown", "pågåt", "2025-12-31")
    assert m8["cost"] == {"2025": 1250000, "2026": 500000} and m8["status"] == "none"


@pytest.mark.parametrize(("fail_on", "code"), [("behind", 1), ("overdue", 1)])
def test_fail_on(status_set: Path, fail_on: str, code: int) -> None:
    assert invoke(str(status_set), "--today", "2026-06-15", "--fail-on", fail_on)[0] == code


def test_fail_on_passes_when_nothing_is_late(status_set: Path) -> None:
    # In 2019 nothing is overdue but M5 (cancelled, so not overdue either).
    assert invoke(str(status_set), "--today", "2019-06-01", "--fail-on", "overdue")[0] == 0


def test_bad_today_and_bad_csv_exit_2(status_set: Path) -> None:
    code, _, err = invoke(str(status_set), "--today", "15.06.2026")
    assert code == 2 and "2025-06-30" in err
    (status_set / "maletal.csv").write_text("I-NODATA;2025;x\n", encoding="utf-8")
    code, _, err = invoke(str(status_set), "--today", "2026-06-15")
    assert code == 2 and "maletal.csv:1:" in err


def test_plan_view(status_set: Path) -> None:
    code, out, _ = invoke(str(status_set), "--today", "2026-06-15", "--plan", "HP", "-f", "json")
    data = json.loads(out)
    assert code == 0 and data["tiltak"]["total"] == 8
    code, out, _ = invoke(str(status_set), "--today", "2026-06-15", "--plan", "KPS", "-f", "json")
    data = json.loads(out)
    assert data["tiltak"]["total"] == 0 and len(data["indicators"]) == 6
    assert invoke(str(status_set), "--plan", "HX")[0] == 2


# -- the report (-o) -------------------------------------------------------------------------


def test_report_markdown_with_charts_beside(status_set: Path, tmp_path: Path) -> None:
    out = tmp_path / "mal.md"
    code, _, _ = invoke(str(status_set), "--today", "2026-06-15", "-o", str(out))
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert "# Måloppnåing" in text and "## Tiltak over fristen" in text
    assert (
        "| I-DOWN-ONTRACK | Utslepp | G2 |  | 100 (2020) | 40 (2030) | 69,9 (2025) | 70 | i rute |"
        in text.replace("\u00a0(", " (")  # value and year held together by a no-break space
    )
    charts = sorted(p.name for p in tmp_path.glob("mal.chart-*.svg"))
    # every indicator with a value after its baseline: five of six
    assert len(charts) == 5 and f"]({charts[0]})" in text


def test_report_html_inline_svg_and_reasons(status_set: Path, tmp_path: Path) -> None:
    out = tmp_path / "mal.html"
    assert invoke(str(status_set), "--today", "2026-06-15", "-o", str(out))[0] == 0
    html = out.read_text(encoding="utf-8")
    assert html.count("<svg") >= 5 and "I-UP-BEHIND" in html


def test_report_xlsx_has_native_charts_on_the_indicator_sheet(
    status_set: Path, tmp_path: Path
) -> None:
    out = tmp_path / "mal.xlsx"
    assert invoke(str(status_set), "--today", "2026-06-15", "-o", str(out))[0] == 0
    from openpyxl import load_workbook

    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Indikatorar"
    ws = wb["Indikatorar"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert ("I-UP-REACHED", "Aktive", "nådd", 2024, 61, 54, None) in rows
    with zipfile.ZipFile(out) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 6


def test_report_docx_has_pictures(status_set: Path, tmp_path: Path) -> None:
    out = tmp_path / "mal.docx"
    assert invoke(str(status_set), "--today", "2026-06-15", "-o", str(out))[0] == 0
    with zipfile.ZipFile(out) as z:
        pictures = [n for n in z.namelist() if n.startswith("word/media/")]
    assert len(pictures) == 5


def test_charts_are_deterministic_and_black_and_white(status_set: Path) -> None:
    from maltrace.render.charts import indicator_chart

    r = api.status(status_set, today=TODAY, cache=False)
    ind = r.indicators[0]
    svg = indicator_chart(ind, "nn", "svg")
    assert svg == indicator_chart(ind, "nn", "svg")
    assert indicator_chart(ind, "nn", "png") == indicator_chart(ind, "nn", "png")
    text = svg.decode()
    assert "<dc:date>" not in text
    # Only black, white and greys: the series differ by line style and marker, not colour.
    import re

    colours = set(re.findall(r"#[0-9a-fA-F]{6}", text))
    assert colours and all(c[1:3] == c[3:5] == c[5:7] for c in colours), colours


def test_example_plans(tmp_path: Path) -> None:
    from conftest import EXAMPLE_PLANS

    r = api.status(EXAMPLE_PLANS, today=dt.date(2026, 11, 23), cache=False)
    assert {i.id: i.state for i in r.indicators} == {
        "IND-AKTIV": "on-track",
        "IND-HEIME": "behind",
        "IND-VGS": "reached",
        "IND-SYSS": "no-data",
        "IND-KLIMA": "behind",
    }
    assert r.counts.overdue == ("HP-5",)


def test_csv_comma_and_header_free(tmp_path: Path, status_set: Path) -> None:
    (status_set / "maletal.csv").write_text(
        textwrap.dedent("""\
        I-DOWN-ONTRACK,2025,69.9
        # a comment line
        I-NODATA,2025,1.5
        """),
        encoding="utf-8",
    )
    r = api.status(status_set, today=TODAY, cache=False)
    assert {i.id: i.latest for i in r.indicators}["I-NODATA"] == (2025, 1.5)


def test_diagram_marks_tiltak_status(status_set: Path) -> None:
    r = runner.invoke(
        app, ["diagram", str(status_set), "--status", "--today", "2026-06-15", "-o", "-"]
    )
    assert r.exit_code == 0
    dot = r.stdout
    assert "√ fullført" in dot and "– avlyst" in dot
    assert "… utsett · ! over fristen" in dot  # M6: postponed and overdue
    assert "! over fristen" in dot
    plain = runner.invoke(app, ["diagram", str(status_set), "-o", "-"]).stdout
    assert "fullført" not in plain


def test_status_notes_use_glyphs_the_diagram_font_has(status_set: Path) -> None:
    from matplotlib.ft2font import FT2Font

    from maltrace.i18n import LANGS, t

    font = FT2Font(
        str(Path(__file__).parent.parent / "src/maltrace/render/fonts/Arimo-Regular.ttf")
    )
    chars = font.get_charmap()
    for lang in LANGS:
        for code in ("done", "overdue", "cancelled", "postponed"):
            assert all(ord(c) in chars for c in t(f"st.mark.{code}", lang)), (code, lang)


def test_cached_status_is_the_same_and_follows_the_csv(status_set: Path) -> None:
    first = invoke(str(status_set), "--today", "2026-06-15", "-f", "json")[1]
    again = invoke(str(status_set), "--today", "2026-06-15", "-f", "json")[1]
    assert again == first
    r = api.status(status_set, today=TODAY)  # from the cache: no graph built
    assert r.analysis.source._graph is None  # type: ignore[attr-defined]
    assert {i.id: i.state for i in r.indicators}["I-DOWN-ONTRACK"] == "on-track"
    # A changed measurements file is read again, and so is another day.
    (status_set / "maletal.csv").write_text("I-DOWN-ONTRACK;2025;75\n", encoding="utf-8")
    data = json.loads(invoke(str(status_set), "--today", "2026-06-15", "-f", "json")[1])
    assert data["indicators"][3]["state"] == "behind"
    data = json.loads(invoke(str(status_set), "--today", "2019-01-01", "-f", "json")[1])
    assert data["tiltak"]["overdue"] == []


def test_json_holds_hostile_text(write_set) -> None:  # type: ignore[no-untyped-def]
    folder = write_set(
        hp="""\
        plan: {id: HP, type: handlingsdel, title: H}
        measures:
          - {id: M1, title: T, status: '}, {"id": "X", "s": [', responsible: "=1+2\\n"}
          - {id: M2, title: T, status: done}
        """
    )
    code, out, _ = invoke(str(folder), "--today", "2026-06-15", "-f", "json")
    data = json.loads(out)
    assert code == 0 and [m["id"] for m in data["measures"]] == ["M1", "M2"]
    assert data["measures"][0]["status_written"] == '}, {"id": "X", "s": ['


def test_status_json_written_in_parts_is_the_json_of_the_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A country's tiltak are encoded a few thousand at a time; the document must be the same
    # whatever the size of a part, and parse as the one document it is.
    import json

    from conftest import EXAMPLE_PLANS

    from maltrace.api import status
    from maltrace.render.status import terminal

    result = status(EXAMPLE_PLANS, today=dt.date(2026, 11, 23))
    whole = terminal.status_json(result)
    monkeypatch.setattr(terminal, "_MEASURES_PER_PART", 2)
    assert len(result.tiltak) > 4
    assert terminal.status_json(result) == whole
    assert [m["id"] for m in json.loads(whole)["measures"]] == [m.id for m in result.tiltak]

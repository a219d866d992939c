"""The Word report of a whole kommune (the generated one-kommune set, about 2,000 nodes): a main
part a politician reads, with numbers that add up, and the detail in appendices."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS
from test_word_pages import pdf_pages, to_pdf

from maltrace import check
from maltrace.render.check.report import make_report, write_report
from maltrace.render.document import Table

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def kommune(tmp_path_factory):
    data = tmp_path_factory.mktemp("k1") / "k1"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "kommunar", "1", str(data)],
        check=True,
        capture_output=True,
    )
    return check(data)


def _owner_table(report) -> Table:
    summary = report.section("summary")
    tables = [b for b in summary.blocks if isinstance(b, Table)]
    assert tables, "the summary explains what the coverage counts"
    return tables[0]


@pytest.mark.parametrize("which", ["example", "kommune"])
def test_the_coverage_in_the_summary_adds_up_by_the_plan_that_sets_the_goals(which, kommune):
    analysis = check(EXAMPLE_PLANS) if which == "example" else kommune
    report = make_report(analysis, diagram=False)
    table = _owner_table(report)
    *rows, total = table.rows
    goals, followed = table.headers.index("Mål"), table.headers.index("Følgde opp")
    assert sum(r[goals] for r in rows) == total[goals] == analysis.coverage.goals
    assert sum(r[followed] for r in rows) == total[followed] == analysis.coverage.followed_up
    # the samfunnsdel's own goals are the ones the areas count
    samfunnsdel = next(r for r in rows if r[0] == analysis.plans[0].id)
    assert samfunnsdel[goals] == sum(a.coverage.goals for a in analysis.per_area)


def test_whole_kommune_main_part_is_at_most_20_pages_with_detail_in_appendices(kommune, tmp_path):
    out = tmp_path / "kommune.docx"
    write_report(kommune, out)
    pages = pdf_pages(to_pdf(out))
    contents = " ".join(pages[0].split())
    m = re.search(r"Vedlegg A[^.]*?\.{3,}\s*(\d+)", contents)
    assert m, "the contents name the appendices"
    main = int(m.group(1)) - 1
    assert main <= 20, f"the main part is {main} pages"
    body = " ".join(" ".join(p.split()) for p in pages[:main]).split("Samandrag", 2)[-1]
    # the main part: the summary and what must be followed up; the detail comes after
    assert "Mål som ikkje er følgde opp" in body
    for detail in ("Oppfølging av kvart mål", "Funn"):
        assert "Vedlegg" in body and detail not in body.replace(f": {detail}", "")

"""A planner's report speaks the planner's words: no YAML key (``follows_up``,
``contributes_to``…) and no finding code (``not-followed-up``, ``target-renumbered``…) in the
text of an nn or nb report in Word, HTML or Excel (the codes stay in JSON, CSV and, in brackets,
the terminal)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from conftest import ROOT
from openpyxl import load_workbook
from pydantic import BaseModel

from maltrace.analysis import FINDING_SEVERITY
from maltrace.analysis.diff import diff_sources
from maltrace.api import check, status
from maltrace.load import models
from maltrace.render.check.document import build_report
from maltrace.render.diff.document import build_diff_document
from maltrace.render.document import Document, render_document
from maltrace.render.status.document import build_status_document

IMPACT_CODES = (
    "target-renumbered",
    "target-removed",
    "target-reworded",
    "new-goal-not-followed-up",
    "goal-lost-follow-up",
)


def _yaml_keys() -> set[str]:
    """Every key of the plan file format, as the models name them."""
    keys: set[str] = set()
    for value in vars(models).values():
        if isinstance(value, type) and issubclass(value, BaseModel):
            for name, info in value.model_fields.items():
                keys.add(info.alias or name)
    # Words that are keys but also ordinary Norwegian words are not a sign of internal language.
    return {k for k in keys if "_" in k or k in ENGLISH_ONLY}


ENGLISH_ONLY = {
    "follows",
    "goals",
    "strategies",
    "measures",
    "areas",
    "indicators",
    "baseline",
    "target",
    "values",
    "direction",
    "unit",
    "due",
    "cost",
    "tags",
    "frameworks",
    "ordered",
    "language",
    "municipality",
    "description",
    "measurements",
}
CODES = set(FINDING_SEVERITY) | set(IMPACT_CODES)
# Column headers and words that are internal language too.
INTERNAL = {
    "Node",
    "Kode",
    "foreldrelaus",
    "foreldrelause",
    "foreldreløs",
    "foreldreløse",
    "plan-hovud",
    "planhode",
}


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def _html_text(page: str) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"<[^>]+>", " ", body)


def _xlsx_text(data: bytes) -> str:
    wb = load_workbook(io.BytesIO(data))
    out = [ws.title for ws in wb]
    for ws in wb:
        out += [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    return " ".join(out)


def _texts(doc: Document) -> dict[str, str]:
    docx, page, book = (render_document(doc, f) for f in (".docx", ".html", ".xlsx"))
    assert isinstance(docx, bytes) and isinstance(page, str) and isinstance(book, bytes)
    return {"Word": _docx_text(docx), "HTML": _html_text(page), "Excel": _xlsx_text(book)}


def _documents(lang: str) -> dict[str, Document]:
    analysis = check(ROOT / "plans")
    diff = diff_sources(
        [str(ROOT / "tests/data/diff/utkast")], [str(ROOT / "tests/data/diff/vedteken")]
    )[0]
    result = status(ROOT / "plans", today=dt.date(2026, 11, 23))
    return {
        "report": build_report(analysis, lang),  # type: ignore[arg-type]
        # with its diagram: the page holds the picture's words as SVG text
        "diff": build_diff_document(diff, lang),  # type: ignore[arg-type]
        "status": build_status_document(result, lang),  # type: ignore[arg-type]
    }


@pytest.mark.parametrize("lang", ["nn", "nb"])
def test_no_yaml_key_or_finding_code_in_a_planners_report(lang: str) -> None:
    keys = _yaml_keys()
    assert {"follows_up", "contributes_to", "reason_not_followed_up"} <= keys
    found = []
    for name, doc in _documents(lang).items():
        for medium, text in _texts(doc).items():
            if "`" in text:  # a command is set as code, never with literal backticks
                at = text.find("`")
                found.append(f"{name} {medium}: a backtick in «{text[max(0, at - 50) : at + 50]}»")
            # A web address a framework cites (sdgs.un.org/goals) is a source, not our words.
            text = re.sub(r"\S+\.(?:org|no|com)\S*", " ", text)
            words = set(re.findall(r"[\w-]+", text))
            for bad in sorted((keys | CODES | INTERNAL) & words):
                at = text.find(bad)
                found.append(f"{name} {medium}: {bad!r} in «{text[max(0, at - 50) : at + 50]}»")
    assert not found, "\n".join(found)


def test_every_finding_code_has_words() -> None:
    from maltrace.i18n import has

    assert all(has(f"finding_word.{code}") for code in FINDING_SEVERITY)
    assert all(has(f"impact_word.{code}") for code in IMPACT_CODES)

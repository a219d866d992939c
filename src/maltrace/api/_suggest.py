"""``suggest`` and ``accept``: the likely missing links, and writing those a person accepted."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from maltrace.analysis import plans_language
from maltrace.analysis.suggest import Suggestions
from maltrace.analysis.suggest import suggest as rank
from maltrace.api._check import check
from maltrace.api._job import PathsLike, as_paths, job
from maltrace.api._writing import Written, writing
from maltrace.edit import AcceptPlan, ApplyResult, apply_edits, plan_accepted, read_accepted
from maltrace.errors import MaltraceError
from maltrace.graph import build_graph
from maltrace.i18n import Lang, choose_lang
from maltrace.load import LoadFailed, load_plan_files, read_plan_files
from maltrace.load.sheet_rows import ImportFailed


def suggest(
    paths: PathsLike | None = None,
    *,
    plan: str | None = None,
    node: str | None = None,
    top: int = 3,
    lang: str | None = None,
    engine: Literal["words", "meaning", "both"] | None = None,
) -> Suggestions:
    """For each node with no trace up, the goals it most likely follows up; for each goal not
    followed up, what most likely serves it (with ``node``: for that node only). ``engine``:
    rank by words, by meaning (the optional sentence model, ``maltrace[meaning]``) or both
    fused; default both when the model is installed. When meaning was asked for but cannot
    rank, words do and ``fallback`` says why. Raises ``UnknownNodeError`` for a ``node`` not
    in the set."""
    analysis = check(paths, plan=plan, lang=lang)
    try:
        with job():
            return rank(analysis, top=top, node=node, engine=engine)
    except MaltraceError as exc:
        exc.lang = analysis.lang
        raise


def write_suggestions(result: Suggestions, output: str | os.PathLike[str]) -> Written:
    """Write ``result`` as .xlsx (one row per candidate, an empty accept column), .json, .md,
    .html or .docx, whole and never over a plan file; the files written."""
    from maltrace.render.suggest.terminal import write_suggestions as write

    protect = [Path(p) for p in result.plan_files]
    with job(), writing(output, result.lang):
        return Written(write(result, output, result.lang, protect=protect), result.lang)


@dataclass
class Accept:
    """``accept``: the accepted links of a workbook as edits, and (with ``apply``) what became
    of each file written."""

    plan: AcceptPlan
    lang: Lang
    links: int
    applied: list[ApplyResult] = field(default_factory=list)


def accept(
    workbook: str | os.PathLike[str],
    paths: PathsLike | None = None,
    *,
    apply: bool = False,
    lang: str | None = None,
) -> Accept:
    """The links marked in the accept column of ``workbook`` (from ``suggest -o FILE.xlsx``),
    checked against the plans under ``paths`` as ``check`` would count them, as edits of
    ``follows_up``; with ``apply``, written (only ``follows_up`` changes, whole files). Raises
    ``LoadFailed`` or ``ImportFailed`` (every problem of the workbook's rows)."""
    asked = choose_lang(lang) if lang else None
    with job():
        found = read_plan_files(as_paths(paths))
        try:
            plan_set = load_plan_files(found)
        except LoadFailed as exc:
            exc.lang = asked or plans_language(exc.plans)
            raise
        out_lang = asked or plans_language(plan_set.plans)
        try:
            rows = read_accepted(workbook)
            plan = plan_accepted(rows, found, build_graph(plan_set))
        except ImportFailed as exc:
            exc.key = "suggest.apply.problems"  # the workbook's rows, said as suggest's
            exc.lang = out_lang
            raise
        except MaltraceError as exc:
            exc.lang = out_lang
            raise
    result = Accept(plan, out_lang, len(rows.links))
    if apply and plan.files:
        result.applied = apply_edits(plan.files)
    return result

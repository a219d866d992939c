"""``diff`` and ``relink``: what changed between two versions of the plans and what it
breaks, and the repair of links to renumbered goals."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from maltrace.analysis import plans_language
from maltrace.analysis.diff import PlanDiff, diff_sources
from maltrace.api._job import PathsLike, as_paths, job
from maltrace.api._writing import Written, writing
from maltrace.edit import ApplyResult, RelinkPlan, apply_relink, plan_relink
from maltrace.errors import MaltraceError
from maltrace.i18n import choose_lang
from maltrace.load import LoadFailed, PlanFiles
from maltrace.load.sources import SideFailed, is_git_spec


def diff(
    old: PathsLike,
    new: PathsLike | None = None,
    *,
    lang: str | None = None,
    cache: bool = True,
) -> PlanDiff:
    """What changed from OLD to NEW (folders, files, or ``"REV:PATH"`` from git; NEW defaults
    to the working tree of OLD's path) and what it breaks. Raises ``SideFailed`` naming the side
    that could not be read, or ``MaltraceError`` (``new-missing``)."""
    return _diff(old, new, lang, cache)[0]


def _diff(
    old: PathsLike, new: PathsLike | None, lang: str | None, cache: bool
) -> tuple[PlanDiff, PlanFiles]:
    asked = choose_lang(lang) if lang else None
    with job():
        try:
            return diff_sources(
                as_paths(old), as_paths(new) if new is not None else None, lang=asked, cache=cache
            )
        except SideFailed as exc:
            error = exc.error
            plans = error.plans if isinstance(error, LoadFailed) else []
            exc.lang = asked or (plans_language(plans) if plans else choose_lang(None))
            error.lang = exc.lang
            raise
        except MaltraceError as exc:
            exc.lang = asked or choose_lang(None)
            raise


def write_diff(result: PlanDiff, output: str | os.PathLike[str]) -> Written:
    """Write ``result`` as a report (.md, .html, .docx, .xlsx) or NEW's diagram with changed
    goals marked (.svg, .png, .pdf, .dot); the files written."""
    from maltrace.render.diff.document import DIAGRAM_SUFFIXES, DOCUMENT_SUFFIXES
    from maltrace.render.diff.document import write_diff as write

    with job(), writing(output, result.lang):
        if Path(output).suffix.lower() not in (*DIAGRAM_SUFFIXES, *DOCUMENT_SUFFIXES):
            raise MaltraceError("bad-format", key="diff.bad_output", path=output)
        return Written(write(result, output, lang=result.lang), result.lang)


@dataclass
class Relink:
    """``relink``: the diff, the repairs it allows, and (with ``apply``) what became of each
    file written."""

    diff: PlanDiff
    plan: RelinkPlan
    applied: list[ApplyResult] = field(default_factory=list)


def relink(
    old: PathsLike,
    new: PathsLike | None = None,
    *,
    apply: bool = False,
    lang: str | None = None,
    cache: bool = True,
) -> Relink:
    """The edits that repair links to renumbered nodes in NEW (a dry run), and with ``apply``
    the result of writing them. NEW must be on disk to be written (not ``REV:PATH``)."""
    result, found = _diff(old, new, lang, cache)
    plan = plan_relink(result, found)
    if apply and plan.files:
        if new is not None and isinstance(new, str) and is_git_spec(new):
            error = MaltraceError("not-on-disk", key="relink.not_on_disk")
            error.lang = result.lang
            raise error
        return Relink(result, plan, apply_relink(plan))
    return Relink(result, plan)

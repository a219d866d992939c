"""``check``: load the plans, build the graph, analyse coverage and integrity."""

from __future__ import annotations

from maltrace.analysis import Analysis, analyse_plan_files, plans_language
from maltrace.api._job import PathsLike, as_paths, job
from maltrace.errors import MaltraceError
from maltrace.i18n import Lang, choose_lang
from maltrace.load import LoadFailed


def check(
    paths: PathsLike | None = None,
    *,
    plan: str | None = None,
    lang: str | None = None,
    cache: bool = True,
) -> Analysis:
    """The analysis of the plans under ``paths`` (folders or files; default ``plans/``), in
    ``lang`` (default: the plans' language, see ``maltrace.i18n.choose_lang``), as seen from
    ``plan`` when given.

    Raises ``LoadFailed`` (every load error) or ``UnknownPlanError``; either carries the
    language to report it in (``exc.lang``).
    """
    asked = choose_lang(lang) if lang else None
    with job():
        try:
            analysis = analyse_plan_files(as_paths(paths), lang=asked, cache=cache)
        except LoadFailed as exc:
            exc.lang = asked or plans_language(exc.plans)
            raise
    return focused(analysis, plan)


def focused(analysis: Analysis, plan: str | None) -> Analysis:
    """``analysis`` as seen from ``plan`` (itself when None)."""
    if not plan:
        return analysis
    from maltrace.analysis import focus_plan

    try:
        return focus_plan(analysis, plan)
    except MaltraceError as exc:
        exc.lang = analysis.lang
        raise


def below(analysis: Analysis, fail_under: float) -> bool:
    """Whether the oppfølgingsgrad is under ``fail_under`` percent (the words ``check`` adds)."""
    cov = analysis.coverage
    return fail_under < 100 and cov.followed_up * 100 < fail_under * cov.goals


def error_lang(exc: MaltraceError, asked: str | None) -> Lang:
    """The language to report ``exc`` in: the one asked for, else the job's, else nynorsk."""
    return choose_lang(asked) if asked else (exc.lang or choose_lang(None))

"""``status``: tiltak by status, overdue tiltak and indicator states on a day."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from maltrace.analysis import Analysis
from maltrace.analysis.status import StatusResult, analyse_status, focus_status
from maltrace.api._check import check
from maltrace.api._job import PathsLike, job
from maltrace.api._writing import Written, writing
from maltrace.errors import MaltraceError
from maltrace.i18n import choose_lang


def parse_day(today: dt.date | str | None, lang: str | None = None) -> dt.date:
    """``today`` as a date (default: today); a text that is no YYYY-MM-DD date is refused."""
    if today is None:
        return dt.date.today()
    if isinstance(today, dt.date):
        return today
    try:
        return dt.date.fromisoformat(today.strip())
    except ValueError:
        error = MaltraceError("bad-today", key="st.bad_today", value=today)
        error.lang = choose_lang(lang)
        raise error from None


def status(
    paths: PathsLike | None = None,
    *,
    today: dt.date | str | None = None,
    plan: str | None = None,
    lang: str | None = None,
    cache: bool = True,
) -> StatusResult:
    """Tiltak status, overdue tiltak and indicator states of the plans under ``paths`` on
    ``today`` (default: today), read with the indicator values of the plans' measurement files.

    Raises ``LoadFailed`` when the plans or a measurements file cannot be read, and
    ``UnknownPlanError`` when ``plan`` is not in the set (each with ``exc.lang``).
    """
    day = parse_day(today, lang)
    analysis = check(paths, lang=lang, cache=cache)
    try:
        return status_of(analysis, today=day, plan=plan)
    except MaltraceError as exc:
        exc.lang = analysis.lang
        raise


def status_of(
    analysis: Analysis,
    *,
    today: dt.date,
    plan: str | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
) -> StatusResult:
    """``status`` for an analysis already made. When ``analysis`` came through the cache (it
    has a ``source_key``), the result is cached too, under the set, ``today`` and the
    measurement files' bytes."""
    from maltrace.analysis.status_cached import (
        StatusCache,
        cached_status,
        status_key,
        store_status,
    )

    with job():
        key = status_key(analysis, today)
        store = StatusCache(Path(cache_dir) if cache_dir else None) if key else None
        result = cached_status(store, key, analysis) if store and key else None
        if result is None:
            result = _fresh_status(analysis, today)
            if store and key:
                store_status(store, key, result)
    return focus_status(result, plan) if plan else result


def _fresh_status(analysis: Analysis, today: dt.date) -> StatusResult:
    from maltrace.load import Kind
    from maltrace.load.measurements import read_measurements

    graph = analysis.graph
    plans = list(graph.graph["plans"].values())
    values: dict[str, dict[int, float]] = {}
    if any(p.plan.measurements for p in plans):
        indicators = [
            ind.id
            for _, data in graph.nodes(data=True)
            if data["kind"] is Kind.GOAL
            for ind in data["model"].indicators
        ]
        values = read_measurements(plans, indicators)
    return analyse_status(analysis, today=today, measurements=values, lang=analysis.lang)


def status_format(output: str | os.PathLike[str], *, lang: str | None = None) -> str:
    """The format of the chapter file ``output`` (.md, .html, .docx, .xlsx); ``FormatError``
    for any other suffix."""
    from maltrace.render.document import document_format

    try:
        return document_format(output, csv=False)
    except MaltraceError as exc:
        exc.lang = choose_lang(lang)
        raise


def write_status(result: StatusResult, output: str | os.PathLike[str]) -> Written:
    """Write the chapter «Måloppnåing» of ``result`` (.md, .html, .docx, .xlsx with charts),
    whole; the files written."""
    from maltrace.render.status.document import write_status_report

    with job(), writing(output, result.lang):
        return Written(write_status_report(result, output, lang=result.lang), result.lang)

"""``maltrace status`` for people (a compact terminal page) and for scripts (stable JSON).

The words for states and codes never rely on colour alone: every state is written out.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from maltrace.analysis.status import (
    COUNT_KEYS,
    MeasureStatus,
    StatusResult,
)
from maltrace.i18n import Lang, format_date, t
from maltrace.render.status.sentences import (
    headline,
    indicators_headline,
    state_word,
    status_word,
    value_text,
)
from maltrace.render.terminal import _table, plain, render_justified

SCHEMA_VERSION = 1
# How many overdue tiltak the terminal lists before "and N more" (JSON and reports list all).
OVERDUE_SHOWN = 25

_STATE_STYLE = {"reached": "green", "on-track": "green", "behind": "red", "no-data": "yellow"}


def render_status(result: StatusResult, console: Console, lang: Lang | None = None) -> None:
    lang = lang or result.lang
    console.print(
        Text(
            f"{t('st.title', lang)} — {t('st.today', lang, date=format_date(result.today, lang))}",
            style="bold",
        )
    )
    # Headlines as single lines (the terminal wraps them), so they read and grep as written.
    console.print(Text(headline(result.counts, lang)), soft_wrap=True)
    if result.counts.get("unknown") or result.counts.get("none"):
        console.print(
            Text(
                t(
                    "st.headline_other",
                    lang,
                    unknown=result.counts.get("unknown"),
                    none=result.counts.get("none"),
                )
            ),
            soft_wrap=True,
        )
    console.print(Text(indicators_headline(result, lang)), soft_wrap=True)
    console.print()

    if result.per_plan:
        table = _table(
            t("st.col.plan", lang),
            t("st.col.total", lang),
            status_word("done", lang).capitalize(),
            status_word("ongoing", lang).capitalize(),
            status_word("not-started", lang).capitalize(),
            t("st.col.overdue", lang),
            title=t("st.section.per_plan", lang),
        )
        for pid, c in result.per_plan.items():
            table.add_row(
                plain(pid),
                Text(str(c.total)),
                Text(str(c.get("done"))),
                Text(str(c.get("ongoing"))),
                Text(str(c.get("not-started"))),
                Text(str(len(c.overdue)), style="red" if c.overdue else ""),
            )
        console.print(table)
        console.print()

    if result.indicators:
        table = _table(
            t("st.col.id", lang),
            t("st.col.indicator", lang),
            t("st.col.latest", lang),
            t("st.col.target", lang),
            t("st.col.state", lang),
            title=t("st.section.indicators", lang),
        )
        for ind in result.indicators:
            table.add_row(
                plain(ind.id),
                plain(ind.title + (f" ({ind.unit})" if ind.unit else "")),
                Text(value_text(ind, ind.latest, lang)),
                Text(value_text(ind, ind.target, lang)),
                Text(state_word(ind.state, lang), style=_STATE_STYLE[ind.state]),
            )
        console.print(table)
        console.print()

    overdue = result.overdue
    if overdue:
        table = _table(
            t("st.col.id", lang),
            t("st.col.title", lang),
            t("st.col.due", lang),
            t("st.col.status", lang),
            t("st.col.responsible", lang),
            title=t("st.section.overdue", lang),
        )
        for m in overdue[:OVERDUE_SHOWN]:
            table.add_row(
                plain(m.id),
                plain(m.title),
                plain(m.due_written or ""),
                Text(status_word(m.status, lang)),
                plain(m.responsible or ""),
            )
        console.print(table)
        if len(overdue) > OVERDUE_SHOWN:
            console.print(Text(f"… +{len(overdue) - OVERDUE_SHOWN}"))
        console.print()

    render_justified(result.analysis, console, lang)

    for f in result.findings:
        line = Text()
        line.append(plain(f"{f.location()}: "))
        line.append(t(f"severity.{f.severity}", lang), style="bold yellow")
        line.append(f" [{f.code}] ")
        line.append(plain(f.message(lang)))
        console.print(line)
        console.print(Padding(plain(f"→ {f.fix(lang)}"), (0, 0, 0, 4), style="dim"))


def render_fail_on(result: StatusResult, fail_on: list[str], console: Console, lang: Lang) -> None:
    """Say why ``--fail-on`` makes the run fail."""
    reasons = []
    if "behind" in fail_on and result.behind:
        reasons.append(t("st.fail_on.behind", lang, count=len(result.behind)))
    if "overdue" in fail_on and result.overdue:
        reasons.append(t("st.fail_on.overdue", lang, count=len(result.overdue)))
    if reasons:
        console.print(Text(t("st.fail_on", lang, what=", ".join(reasons)), style="bold red"))


# -- diagram marks ---------------------------------------------------------------------------


def _point(point: tuple[int, float] | None) -> dict[str, Any] | None:
    return None if point is None else {"year": point[0], "value": point[1]}


def _measure(m: MeasureStatus) -> dict[str, Any]:
    return {
        "id": m.id,
        "plan": m.plan,
        "status": m.status,
        "status_written": m.written,
        "due": m.due.isoformat() if m.due else None,
        "overdue": m.overdue,
        "responsible": m.responsible,
        "cost": None
        if m.cost is None
        else {str(y): int(v) if v.is_integer() else v for y, v in m.cost.items()},
    }


def status_dict(
    result: StatusResult, lang: Lang | None = None, *, measures: bool = True
) -> dict[str, Any]:
    lang = lang or result.lang
    return {
        "schema_version": SCHEMA_VERSION,
        "today": result.today.isoformat(),
        "lang": lang,
        "plan": result.analysis.focus,
        "tiltak": result.counts.as_dict(),
        "indicators": [
            {
                "id": i.id,
                "goal": i.goal,
                "title": i.title,
                "state": i.state,
                "unit": i.unit,
                "direction": i.direction,
                "baseline": _point(i.baseline),
                "target": _point(i.target),
                "latest": _point(i.latest),
                "expected": None if i.expected is None else round(i.expected, 4),
                "values": [_point(v) for v in i.values],
                "source": i.source,
            }
            for i in result.indicators
        ],
        "goals": [
            {
                "id": g.id,
                "plan": g.plan,
                "title": g.title,
                "state": g.state,
                "tiltak": g.tiltak.as_dict(),
                "indicators": list(g.indicators),
            }
            for g in result.goals
        ],
        "measures": [_measure(m) for m in result.tiltak] if measures else [],
        "per_plan": {p: c.as_dict() for p, c in result.per_plan.items()},
        "per_area": {a: c.as_dict() for a, c in result.per_area.items()},
        "justified": [
            {"node": f.node, "code": f.code, "reason": f.params["reason"]}
            for f in result.analysis.infos
        ],
        "findings": [f.as_dict(lang) for f in result.findings],
        "status_codes": list(COUNT_KEYS),
    }


def status_json(result: StatusResult, lang: Lang | None = None) -> str:
    """``status_dict`` as JSON (see ``status_json_parts``)."""
    return "".join(status_json_parts(result, lang))


# Tiltak encoded at a time: a country's half a million as one list of dicts, then one string,
# then that string with its line breaks, would hold the status result three times over.
_MEASURES_PER_PART = 5000


def status_json_parts(result: StatusResult, lang: Lang | None = None) -> Iterator[str]:
    """``status_dict`` as JSON, in parts to write one after another: indented, with one line
    per tiltak in ``measures``. A country's half a million tiltak through the indenting (pure
    Python) encoder would cost more than the whole status analysis; a line each goes through
    the C one, a few thousand tiltak per call."""
    data = status_dict(result, lang, measures=False)
    del data["measures"]
    head = json.dumps(data, ensure_ascii=False, indent=2)
    tiltak = result.tiltak
    yield f'{head[:-2]},\n  "measures": '
    if not tiltak:
        yield "[]\n}\n"
        return
    yield "[\n    "
    for start in range(0, len(tiltak), _MEASURES_PER_PART):
        part = [_measure(m) for m in tiltak[start : start + _MEASURES_PER_PART]]
        # ``}, {"id": `` with bare quotes can only be a boundary between entries (quotes inside
        # strings are escaped).
        flat = json.dumps(part, ensure_ascii=False)[1:-1]
        if start:
            yield ",\n    "
        yield flat.replace('}, {"id": ', '},\n    {"id": ')
    yield "\n  ]\n}\n"

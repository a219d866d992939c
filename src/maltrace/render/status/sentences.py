"""Sentences of a status result that every medium says alike: the headlines, the words for
a tiltak's status and an indicator's state, and the marks on a diagram's tiltak boxes."""

from __future__ import annotations

from maltrace.analysis.status import (
    IndicatorStatus,
    StatusCounts,
    StatusResult,
)
from maltrace.i18n import Lang, t
from maltrace.render.charts import format_number


def status_word(code: str, lang: Lang) -> str:
    return t(f"st.code.{code}", lang)


def state_word(state: str | None, lang: Lang) -> str:
    return t(f"st.state.{state}", lang) if state else ""


def value_text(ind: IndicatorStatus, point: tuple[int, float] | None, lang: Lang) -> str:
    """``67 (2024)``: a value with its year."""
    if point is None:
        return "–"
    return f"{format_number(point[1], lang)} ({point[0]})"


def headline(counts: StatusCounts, lang: Lang) -> str:
    return t(
        "st.headline",
        lang,
        total=counts.total,
        done=counts.get("done"),
        ongoing=counts.get("ongoing"),
        not_started=counts.get("not-started"),
        postponed=counts.get("postponed"),
        cancelled=counts.get("cancelled"),
        overdue=len(counts.overdue),
    )


def indicators_headline(result: StatusResult, lang: Lang) -> str:
    c = result.state_counts()
    return t(
        "st.indicators_headline",
        lang,
        total=len(result.indicators),
        reached=c["reached"],
        on_track=c["on-track"],
        behind=c["behind"],
        no_data=c["no-data"],
    )


_MARKED = ("done", "cancelled", "postponed")


def status_notes(result: StatusResult, lang: Lang | None = None) -> dict[str, tuple[str, ...]]:
    """Words for a diagram's tiltak boxes: a mark and a word for done, cancelled, postponed and
    overdue tiltak (``✓ fullført``, ``⚠ over fristen``): readable in black and white."""
    lang = lang or result.lang
    out: dict[str, tuple[str, ...]] = {}
    for m in result.tiltak:
        words = []
        if m.status in _MARKED:
            words.append(t(f"st.mark.{m.status}", lang))
        if m.overdue:
            words.append(t("st.mark.overdue", lang))
        if words:
            out[m.id] = (" · ".join(words),)
    return out


# -- JSON -------------------------------------------------------------------------------------

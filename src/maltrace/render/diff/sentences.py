"""Words for a diff's changes, shared by the terminal view and the report document."""

from __future__ import annotations

import datetime as dt

from maltrace.analysis import Coverage
from maltrace.analysis.diff import Change, PlanDiff
from maltrace.i18n import Lang, format_date, format_percent, t
from maltrace.load import PlanInfo
from maltrace.render.marked import Marked, Piece, word_pieces


def kind_word(kind: str, lang: Lang) -> str:
    return t(f"kind.{kind}", lang)


def word_diff_text(change: Change) -> Marked:
    """The title's word diff: removed and added words as pieces (struck out and underlined
    where the medium can; ``Alle [-innbyggjarane-] {+innbyggjarar+} …`` as plain text)."""
    return Marked(word_pieces(change.words))


def _value(field: str | None, value: str | None, lang: Lang) -> str:
    if value is None or value == "":
        return t("change.none", lang)
    if field == "date":
        try:
            return format_date(dt.date.fromisoformat(value), lang)
        except ValueError:
            return value
    return value


def change_detail(change: Change, lang: Lang) -> Marked:
    """What changed, in one line of words (no colour needed); a word diff as marked pieces."""
    return Marked(_detail_pieces(change, lang))


def _detail_pieces(change: Change, lang: Lang) -> list[Piece]:
    c = change
    if c.change == "header":
        name = t(f"diff.field.{c.field}", lang)
        old, new = _value(c.field, c.old_value, lang), _value(c.field, c.new_value, lang)
        return [("=", f"{name}: {old} → {new}")]
    if c.change == "added":
        text = _q(c.new_title, lang)
        if c.reused_id:
            text += " — " + t("change.reused_id", lang, old_title=c.old_title)
        return [("=", text)]
    if c.change == "removed":
        return [("=", _q(c.old_title, lang))]
    if c.change == "renumbered":
        text = t("change.renumbered_from", lang, old_id=c.old_id) + ": " + _q(c.new_title, lang)
        if c.words:
            return [("=", text + " ("), *word_pieces(c.words), ("=", ")")]
        return [("=", text)]
    if c.change == "reworded":
        pieces: list[Piece] = word_pieces(c.words) if c.words else [("=", _q(c.new_title, lang))]
        if (c.old_description or "") != (c.new_description or ""):
            pieces.append(("=", " — " + t("change.description", lang)))
        return pieces
    # moved
    top = t("change.top", lang)
    old = c.old_parent or top
    new = c.new_parent or top
    if c.old_plan:
        old = f"{c.old_plan} {old}" if c.old_parent else c.old_plan
    return [("=", t("change.moved_from", lang, old=old, new=new) + ": " + _q(c.new_title, lang))]


def diagram_notes(diff: PlanDiff, lang: Lang) -> dict[str, tuple[str, ...]]:
    """Node id in NEW -> short words under its title in a diagram: Δ what changed, ! a link
    to look at."""
    out: dict[str, list[str]] = {}
    for c in diff.changes:
        if c.kind == "plan" or c.change == "removed":
            continue
        if c.change == "added" and c.reused_id:
            note = t("diff.note.reused", lang, old_title=_short(c.old_title or ""))
        elif c.change == "renumbered":
            note = t("diff.note.renumbered", lang, old_id=c.old_id)
        else:
            note = t(f"diff.note.{c.change}", lang)
        out.setdefault(c.id, []).append(note)
    for i in diff.impact:
        # The followers whose link needs a person (or relink): said in their box, so the
        # picture shows where to act, not only what changed above.
        if i.code in _FOLLOWER_IMPACT:
            note = t(f"diff.note.{i.code}", lang, target=i.target, suggestion=i.suggestion)
            out.setdefault(i.node, []).append(note)
    return {k: tuple(v) for k, v in out.items()}


_FOLLOWER_IMPACT = ("target-renumbered", "target-removed", "target-reworded")


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _q(text: str | None, lang: Lang) -> str:
    return t("change.quoted", lang, text=text or "")


def coverage_line(diff: PlanDiff, lang: Lang) -> str:
    """The set's coverage before and after: «Oppfølgingsgrad: 100 % → 42,9 % (6 av 6 → 3 av 7)»."""
    before, after = diff.old.coverage, diff.new.coverage
    return t(
        "diff.coverage_line",
        lang,
        before=format_percent(before.ratio, lang),
        after=format_percent(after.ratio, lang),
        followed_before=before.followed_up,
        goals_before=before.goals,
        followed_after=after.followed_up,
        goals_after=after.goals,
    )


def relink_hint(diff: PlanDiff, lang: Lang) -> str | None:
    """The sentence that points at ``maltrace relink`` when links to renumbered goals can be
    mended by it (terminal and report alike), or None when there are none."""
    relinkable = sum(1 for i in diff.impact if i.code == "target-renumbered")
    if not relinkable:
        return None
    return t("diff.relink_hint", lang, count=relinkable, old=diff.old_label, new=diff.new_label)


def summary_line(diff: PlanDiff, lang: Lang) -> str:
    """How many changes, and how many things to follow up."""
    return t("diff.summary", lang, changes=len(diff.changes), impact=len(diff.impact))


# -- what the two sides are: the plans' own titles, status and dates ------------------------------


def _top_plan(diff: PlanDiff) -> PlanInfo | None:
    """The plan the set is about: NEW's first plan that follows no plan of the set (the
    samfunnsdel), else OLD's."""
    for analysis in (diff.new, diff.old):
        ids = {p.id for p in analysis.plans}
        for info in analysis.plans:
            if not any(f in ids for f in info.follows):
                return info
    return None


def _short_date(value: dt.date, lang: Lang) -> str:
    return format_date(value, lang) if lang == "en" else f"{value:%d.%m.%Y}"


def plan_when(info: PlanInfo, lang: Lang) -> str:
    """«høyringsutkast 15.11.2021»: the plan's status and date, as far as it gives them."""
    parts = [info.status or "", _short_date(info.date, lang) if info.date else ""]
    return " ".join(p for p in parts if p) or t("diff.no_when", lang)


def diff_title(diff: PlanDiff, lang: Lang) -> str:
    """«Endringar i Kommuneplanen sin samfunnsdel 2022–2034»; the folders only when neither
    side has a plan."""
    top = _top_plan(diff)
    if top is None:
        return t("diff.title", lang, old=diff.old_label, new=diff.new_label)
    return t("diff.title_plan", lang, title=top.title)


def version_lines(diff: PlanDiff, lang: Lang) -> list[str]:
    """One line per plan: its status and date before and after («KPS: høyringsutkast
    15.11.2021 → vedteken 19.05.2022»); the plan the title names by id, the others with their
    title too."""
    top = _top_plan(diff)
    old = {p.id: p for p in diff.old.plans}
    new = {p.id: p for p in diff.new.plans}
    lines = []
    for pid in dict.fromkeys([*new, *old]):
        o, n = old.get(pid), new.get(pid)
        either = n or o
        assert either is not None
        name = pid if top is not None and pid == top.id else f"{pid} {either.title}"
        if o is None and n is not None:
            lines.append(t("diff.version_added", lang, plan=name, when=plan_when(n, lang)))
        elif n is None and o is not None:
            lines.append(t("diff.version_removed", lang, plan=name, when=plan_when(o, lang)))
        elif o is not None and n is not None:
            before, after = plan_when(o, lang), plan_when(n, lang)
            key = "diff.version_same" if before == after else "diff.version_changed"
            lines.append(t(key, lang, plan=name, old=before, new=after, when=after))
    return lines


def since_words(diff: PlanDiff, lang: Lang) -> str:
    """What NEW is compared with, in words: the title plan's old status and date."""
    top = _top_plan(diff)
    old = {p.id: p for p in diff.old.plans}
    if top is not None and top.id in old:
        return plan_when(old[top.id], lang)
    return t("diff.no_when", lang)


def sources_line(diff: PlanDiff, lang: Lang) -> str:
    """The folders or revisions compared, for the small print."""
    return t("diff.sources", lang, old=diff.old_label, new=diff.new_label)


CoveragePair = tuple[str, Coverage | None, Coverage | None]


def plan_coverage_pairs(diff: PlanDiff) -> list[CoveragePair]:
    """Each plan's coverage before and after (None on the side that lacks the plan)."""
    rows: list[CoveragePair] = []
    for pid in dict.fromkeys([*diff.old.per_plan, *diff.new.per_plan]):
        o, n = diff.old.per_plan.get(pid), diff.new.per_plan.get(pid)
        rows.append((pid, o.coverage if o else None, n.coverage if n else None))
    return rows


def area_coverage_pairs(diff: PlanDiff) -> list[CoveragePair]:
    """Each satsingsområde («KPS-1 Helse») with its coverage before and after."""
    old = {a.area: a for a in diff.old.per_area}
    new = {a.area: a for a in diff.new.per_area}
    rows: list[CoveragePair] = []
    for aid in dict.fromkeys([*new, *old]):
        o, n = old.get(aid), new.get(aid)
        either = n or o
        title = either.title if either is not None else ""
        rows.append((f"{aid} {title}", o.coverage if o else None, n.coverage if n else None))
    return rows

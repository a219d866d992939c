"""``maltrace diff`` for people: a change list a styringsgruppe can read, action first.

Plan text is never parsed as rich markup (every piece is a ``Text``); changes are marked with
words and ``[-…-]``/``{+…+}``, never with colour alone.
"""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from maltrace.analysis import Coverage
from maltrace.analysis.diff import PlanDiff
from maltrace.i18n import Lang, format_percent, t
from maltrace.render.diff.sentences import (
    area_coverage_pairs,
    change_detail,
    coverage_line,
    diff_title,
    kind_word,
    plan_coverage_pairs,
    relink_hint,
    sources_line,
    summary_line,
    version_lines,
)
from maltrace.render.marked import pieces_of, with_code
from maltrace.render.terminal import plain

_CHANGE_STYLE = {
    "added": "green",
    "removed": "red",
    "renumbered": "yellow",
    "reworded": "yellow",
    "moved": "cyan",
    "header": "bold",
}


def _pct(c: Coverage | None, lang: Lang) -> str:
    return format_percent(c.ratio, lang) if c is not None else "–"


def _count(c: Coverage | None) -> str:
    return f"{c.followed_up}/{c.goals}" if c is not None else "–"


def _styled(text: str, console: Console) -> Text:
    """A word diff in a terminal that shows styles: removed words struck out in red, added ones
    underlined in green; elsewhere (a pipe, a file, NO_COLOR) the ``[-…-]``/``{+…+}`` marks,
    which read without styles."""
    if console.color_system is None or console.no_color:
        return plain(text)
    out = Text()
    for op, piece in pieces_of(text):
        out.append(plain(piece).plain, style=_PIECE_STYLE.get(op, ""))
    return out


_PIECE_STYLE = {"-": "strike red", "+": "underline green", "`": "bold"}


def render_diff(diff: PlanDiff, console: Console, lang: Lang | None = None) -> None:
    lang = lang or diff.lang
    before, after = diff.old.coverage, diff.new.coverage
    console.print(plain(diff_title(diff, lang)), style="bold")
    for version in version_lines(diff, lang):
        console.print(plain(version))
    console.print(plain(sources_line(diff, lang)), style="dim")
    console.print(
        plain(coverage_line(diff, lang)),
        style="bold " + ("red" if after.ratio < before.ratio else "green"),
    )
    console.print()

    console.print(Text(f"{t('diff.impact_heading', lang)} ({len(diff.impact)})", style="bold"))
    if not diff.impact:
        console.print(Text(t("diff.no_impact", lang)))
    for i in diff.impact:
        line = Text()
        line.append(plain(f"{i.location()}: "))
        line.append(f"[{i.code}] ", style="bold red")
        line.append(plain(i.message(lang)))
        console.print(line)
        console.print(Padding(plain(f"→ {i.fix(lang)}"), (0, 0, 0, 4), style="dim"))
    console.print()

    console.print(Text(f"{t('diff.changes_heading', lang)} ({len(diff.changes)})", style="bold"))
    if not diff.changes:
        console.print(Text(t("diff.no_changes", lang)))
    current = None
    for c in diff.changes:
        if c.plan != current:
            current = c.plan
            console.print(plain(c.plan), style="bold")
        line = Text("  ")
        line.append(t(f"change.{c.change}", lang), style=_CHANGE_STYLE[c.change])
        line.append(plain(f"  {kind_word(c.kind, lang)} {c.id}: "))
        line.append(_styled(change_detail(c, lang), console))
        console.print(line)
    console.print()

    _coverage_tables(diff, console, lang)
    hint = relink_hint(diff, lang)
    if hint:
        console.print(_styled(with_code(hint), console))
    console.print(plain(summary_line(diff, lang)))


def _coverage_tables(diff: PlanDiff, console: Console, lang: Lang) -> None:
    rows = plan_coverage_pairs(diff)
    _table(console, lang, t("diff.per_plan_heading", lang), t("col.plan", lang), rows)
    rows = area_coverage_pairs(diff)
    _table(console, lang, t("diff.per_area_heading", lang), t("col.area", lang), rows)


def _table(
    console: Console,
    lang: Lang,
    title: str,
    what: str,
    rows: list[tuple[str, Coverage | None, Coverage | None]],
) -> None:
    if not rows:
        return
    table = Table(title=Text(title, style="bold"), title_justify="left")
    for header in (
        what,
        t("diff.col.before", lang),
        t("diff.col.after", lang),
        t("diff.col.coverage_before", lang),
        t("diff.col.coverage_after", lang),
    ):
        table.add_column(Text(header), overflow="fold")
    for label, o, n in rows:
        changed = o is None or n is None or o.ratio != n.ratio
        table.add_row(
            plain(label),
            Text(_count(o)),
            Text(_count(n)),
            Text(_pct(o, lang)),
            Text(_pct(n, lang), style="bold" if changed else ""),
        )
    console.print(table)
    console.print()

"""What every terminal view shares: rich tables that read well at 80 columns and in a CI log,
findings, justified gaps and load errors.

Plan text is never parsed as rich markup: every cell is a ``Text``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from maltrace.analysis import Analysis, Coverage, Finding
from maltrace.i18n import Lang, format_percent, t
from maltrace.load import LoadError

# Control characters from a plan file (an ESC starting a terminal sequence, say) are shown, not
# obeyed: each becomes the visible "␛"-style symbol or U+FFFD.
_CONTROLS = {c: 0x2400 + c for c in range(0x20) if c not in (9, 10)}
_CONTROLS.update({0x7F: 0x2421, **{c: 0xFFFD for c in range(0x80, 0xA0)}})


def plain(text: str) -> Text:
    """Plan text as a rich ``Text``: never parsed as markup, control characters defused."""
    return Text(text.translate(_CONTROLS))


def _ratio_style(cov: Coverage) -> str:
    if cov.goals == 0 or cov.followed_up == cov.goals:
        return "green"
    return "yellow" if cov.ratio >= 0.75 else "red"


def _table(*headers: str, title: str) -> Table:
    table = Table(
        title=Text(title, style="bold"), title_justify="left", show_lines=False, expand=False
    )
    for h in headers:
        table.add_column(Text(h), overflow="fold")
    return table


def _coverage_table(
    console: Console,
    lang: Lang,
    title: str,
    what: str,
    count: str,
    rows: list[tuple[str, Coverage]],
) -> None:
    table = _table(what, count, t("col.followed_up", lang), t("col.coverage", lang), title=title)
    for label, c in rows:
        table.add_row(
            plain(label),
            Text(str(c.goals)),
            Text(str(c.followed_up)),
            Text(format_percent(c.ratio, lang), style=_ratio_style(c)),
        )
    console.print(table)
    console.print()


def render_justified(analysis: Analysis, console: Console, lang: Lang) -> None:
    """Gaps the plans explain: goals left for good reason, nodes deliberately without a link."""
    justified = [f for f in analysis.findings if f.code in _JUSTIFIED]
    if not justified:
        return
    table = _table(
        t("col.id", lang),
        t("col.kind", lang),
        t("col.title", lang),
        t("col.reason", lang),
        title=t("check.justified", lang),
    )
    for f in justified:
        kind = f.params.get("kind", "goal")
        table.add_row(
            plain(f.node or ""),
            Text(t(f"kind.{kind}", lang)),
            plain(f.params["title"]),
            plain(f.params["reason"]),
        )
    console.print(table)
    console.print()


_JUSTIFIED = ("not-followed-up-justified", "no-link-justified")
_STYLE = {"error": "red", "warning": "yellow", "info": "blue"}


def render_findings(findings: Sequence[Finding], console: Console, lang: Lang) -> None:
    """Integrity findings as ``file:line: severity [code] message`` with the fix below.

    Goals not followed up already have their own table, so here they are only counted.
    """
    console.print(Text(t("check.findings", lang), style="bold"))
    if not findings:
        console.print(Text(t("check.no_findings", lang)))
        return
    if all(f.code in _JUSTIFIED for f in findings):
        console.print(Text(t("check.no_findings", lang)))
    for f in findings:
        if f.code == "not-followed-up" or f.code in _JUSTIFIED:
            continue  # in their own tables
        style = _STYLE[f.severity]
        line = Text()
        line.append(plain(f"{f.location()}: "))
        line.append(t(f"severity.{f.severity}", lang), style=f"bold {style}")
        line.append(f" [{f.code}] ")
        line.append(plain(f.message(lang)))
        console.print(line)
        console.print(Padding(plain(f"→ {f.fix(lang)}"), (0, 0, 0, 4), style="dim"))
    uncovered = sum(1 for f in findings if f.code == "not-followed-up")
    if uncovered:
        console.print(Text(t("check.see_uncovered", lang, count=uncovered)))
    errors = sum(1 for f in findings if f.severity == "error")
    infos = sum(1 for f in findings if f.severity == "info")
    console.print()
    console.print(
        Text(
            t("check.summary_counts", lang, errors=errors, warnings=len(findings) - errors - infos)
        )
    )
    if infos:
        console.print(Text(t("check.summary_infos", lang, infos=infos)))


def render_load_errors(errors: Sequence[LoadError], console: Console, lang: Lang) -> None:
    """Every load error as ``file:line: message`` — the form editors and CI logs link from."""
    for e in errors:
        line = Text()
        line.append(plain(f"{e.location()}: "))
        line.append(f"[{e.code}] ", style="red")
        line.append(plain(e.message(lang)))
        # One error per line, unwrapped: editors and CI logs link from ``file:line:``.
        console.print(line, soft_wrap=True)
    console.print()
    console.print(Text(t("check.load_failed", lang, count=len(errors)), style="bold red"))

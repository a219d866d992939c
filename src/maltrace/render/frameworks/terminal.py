"""Frameworks for people in a terminal: the compact table under ``check`` and ``maltrace
frameworks``. Every cell is a rich ``Text`` (plan text is never markup)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from maltrace.analysis import Analysis
from maltrace.i18n import Lang, format_percent, t
from maltrace.load.frameworks import Framework, FrameworkItem
from maltrace.render.terminal import plain

# Ids of items not addressed, in the compact table: the rest is counted.
_MAX_IDS = 8


def render_frameworks_table(analysis: Analysis, console: Console, lang: Lang) -> None:
    """One row per framework in use: items, addressed, share, what is not addressed."""
    if not analysis.frameworks:
        return
    table = Table(
        title=Text(t("frameworks.check_title", lang), style="bold"),
        title_justify="left",
        expand=False,
    )
    for key in ("col_framework", "col_items", "col_addressed", "col_share", "col_not_addressed"):
        table.add_column(Text(t(f"frameworks.{key}", lang)), overflow="fold")
    for fid, fc in analysis.frameworks.items():
        label = f"{fid} {fc.framework.title(lang)}"
        if fc.framework.ordered:
            label += f" ({t('frameworks.ladder', lang)})"
        missing = list(fc.not_addressed)
        shown = ", ".join(missing[:_MAX_IDS])
        if len(missing) > _MAX_IDS:
            shown += " " + t("frameworks.diagram_more", lang, count=len(missing) - _MAX_IDS)
        table.add_row(
            plain(label),
            Text(str(fc.items)),
            Text(str(len(fc.addressed))),
            Text(format_percent(fc.ratio, lang)),
            plain(shown or t("frameworks.none", lang)),
        )
    console.print(table)
    for fc in analysis.frameworks.values():
        if fc.cross_cutting:
            console.print(
                plain(
                    f"{fc.id}: " + t("frameworks.across", lang, nodes=", ".join(fc.cross_cutting))
                )
            )
    console.print()


def render_framework_list(frameworks: list[Framework], console: Console, lang: Lang) -> None:
    table = Table(title=Text(t("frameworks.list_title", lang), style="bold"), title_justify="left")
    for key in ("col_id", "col_title", "col_kind", "col_items"):
        table.add_column(Text(t(f"frameworks.{key}", lang)), overflow="fold")
    for fw in frameworks:
        kind = t("frameworks.ladder" if fw.ordered else "frameworks.framework", lang)
        table.add_row(plain(fw.id), plain(fw.title(lang)), Text(kind), Text(str(len(fw.items))))
    console.print(table)
    console.print(Text(t("frameworks.list_hint", lang)))


def render_framework(fw: Framework, console: Console, lang: Lang, file: str | None) -> None:
    """One framework: its title, source, the file to copy and every item, nested indented."""
    console.print(plain(f"{fw.id} {fw.title(lang)}"), style="bold")
    if fw.reference:
        console.print(plain(t("frameworks.reference", lang, reference=fw.reference[_i(lang)])))
    if file:
        console.print(plain(t("frameworks.file", lang, file=file)), soft_wrap=True)
    console.print()
    for n, item in enumerate(fw.items, start=1):
        prefix = t("frameworks.step_n", lang, n=n) + ": " if fw.ordered else ""
        console.print(plain(f"{prefix}{item.id} {item.title(lang)}"))
        _children(item, console, lang, 1)


def _children(item: FrameworkItem, console: Console, lang: Lang, depth: int) -> None:
    for child in item.items:
        console.print(plain("  " * depth + f"{child.id} {child.title(lang)}"))
        _children(child, console, lang, depth + 1)


def _i(lang: Lang) -> int:
    return ("nn", "nb", "en").index(lang)


def framework_list_dict(frameworks: list[Framework], lang: Lang) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "lang": lang,
        "frameworks": [
            {
                "id": fw.id,
                "title": fw.title(lang),
                "ordered": fw.ordered,
                "items": len(fw.items),
                "builtin": fw.builtin,
            }
            for fw in frameworks
        ],
    }


def framework_dict(fw: Framework, lang: Lang, file: str | None) -> dict[str, Any]:
    def item(i: FrameworkItem) -> dict[str, Any]:
        out: dict[str, Any] = {"id": i.id, "title": i.title(lang)}
        if i.colour:
            out["colour"] = i.colour
        if i.items:
            out["items"] = [item(c) for c in i.items]
        return out

    return {
        "schema_version": 1,
        "lang": lang,
        "id": fw.id,
        "title": fw.title(lang),
        "ordered": fw.ordered,
        "reference": fw.reference[_i(lang)] if fw.reference else None,
        "file": file,
        "items": [item(i) for i in fw.items],
    }

"""``maltrace import FOLDER`` and ``maltrace export --format portal`` for the plan portal's
records: options -> one api call -> what was done, printed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from maltrace.cli._common import EXIT_FINDINGS, EXIT_OK, lang_value, run

if TYPE_CHECKING:
    from maltrace.cli._common import LangOption


def run_import(
    source: Path, output: Path, *, force: bool, codes: Path | None, lang: LangOption | None
) -> None:
    """Import a portal folder and say where every record went; exit 1 when some record could
    not be placed (it is named), 0 when all were."""
    from maltrace import api
    from maltrace.i18n import t

    done = run(
        lambda: api.import_portal(source, output, force=force, codes=codes, lang=lang_value(lang)),
        lang,
    )
    result, out_lang, echo = done.result, done.lang, typer.echo
    lost = result.not_placed
    records = len(result.placements) + sum(1 for f in lost if f.file == "maal.json")
    echo(t("portal.cli.read", out_lang, folder=source, plans=len(result.plans), count=records))
    counts: dict[str, int] = {}
    for p in result.placements:
        counts[p.plan] = counts.get(p.plan, 0) + 1
    for plan, path in zip(result.plans, done.files, strict=True):
        n = counts.get(plan.plan.title, 0)
        echo(t("portal.cli.plan_line", out_lang, file=path, title=plan.plan.title, nodes=n))
    placed = [f for f in result.faults if f.placed]
    if placed:
        echo(t("portal.cli.placed_with_faults", out_lang, count=len(placed)))
        for f in placed:
            echo("  " + f.message(out_lang))
    if lost:
        echo(t("portal.cli.not_placed", out_lang, count=len(lost)))
        for f in lost:
            echo("  " + f.message(out_lang))
    echo(t("excel.cli.next_check", out_lang, folder=output))
    raise typer.Exit(EXIT_FINDINGS if lost else EXIT_OK)


def run_export(
    paths: list[Path], output: Path, *, force: bool, codes: Path | None, lang: LangOption | None
) -> None:
    from maltrace import api
    from maltrace.i18n import t

    done = run(
        lambda: api.export_portal(paths, output, force=force, codes=codes, lang=lang_value(lang)),
        lang,
    )
    for key, params in done.data.notes:
        typer.echo(t(key, done.lang, **params))
    data = done.data
    counts = {"plans": len(data.plan), "count": len(data.maal), "indicators": len(data.kpis)}
    typer.echo(t("portal.cli.exported", done.lang, folder=output, **counts))

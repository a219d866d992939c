"""``maltrace import FOLDER`` and ``maltrace export --format portal`` for the plan portal's
records: options -> one api call -> what was done, printed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from maltrace.cli._common import EXIT_FINDINGS, EXIT_LOAD, EXIT_OK

if TYPE_CHECKING:
    from maltrace.i18n import Lang


def _fail(lines: list[str]) -> NoReturn:
    from maltrace.cli._common import make_console

    console = make_console(stderr=True)
    for line in lines:
        console.print(line, markup=False, soft_wrap=True)
    raise typer.Exit(EXIT_LOAD)


def run_import(source: Path, output: Path, *, force: bool, codes: Path | None, lang: Lang) -> None:
    """Import a portal data folder; exit 1 when some record could not be placed."""
    from maltrace import api
    from maltrace.i18n import t

    if not api.is_portal_folder(source):
        _fail([t("portal.not_portal", lang, folder=source)])
    try:
        result, written = api.import_portal(source, output, force=force, codes=codes, lang=lang)
    except (api.PortalUnreadable, api.CodeMapError, api.NothingPlaced) as exc:
        _fail([exc.message(lang)])
    except api.OutputExists as exc:
        _fail([t("excel.cli.exists", lang, path=p) for p in exc.paths])
    echo = typer.echo
    records = sum(1 for f in result.faults if f.file == "maal.json" and not f.placed)
    echo(
        t(
            "portal.cli.read",
            lang,
            folder=source,
            plans=len(result.plans),
            records=len(result.placements) + records,
        )
    )
    counts: dict[str, int] = {}
    for p in result.placements:
        counts[p.plan] = counts.get(p.plan, 0) + 1
    for plan, path in zip(result.plans, written, strict=True):
        n = counts.get(plan.plan.title, 0)
        echo(t("portal.cli.plan_line", lang, file=path, title=plan.plan.title, nodes=n))
    placed = [f for f in result.faults if f.placed]
    lost = result.not_placed
    if placed:
        echo(t("portal.cli.placed_with_faults", lang, count=len(placed)))
        for f in placed:
            echo("  " + f.message(lang))
    if lost:
        echo(t("portal.cli.not_placed", lang, count=len(lost)))
        for f in lost:
            echo("  " + f.message(lang))
    echo(t("excel.cli.next_check", lang, folder=output))
    raise typer.Exit(EXIT_FINDINGS if lost else EXIT_OK)


def run_export(
    paths: list[Path], output: Path, *, force: bool, codes: Path | None, lang: Lang
) -> None:
    from maltrace import api
    from maltrace.i18n import t

    try:
        data, _ = api.export_portal(paths, output, force=force, codes=codes)
    except api.LoadFailed as exc:
        from maltrace.cli._common import fail_load

        fail_load(exc, None, as_json=False)
    except api.CodeMapError as exc:
        _fail([exc.message(lang)])
    except api.OutputExists as exc:
        _fail([t("excel.cli.exists", lang, path=p) for p in exc.paths])
    except api.ProtectedFileError as exc:
        _fail([t("excel.cli.protected", lang, path=exc.path)])
    for key, params in data.notes:
        typer.echo(t(key, lang, **params))
    counts = {"plans": len(data.plan), "records": len(data.maal), "kpis": len(data.kpis)}
    typer.echo(t("portal.cli.exported", lang, folder=output, **counts))

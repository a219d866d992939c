"""``maltrace frameworks``: the frameworks a plan set can report against, or one in full."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from maltrace.cli._common import Format, LangOpt, app, lang_value, make_console, run


@app.command()
def frameworks(
    plans: Annotated[
        Optional[str],  # noqa: UP045 - typer reads this annotation at run time
        typer.Argument(
            metavar="PLANS",
            help="A plan set (folder or files): its own framework files (a ladder such as AMT) "
            "are shown beside the built-in ones. Default: the built-in ones only.",
        ),
    ] = None,
    framework_id: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            metavar="ID",
            help="Show one framework (SDG, NF2023, LHL, BTH, or the set's own) in full.",
        ),
    ] = None,
    lang: LangOpt = None,
    format: Annotated[
        Format, typer.Option("--format", "-f", help="text (for people) or json.")
    ] = Format.text,
) -> None:
    """List the frameworks (id, title, items), or show one with every item.

    Link a goal, strategy or tiltak to an item with contributes_to: [SDG-3.8]. Each is a plan
    file (type: rammeverk) you may copy to make your own; a file in your set with the same id
    replaces the built-in one. `maltrace frameworks plans AMT` shows the set's own ladder;
    `maltrace frameworks SDG` (no such folder) shows a built-in one. Exit 2: no such framework,
    or the plans could not be loaded.
    """
    from maltrace import api
    from maltrace.render.frameworks import terminal as out

    if plans is not None and framework_id is None and not Path(plans).exists():
        plans, framework_id = None, plans  # one word that is no folder: a framework's id
    asked = lang_value(lang)
    if framework_id is None:
        listed = run(lambda: api.frameworks(plans, lang=asked), lang)
        known = list(listed.frameworks.values())
        if format is Format.json:
            payload = out.framework_list_dict(known, listed.lang)
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        else:
            out.render_framework_list(known, make_console(), listed.lang)
        return
    name = framework_id
    shown = run(lambda: api.framework(name, plans, lang=asked), lang)
    if format is Format.json:
        payload = out.framework_dict(shown.framework, shown.lang, shown.file)
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        out.render_framework(shown.framework, make_console(), shown.lang, shown.file)

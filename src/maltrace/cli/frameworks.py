"""``maltrace frameworks``: the built-in frameworks, or one of them in full."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Optional

import typer

from maltrace.cli._common import EXIT_LOAD, Format, LangOpt, app, make_console


@app.command()
def frameworks(
    framework_id: Annotated[
        Optional[str],  # noqa: UP045 - typer reads this annotation at run time
        typer.Argument(metavar="ID", help="Show one framework (SDG, NF2023, LHL, BTH) in full."),
    ] = None,
    lang: LangOpt = None,
    format: Annotated[
        Format, typer.Option("--format", "-f", help="text (for people) or json.")
    ] = Format.text,
) -> None:
    """List the built-in frameworks (id, title, items), or show one with every item.

    Link a goal, strategy or tiltak to an item with contributes_to: [SDG-3.8]. Each is a plan
    file (type: rammeverk) you may copy to make your own; a file in your set with the same id
    replaces the built-in one. Exit 2: no such framework.
    """
    from maltrace.api import frameworks as builtin
    from maltrace.i18n import DEFAULT_LANG, normalise_lang, t
    from maltrace.load.frameworks import builtin_file
    from maltrace.render.frameworks import terminal as out

    language = (normalise_lang(lang.value) if lang else None) or DEFAULT_LANG
    known = builtin()
    if framework_id is None:
        if format is Format.json:
            payload = out.framework_list_dict(list(known.values()), language)
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        else:
            out.render_framework_list(list(known.values()), make_console(), language)
        return
    match = {k.casefold(): k for k in known}.get(framework_id.casefold())
    if match is None:
        import difflib

        close = difflib.get_close_matches(framework_id, list(known), n=1)
        hint = " " + t("word.did_you_mean", language, suggestion=close[0]) if close else ""
        typer.echo(
            t("frameworks.unknown", language, id=framework_id, hint=hint, known=", ".join(known)),
            err=True,
        )
        raise typer.Exit(EXIT_LOAD)
    fw = known[match]
    file = builtin_file(match, language)
    if format is Format.json:
        payload = out.framework_dict(fw, language, file)
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        out.render_framework(fw, make_console(), language, file)

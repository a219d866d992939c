"""``maltrace suggest`` output: text for the terminal, JSON, and (through the report document,
see ``suggest_report``) a workbook to decide in, or a page.

Plan text is data: rich markup and control characters in titles are shown as written, never
obeyed; the document's writers escape it for each format.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from maltrace.analysis.suggest import Suggestions
from maltrace.errors import FormatError
from maltrace.i18n import Lang, t
from maltrace.load import write_atomic
from maltrace.render.suggest.sentences import engine_line, summary_key
from maltrace.render.terminal import plain

SCHEMA_VERSION = 1
FORMATS = (".xlsx", ".json", ".md", ".html", ".htm", ".docx")


def _score(value: float, lang: Lang) -> str:
    text = f"{value:.2f}"
    return text if lang == "en" else text.replace(".", ",")


def render_suggestions(result: Suggestions, console: Console, lang: Lang) -> None:
    if not result.suggestions:
        console.print(Text(t("suggest.nothing", lang)))
        return
    for s in result.suggestions:
        heading = t(f"suggest.heading.{s.kind}", lang, node=s.node, plan=s.plan, title=s.title)
        heading_text = plain(heading)
        heading_text.stylize("bold")
        console.print(heading_text)
        if not s.candidates:
            console.print(Text("  " + t("suggest.no_candidates", lang), style="dim"))
        for i, c in enumerate(s.candidates, start=1):
            line = Text(f"  {i}. ")
            line.append(f"{_score(c.score, lang)}  ", style="cyan")
            ident = plain(f"{c.id} ({c.plan}) ")
            ident.stylize("bold")
            line.append_text(ident)
            line.append_text(plain(c.title))
            console.print(line)
            why = [t("suggest.by_meaning", lang)] if c.by_meaning else []
            if c.matched:
                why.append(t("suggest.matched", lang, words=", ".join(c.matched)))
            if why:
                matched = plain("       " + "; ".join(why))
                matched.stylize("dim")
                console.print(matched)
            if c.like:
                like = plain("       " + t("suggest.like", lang, like=c.like))
                like.stylize("dim")
                console.print(like)
        console.print()
    console.print(Text(t("suggest.legend", lang), style="dim"))
    if result.engine is not None:
        console.print(Text(engine_line(result, lang), style="dim"))
    console.print(Text(t(summary_key(result), lang, count=len(result.suggestions))))


def suggestions_dict(result: Suggestions, lang: Lang) -> dict[str, Any]:
    # "engine" and each candidate's "meaning" only when there was a choice of engine: without
    # the meaning extra the document is as it always was.
    chosen = result.engine is not None
    head: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "plan": result.focus,
        "lang": lang,
        "top": result.top,
    }
    if chosen:
        head["engine"] = result.engine
    return {
        **head,
        "suggestions": [
            {
                "node": s.node,
                "kind": s.kind,
                "plan": s.plan,
                "title": s.title,
                "candidates": [
                    {
                        "id": c.id,
                        "plan": c.plan,
                        "title": c.title,
                        "score": c.score,
                        "matched": list(c.matched),
                        "like": c.like,
                        **({"meaning": c.by_meaning} if chosen else {}),
                    }
                    for c in s.candidates
                ],
            }
            for s in result.suggestions
        ],
    }


def suggestions_json(result: Suggestions, lang: Lang) -> str:
    """The JSON document, one suggestion per line (Python's fast encoder writes each line; an
    indented document of 20,000 suggestions would take it ten times as long)."""
    data = suggestions_dict(result, lang)
    items = data.pop("suggestions")
    head = json.dumps(data, ensure_ascii=False, indent=2)[:-2]
    lines = [json.dumps(s, ensure_ascii=False) for s in items]
    body = ",\n    ".join(lines)
    tail = f"[\n    {body}\n  ]" if lines else "[]"
    return f'{head},\n  "suggestions": {tail}\n}}\n'


def write_suggestions(
    result: Suggestions,
    path: str | os.PathLike[str],
    lang: Lang,
    *,
    protect: list[Path] | None = None,
) -> list[Path]:
    """Write ``result`` by the suffix of ``path``: ``.json`` as above, ``.xlsx`` (one row per
    candidate, an empty accept column), ``.md``, ``.html`` or ``.docx`` through the report
    document; whole, never over a plan file. Returns the files written."""
    from maltrace.render.document import DocumentFormatError, document_format, write_document
    from maltrace.render.suggest.document import build_suggest_document

    target = Path(path)
    if target.suffix.lower() == ".json":
        write_atomic(target, suggestions_json(result, lang), protect=protect or [])
        return [target]
    try:
        document_format(target, csv=False)
    except DocumentFormatError:
        raise FormatError(target.suffix or target.name, key="suggest.bad_format") from None
    return write_document(build_suggest_document(result, lang), target, protect=protect or [])

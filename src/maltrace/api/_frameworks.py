"""``frameworks``: the frameworks a plan set can report against — the built-in ones and the
set's own (a ladder such as AMT) — or one of them in full."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from maltrace.api._check import check
from maltrace.api._job import PathsLike
from maltrace.errors import UnknownIdError
from maltrace.i18n import Lang, choose_lang
from maltrace.load.frameworks import (
    Framework,
    builtin_file,
    builtin_frameworks,
    framework_of,
)


@dataclass(frozen=True)
class FrameworkShown:
    """One framework, in the job's language, with the file a planner may copy."""

    framework: Framework
    file: str | None
    lang: Lang


@dataclass(frozen=True)
class FrameworkList:
    """Every framework by id, and the language to show them in."""

    frameworks: dict[str, Framework]
    lang: Lang


def frameworks(paths: PathsLike | None = None, *, lang: str | None = None) -> FrameworkList:
    """Every framework by id: the built-in ones (SDG, NF2023, LHL, BTH), and — with ``paths`` —
    the set's own framework files (one with a built-in's id replaces it), in ``lang`` (default:
    the plans' language, or nynorsk without plans)."""
    known = dict(builtin_frameworks())
    out_lang = choose_lang(lang)
    if paths is not None:
        analysis = check(paths, lang=lang)
        out_lang = analysis.lang
        for plan in analysis.graph.graph["frameworks"]:
            known[plan.id] = framework_of(plan)
    return FrameworkList(known, out_lang)


def framework(
    framework_id: str, paths: PathsLike | None = None, *, lang: str | None = None
) -> FrameworkShown:
    """One framework in full (its id in any case); ``UnknownIdError`` with a did-you-mean."""
    out_lang = choose_lang(lang)
    known = dict(builtin_frameworks())
    own: dict[str, str] = {}
    if paths is not None:
        analysis = check(paths, lang=lang)
        out_lang = analysis.lang
        for plan in analysis.graph.graph["frameworks"]:
            known[plan.id] = framework_of(plan)
            own[plan.id] = plan.source
    match = {k.casefold(): k for k in known}.get(framework_id.casefold())
    if match is None:
        error = UnknownIdError(
            framework_id,
            list(known),
            key="frameworks.unknown",
            id=framework_id,
            known=", ".join(known),
        )
        error.code = "unknown-framework"
        error.lang = out_lang
        raise error
    file = own.get(match) or builtin_file(match, out_lang)
    return FrameworkShown(known[match], str(Path(file)) if file else None, out_lang)

"""The jobs maltrace does, one public function each: the one door for the command line, the
web app and a notebook. Each takes plain arguments (paths, ids, a language) and returns a
result object, or writes files and returns their paths; each raises ``MaltraceError``
(``maltrace.errors``) with a stable code, ``message(lang)`` and the job's language.

    >>> import maltrace.api as api
    >>> analysis = api.check("plans")
    >>> analysis.coverage.ratio
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from maltrace.analysis import Analysis, Finding
    from maltrace.analysis.diff import PlanDiff
    from maltrace.analysis.status import StatusResult
    from maltrace.analysis.suggest import Suggestions
    from maltrace.api._check import below, check, error_lang, focused
    from maltrace.api._diff import Relink, diff, relink, write_diff
    from maltrace.api._frameworks import FrameworkList, FrameworkShown, framework, frameworks
    from maltrace.api._plans import Exported, Imported, export, import_plans, init, schema, template
    from maltrace.api._report import Drawn, diagram, report
    from maltrace.api._status import parse_day, status, status_format, status_of, write_status
    from maltrace.api._suggest import Accept, accept, suggest, write_suggestions
    from maltrace.api._writing import Written
    from maltrace.edit import ApplyResult
    from maltrace.errors import FormatError, MaltraceError, UnknownIdError, UnknownPlanError
    from maltrace.load import LoadError, LoadFailed, ProtectedFileError
    from maltrace.load.convert import OutputExists
    from maltrace.load.frameworks import Framework
    from maltrace.load.sources import SideFailed

# Where each public name lives. They are imported on first use, so that ``import maltrace.api``
# (the command line's first step) costs nothing, and a job loads only what it uses.
_WHERE = {
    "Accept": "maltrace.api._suggest",
    "Analysis": "maltrace.analysis",
    "ApplyResult": "maltrace.edit",
    "Drawn": "maltrace.api._report",
    "Exported": "maltrace.api._plans",
    "Finding": "maltrace.analysis",
    "FormatError": "maltrace.errors",
    "Framework": "maltrace.load.frameworks",
    "FrameworkList": "maltrace.api._frameworks",
    "FrameworkShown": "maltrace.api._frameworks",
    "Imported": "maltrace.api._plans",
    "LoadError": "maltrace.load",
    "LoadFailed": "maltrace.load",
    "MaltraceError": "maltrace.errors",
    "OutputExists": "maltrace.load.convert",
    "PlanDiff": "maltrace.analysis.diff",
    "ProtectedFileError": "maltrace.load",
    "Relink": "maltrace.api._diff",
    "SideFailed": "maltrace.load.sources",
    "StatusResult": "maltrace.analysis.status",
    "Suggestions": "maltrace.analysis.suggest",
    "UnknownIdError": "maltrace.errors",
    "UnknownPlanError": "maltrace.errors",
    "Written": "maltrace.api._writing",
    "accept": "maltrace.api._suggest",
    "below": "maltrace.api._check",
    "check": "maltrace.api._check",
    "diagram": "maltrace.api._report",
    "diff": "maltrace.api._diff",
    "error_lang": "maltrace.api._check",
    "export": "maltrace.api._plans",
    "focused": "maltrace.api._check",
    "framework": "maltrace.api._frameworks",
    "frameworks": "maltrace.api._frameworks",
    "import_plans": "maltrace.api._plans",
    "init": "maltrace.api._plans",
    "parse_day": "maltrace.api._status",
    "relink": "maltrace.api._diff",
    "report": "maltrace.api._report",
    "schema": "maltrace.api._plans",
    "status": "maltrace.api._status",
    "status_format": "maltrace.api._status",
    "status_of": "maltrace.api._status",
    "suggest": "maltrace.api._suggest",
    "template": "maltrace.api._plans",
    "write_diff": "maltrace.api._diff",
    "write_status": "maltrace.api._status",
    "write_suggestions": "maltrace.api._suggest",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(importlib.import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'maltrace.api' has no attribute {name!r}")


__all__ = [
    "Accept",
    "Analysis",
    "ApplyResult",
    "Drawn",
    "Exported",
    "Finding",
    "FormatError",
    "Framework",
    "FrameworkList",
    "FrameworkShown",
    "Imported",
    "LoadError",
    "LoadFailed",
    "MaltraceError",
    "OutputExists",
    "PlanDiff",
    "ProtectedFileError",
    "Relink",
    "SideFailed",
    "StatusResult",
    "Suggestions",
    "UnknownIdError",
    "UnknownPlanError",
    "Written",
    "accept",
    "below",
    "check",
    "diagram",
    "diff",
    "error_lang",
    "export",
    "focused",
    "framework",
    "frameworks",
    "import_plans",
    "init",
    "parse_day",
    "relink",
    "report",
    "schema",
    "status",
    "status_format",
    "status_of",
    "suggest",
    "template",
    "write_diff",
    "write_status",
    "write_suggestions",
]

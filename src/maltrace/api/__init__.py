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
    from maltrace.api._job import Written
    from maltrace.api.check import below, check, error_lang, focused
    from maltrace.api.diff import Relink, diff, relink, write_diff
    from maltrace.api.frameworks import FrameworkList, FrameworkShown, framework, frameworks
    from maltrace.api.plans import Exported, Imported, export, import_plans, init, schema, template
    from maltrace.api.report import Drawn, diagram, report
    from maltrace.api.status import parse_day, status, status_format, status_of, write_status
    from maltrace.api.suggest import Accept, accept, suggest, write_suggestions
    from maltrace.edit import ApplyResult
    from maltrace.errors import FormatError, MaltraceError, UnknownIdError, UnknownPlanError
    from maltrace.load import LoadError, LoadFailed, ProtectedFileError
    from maltrace.load.convert import OutputExists
    from maltrace.load.frameworks import Framework
    from maltrace.load.sources import SideFailed

# Where each public name lives. They are imported on first use, so that ``import maltrace.api``
# (the command line's first step) costs nothing, and a job loads only what it uses.
_WHERE = {
    "Accept": "maltrace.api.suggest",
    "Analysis": "maltrace.analysis",
    "ApplyResult": "maltrace.edit",
    "Drawn": "maltrace.api.report",
    "Exported": "maltrace.api.plans",
    "Finding": "maltrace.analysis",
    "FormatError": "maltrace.errors",
    "Framework": "maltrace.load.frameworks",
    "FrameworkList": "maltrace.api.frameworks",
    "FrameworkShown": "maltrace.api.frameworks",
    "Imported": "maltrace.api.plans",
    "LoadError": "maltrace.load",
    "LoadFailed": "maltrace.load",
    "MaltraceError": "maltrace.errors",
    "OutputExists": "maltrace.load.convert",
    "PlanDiff": "maltrace.analysis.diff",
    "ProtectedFileError": "maltrace.load",
    "Relink": "maltrace.api.diff",
    "SideFailed": "maltrace.load.sources",
    "StatusResult": "maltrace.analysis.status",
    "Suggestions": "maltrace.analysis.suggest",
    "UnknownIdError": "maltrace.errors",
    "UnknownPlanError": "maltrace.errors",
    "Written": "maltrace.api._job",
    "accept": "maltrace.api.suggest",
    "below": "maltrace.api.check",
    "check": "maltrace.api.check",
    "diagram": "maltrace.api.report",
    "diff": "maltrace.api.diff",
    "error_lang": "maltrace.api.check",
    "export": "maltrace.api.plans",
    "focused": "maltrace.api.check",
    "framework": "maltrace.api.frameworks",
    "frameworks": "maltrace.api.frameworks",
    "import_plans": "maltrace.api.plans",
    "init": "maltrace.api.plans",
    "parse_day": "maltrace.api.status",
    "relink": "maltrace.api.diff",
    "report": "maltrace.api.report",
    "schema": "maltrace.api.plans",
    "status": "maltrace.api.status",
    "status_format": "maltrace.api.status",
    "status_of": "maltrace.api.status",
    "suggest": "maltrace.api.suggest",
    "template": "maltrace.api.plans",
    "write_diff": "maltrace.api.diff",
    "write_status": "maltrace.api.status",
    "write_suggestions": "maltrace.api.suggest",
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

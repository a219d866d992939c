"""The jobs maltrace does, one public function each: the one door for the command line, the
web app and a notebook. Each takes plain arguments (paths, ids, a language) and returns a
result object, or writes files and returns their paths; each raises ``MaltraceError``
(``maltrace.errors``) with a stable code, ``message(lang)`` and the job's language.

    >>> import maltrace.api as api
    >>> analysis = api.check("plans")
    >>> analysis.coverage.ratio
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from maltrace._lazy import lazy_exports

if TYPE_CHECKING:
    from maltrace.analysis import Analysis, Finding
    from maltrace.analysis.diff import PlanDiff
    from maltrace.analysis.status import StatusResult
    from maltrace.analysis.suggest import Suggestions
    from maltrace.api._check import below, check, error_lang, focused
    from maltrace.api._diff import Relink, diff, relink, write_diff
    from maltrace.api._edits import (
        check_files,
        edit_links,
        files_version,
        link_targets,
        read_plans,
        reason_field,
        set_reason,
        set_status,
        status_code,
        suggest_in,
        undo_edit,
        write_edit,
    )
    from maltrace.api._frameworks import FrameworkList, FrameworkShown, framework, frameworks
    from maltrace.api._plans import Exported, Imported, export, import_plans, init, schema, template
    from maltrace.api._portal import (
        Fetched,
        PortalExported,
        PortalImported,
        export_portal,
        fetch_indicators,
        import_portal,
        is_portal_folder,
        read_portal,
    )
    from maltrace.api._report import Drawn, diagram, report
    from maltrace.api._status import parse_day, status, status_format, status_of, write_status
    from maltrace.api._suggest import Accept, accept, suggest, write_suggestions
    from maltrace.api._writing import Written
    from maltrace.edit import ApplyResult, FileEdit
    from maltrace.edit.nodes import EditRefused
    from maltrace.errors import FormatError, MaltraceError, UnknownIdError, UnknownPlanError
    from maltrace.load import LoadError, LoadFailed, PlanFiles, ProtectedFileError
    from maltrace.load.convert import OutputExists
    from maltrace.load.frameworks import Framework
    from maltrace.load.portal import NothingPlaced, PortalUnreadable
    from maltrace.load.portal_codes import CodeMapError
    from maltrace.load.sources import SideFailed
    from maltrace.load.ssb_fetch import FetchFailed

# Where each public name lives. They are imported on first use, so that ``import maltrace.api``
# (the command line's first step) costs nothing, and a job loads only what it uses.
_WHERE = {
    "Accept": "maltrace.api._suggest",
    "Analysis": "maltrace.analysis",
    "ApplyResult": "maltrace.edit",
    "CodeMapError": "maltrace.load.portal_codes",
    "Drawn": "maltrace.api._report",
    "EditRefused": "maltrace.edit.nodes",
    "Exported": "maltrace.api._plans",
    "FetchFailed": "maltrace.load.ssb_fetch",
    "Fetched": "maltrace.api._portal",
    "FileEdit": "maltrace.edit",
    "Finding": "maltrace.analysis",
    "FormatError": "maltrace.errors",
    "Framework": "maltrace.load.frameworks",
    "FrameworkList": "maltrace.api._frameworks",
    "FrameworkShown": "maltrace.api._frameworks",
    "Imported": "maltrace.api._plans",
    "LoadError": "maltrace.load",
    "LoadFailed": "maltrace.load",
    "MaltraceError": "maltrace.errors",
    "NothingPlaced": "maltrace.load.portal",
    "OutputExists": "maltrace.load.convert",
    "PlanDiff": "maltrace.analysis.diff",
    "PlanFiles": "maltrace.load",
    "PortalExported": "maltrace.api._portal",
    "PortalImported": "maltrace.api._portal",
    "PortalUnreadable": "maltrace.load.portal",
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
    "check_files": "maltrace.api._edits",
    "diagram": "maltrace.api._report",
    "diff": "maltrace.api._diff",
    "edit_links": "maltrace.api._edits",
    "error_lang": "maltrace.api._check",
    "export": "maltrace.api._plans",
    "export_portal": "maltrace.api._portal",
    "fetch_indicators": "maltrace.api._portal",
    "files_version": "maltrace.api._edits",
    "focused": "maltrace.api._check",
    "framework": "maltrace.api._frameworks",
    "frameworks": "maltrace.api._frameworks",
    "import_plans": "maltrace.api._plans",
    "import_portal": "maltrace.api._portal",
    "init": "maltrace.api._plans",
    "is_portal_folder": "maltrace.api._portal",
    "link_targets": "maltrace.api._edits",
    "parse_day": "maltrace.api._status",
    "read_plans": "maltrace.api._edits",
    "read_portal": "maltrace.api._portal",
    "reason_field": "maltrace.api._edits",
    "relink": "maltrace.api._diff",
    "report": "maltrace.api._report",
    "schema": "maltrace.api._plans",
    "set_reason": "maltrace.api._edits",
    "set_status": "maltrace.api._edits",
    "status": "maltrace.api._status",
    "status_code": "maltrace.api._edits",
    "status_format": "maltrace.api._status",
    "status_of": "maltrace.api._status",
    "suggest": "maltrace.api._suggest",
    "suggest_in": "maltrace.api._edits",
    "template": "maltrace.api._plans",
    "undo_edit": "maltrace.api._edits",
    "write_diff": "maltrace.api._diff",
    "write_edit": "maltrace.api._edits",
    "write_status": "maltrace.api._status",
    "write_suggestions": "maltrace.api._suggest",
}


__getattr__ = lazy_exports(__name__, _WHERE, globals())


__all__ = [
    "Accept",
    "Analysis",
    "ApplyResult",
    "CodeMapError",
    "Drawn",
    "EditRefused",
    "Exported",
    "FetchFailed",
    "Fetched",
    "FileEdit",
    "Finding",
    "FormatError",
    "Framework",
    "FrameworkList",
    "FrameworkShown",
    "Imported",
    "LoadError",
    "LoadFailed",
    "MaltraceError",
    "NothingPlaced",
    "OutputExists",
    "PlanDiff",
    "PlanFiles",
    "PortalExported",
    "PortalImported",
    "PortalUnreadable",
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
    "check_files",
    "diagram",
    "diff",
    "edit_links",
    "error_lang",
    "export",
    "export_portal",
    "fetch_indicators",
    "files_version",
    "focused",
    "framework",
    "frameworks",
    "import_plans",
    "import_portal",
    "init",
    "is_portal_folder",
    "link_targets",
    "parse_day",
    "read_plans",
    "read_portal",
    "reason_field",
    "relink",
    "report",
    "schema",
    "set_reason",
    "set_status",
    "status",
    "status_code",
    "status_format",
    "status_of",
    "suggest",
    "suggest_in",
    "template",
    "undo_edit",
    "write_diff",
    "write_edit",
    "write_status",
    "write_suggestions",
]

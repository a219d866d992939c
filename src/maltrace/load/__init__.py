"""Files -> typed plan models. The first layer: knows nothing of graphs or coverage.

The names below are imported on first use (a warm ``check`` reads a cached result and needs
neither the YAML reader nor the analysis code).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from maltrace._lazy import lazy_exports

if TYPE_CHECKING:
    from maltrace.load.files import ProtectedFileError, find_plan_files, write_atomic
    from maltrace.load.load_errors import LoadError, LoadFailed
    from maltrace.load.loader import (
        PlanFiles,
        PlanSet,
        iter_nodes,
        load_plan_files,
        load_plan_set,
        read_plan_files,
    )
    from maltrace.load.models import (
        Area,
        Goal,
        Kind,
        Measure,
        Node,
        Plan,
        PlanInfo,
        PlanType,
        Strategy,
    )
    from maltrace.load.parse import FileResult, load_file, parse_plan

_WHERE = {
    "Area": "maltrace.load.models",
    "FileResult": "maltrace.load.parse",
    "Goal": "maltrace.load.models",
    "Kind": "maltrace.load.models",
    "LoadError": "maltrace.load.load_errors",
    "LoadFailed": "maltrace.load.load_errors",
    "Measure": "maltrace.load.models",
    "Node": "maltrace.load.models",
    "Plan": "maltrace.load.models",
    "PlanFiles": "maltrace.load.loader",
    "PlanInfo": "maltrace.load.models",
    "PlanSet": "maltrace.load.loader",
    "PlanType": "maltrace.load.models",
    "ProtectedFileError": "maltrace.load.files",
    "Strategy": "maltrace.load.models",
    "find_plan_files": "maltrace.load.files",
    "iter_nodes": "maltrace.load.loader",
    "load_file": "maltrace.load.parse",
    "load_plan_files": "maltrace.load.loader",
    "load_plan_set": "maltrace.load.loader",
    "parse_plan": "maltrace.load.parse",
    "read_plan_files": "maltrace.load.loader",
    "write_atomic": "maltrace.load.files",
}


__getattr__ = lazy_exports(__name__, _WHERE, globals())


__all__ = [
    "Area",
    "FileResult",
    "Goal",
    "Kind",
    "LoadError",
    "LoadFailed",
    "Measure",
    "Node",
    "Plan",
    "PlanFiles",
    "PlanInfo",
    "PlanSet",
    "PlanType",
    "ProtectedFileError",
    "Strategy",
    "find_plan_files",
    "iter_nodes",
    "load_file",
    "load_plan_files",
    "load_plan_set",
    "parse_plan",
    "read_plan_files",
    "write_atomic",
]

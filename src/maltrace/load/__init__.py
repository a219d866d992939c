"""Files -> typed plan models. The first layer: knows nothing of graphs or coverage."""

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
from maltrace.load.models import Area, Goal, Kind, Measure, Node, Plan, PlanInfo, PlanType, Strategy
from maltrace.load.parse import FileResult, load_file, parse_plan

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

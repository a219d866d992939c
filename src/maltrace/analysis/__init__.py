"""Graph -> coverage and findings. Never prints; every renderer reads what this returns.

The names below are imported on first use (a warm ``check`` reads a cached result and needs
neither the YAML reader nor the analysis code).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from maltrace._lazy import lazy_exports

if TYPE_CHECKING:
    from maltrace.analysis.cached import analyse_plan_files
    from maltrace.analysis.findings import FINDING_SEVERITY, Finding
    from maltrace.analysis.results import (
        Analysis,
        AreaCoverage,
        Coverage,
        GoalStatus,
        GraphSource,
        Link,
        PlanCoverage,
    )
    from maltrace.analysis.trace import analyse
    from maltrace.analysis.views import focus_plan
    from maltrace.errors import UnknownPlanError
    from maltrace.load.models import plans_language

_WHERE = {
    "Analysis": "maltrace.analysis.results",
    "AreaCoverage": "maltrace.analysis.results",
    "Coverage": "maltrace.analysis.results",
    "FINDING_SEVERITY": "maltrace.analysis.findings",
    "Finding": "maltrace.analysis.findings",
    "GoalStatus": "maltrace.analysis.results",
    "GraphSource": "maltrace.analysis.results",
    "Link": "maltrace.analysis.results",
    "PlanCoverage": "maltrace.analysis.results",
    "UnknownPlanError": "maltrace.errors",
    "analyse": "maltrace.analysis.trace",
    "analyse_plan_files": "maltrace.analysis.cached",
    "focus_plan": "maltrace.analysis.views",
    "plans_language": "maltrace.load.models",
}


__getattr__ = lazy_exports(__name__, _WHERE, globals())


__all__ = [
    "FINDING_SEVERITY",
    "Analysis",
    "AreaCoverage",
    "Coverage",
    "Finding",
    "GoalStatus",
    "GraphSource",
    "Link",
    "PlanCoverage",
    "UnknownPlanError",
    "analyse",
    "analyse_plan_files",
    "focus_plan",
    "plans_language",
]

"""Graph -> coverage and findings. Never prints; every renderer reads what this returns."""

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
from maltrace.analysis.trace import analyse, plans_language
from maltrace.analysis.views import focus_plan
from maltrace.errors import UnknownPlanError

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

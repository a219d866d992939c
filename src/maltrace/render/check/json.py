"""The stable JSON output of ``maltrace check --format json`` (documented in the README)."""

from __future__ import annotations

import json
from typing import Any

from maltrace.analysis import Analysis
from maltrace.i18n import Lang

SCHEMA_VERSION = 1


def check_dict(analysis: Analysis, lang: Lang | None = None) -> dict[str, Any]:
    lang = lang or analysis.lang
    return {
        "schema_version": SCHEMA_VERSION,
        "plan": analysis.focus,
        "lang": lang,
        "coverage": analysis.coverage.as_dict(),
        "uncovered_goals": list(analysis.uncovered_goals),
        "orphans": list(analysis.orphans),
        "per_plan": {
            pid: {
                "relevant": pc.coverage.goals,
                "followed_up": pc.coverage.followed_up,
                "ratio": round(pc.coverage.ratio, 4),
                "uncovered": list(pc.uncovered),
            }
            for pid, pc in analysis.per_plan.items()
        },
        "per_area": {
            a.area: {
                "plan": a.plan,
                "title": a.title,
                **a.coverage.as_dict(),
                "uncovered": list(a.uncovered),
            }
            for a in analysis.per_area
        },
        "goals": [
            {
                "id": g.id,
                "plan": g.plan,
                "title": g.title,
                "area": g.area,
                "parent": g.parent,
                "followed_up": g.followed_up,
                "followed_up_by": list(g.followed_up_by),
                "reason_not_followed_up": g.reason,
            }
            for g in analysis.goals
        ],
        "plans": [
            {
                "id": p.id,
                "type": p.type.value,
                "title": p.title,
                "status": p.status,
                "date": p.date.isoformat() if p.date else None,
                "municipality": p.municipality,
                "language": p.language,
                "follows": list(p.follows),
                "file": analysis.plan_files[p.id],
            }
            for p in analysis.plans
        ],
        "frameworks": frameworks_dict(analysis, lang),
        "findings": [f.as_dict(lang) for f in analysis.findings],
        "summary": {
            "errors": len(analysis.errors),
            "warnings": len(analysis.warnings),
            "infos": len(analysis.infos),
        },
    }


def frameworks_dict(analysis: Analysis, lang: Lang) -> dict[str, Any]:
    """``frameworks`` of the check JSON: per framework in use, counts of its top-level items."""
    return {
        fid: {
            "title": fc.framework.title(lang),
            "ordered": fc.framework.ordered,
            "builtin": fc.framework.builtin,
            "items": fc.items,
            "addressed": len(fc.addressed),
            "ratio": round(fc.ratio, 4),
            "not_addressed": list(fc.not_addressed),
            "per_item": {item: list(nodes) for item, nodes in fc.per_item.items()},
            "cross_cutting": list(fc.cross_cutting),
            "declared_by": list(fc.declared_by),
            "per_plan": {
                pid: {
                    "addressed": len(pc.addressed),
                    "ratio": round(pc.ratio, 4),
                    "not_addressed": list(pc.not_addressed),
                }
                for pid, pc in fc.per_plan.items()
            },
        }
        for fid, fc in analysis.frameworks.items()
    }


def check_json(analysis: Analysis, lang: Lang | None = None) -> str:
    # Hundreds of thousands of small dicts, all alive until the end: a job runs with the cyclic
    # collector paused (maltrace.api._job), or it would walk them for nothing (40 kommunar:
    # 1.7 s -> 0.2 s).
    return json.dumps(check_dict(analysis, lang), ensure_ascii=False, indent=2) + "\n"

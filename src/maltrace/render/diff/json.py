"""The stable JSON output of ``maltrace diff --format json`` (documented in the README)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from maltrace.analysis.diff import PlanDiff
from maltrace.i18n import Lang
from maltrace.render.check.json import SCHEMA_VERSION, check_dict


def diff_dict(diff: PlanDiff, lang: Lang | None = None) -> dict[str, Any]:
    lang = lang or diff.lang
    old, new = check_dict(diff.old, lang), check_dict(diff.new, lang)
    return {
        "schema_version": SCHEMA_VERSION,
        "old": diff.old_label,
        "new": diff.new_label,
        "lang": lang,
        "changes": [c.as_dict() for c in diff.changes],
        "impact": [i.as_dict(lang) for i in diff.impact],
        "coverage": {"old": old["coverage"], "new": new["coverage"]},
        "per_plan": {"old": old["per_plan"], "new": new["per_plan"]},
        "per_area": {"old": old["per_area"], "new": new["per_area"]},
        "summary": {
            "changes": dict(Counter(c.change for c in diff.changes)),
            "impact": dict(Counter(i.code for i in diff.impact)),
        },
    }


def diff_json(diff: PlanDiff, lang: Lang | None = None) -> str:
    return json.dumps(diff_dict(diff, lang), ensure_ascii=False, indent=2) + "\n"

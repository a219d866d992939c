"""Findings: what a check says is wrong or worth knowing, each with a stable code."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from maltrace.i18n import Lang, t

Severity = Literal["error", "warning", "info"]
# Most serious first; every list of findings and every count follows this order.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

# Every finding code with its severity. The README documents each; keep the two in step.
FINDING_SEVERITY: dict[str, Severity] = {
    "not-followed-up": "error",
    "dangling-link": "error",
    "link-outside-followed": "error",
    "link-to-area": "error",
    "link-to-measure": "error",
    "dangling-relevant-goal": "error",
    "relevant-goal-outside-followed": "error",
    "relevant-goal-wrong-kind": "error",
    "unknown-plan": "error",
    "follows-cycle": "error",
    "orphan": "warning",
    "goal-without-strategy": "warning",
    "control-character": "warning",
    # frameworks
    "dangling-framework-link": "error",
    "unknown-framework": "error",
    # A gap the plan explains (reason_not_followed_up / reason_no_link): shown, never failing.
    "not-followed-up-justified": "info",
    "no-link-justified": "info",
    # maltrace status: a tiltak status outside the vocabulary (counted as unknown)
    "unknown-status": "warning",
}
# Findings about a goal not followed up, explained or not: goal tables show them, not finding lists.


@dataclass(frozen=True)
class Finding:
    code: str
    node: str | None
    file: str
    line: int
    target: str | None = None
    suggestion: str | None = None
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def severity(self) -> Severity:
        return FINDING_SEVERITY[self.code]

    def _params(self, lang: Lang) -> dict[str, Any]:
        params = {"node": self.node, "target": self.target, **self.params}
        if "kind" in params:
            params["kind_word"] = t(f"kind.{params['kind']}", lang).capitalize()
            params["kind"] = t(f"kind.{params['kind']}", lang)
        return params

    def message(self, lang: Lang) -> str:
        text = t(f"finding.{self.code}", lang, **self._params(lang))
        if self.suggestion:
            text += " " + t("word.did_you_mean", lang, suggestion=self.suggestion)
        return text

    def fix(self, lang: Lang) -> str:
        return t(f"fix.{self.code}", lang, **self._params(lang))

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def as_dict(self, lang: Lang) -> dict[str, Any]:
        out: dict[str, Any] = {
            "severity": self.severity,
            "code": self.code,
            "message": self.message(lang),
            "fix": self.fix(lang),
            "node": self.node,
            "file": self.file,
            "line": self.line,
        }
        if self.target is not None:
            out["target"] = self.target
        if self.suggestion is not None:
            out["suggestion"] = self.suggestion
        return out


__all__ = ["FINDING_SEVERITY", "SEVERITIES", "Finding", "Severity"]

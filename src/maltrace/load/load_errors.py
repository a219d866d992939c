"""Load errors: each reason a plan set could not be loaded, with its file, line and words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from maltrace.errors import MaltraceError
from maltrace.i18n import Lang, t
from maltrace.load.models import (
    Kind,
    Plan,
)


@dataclass(frozen=True)
class Where:
    """Which part of a file a message is about, resolved to words only when shown."""

    scope: str  # "top" | "plan" | "node"
    kind: Kind | None = None
    id: str | None = None
    index: int = 0

    def text(self, lang: Lang) -> str:
        if self.scope == "top":
            return t("load.where_top", lang)
        if self.scope == "plan":
            return t("load.where_plan", lang)
        if self.scope == "item":
            if self.id:
                return t("load.where_item", lang, id=self.id)
            return t("load.where_item_noid", lang, index=self.index + 1)
        kind = t(f"kind.{self.kind}", lang)
        if self.id:
            return t("load.where_node", lang, kind=kind, id=self.id)
        return t("load.where_node_noid", lang, kind=kind, index=self.index + 1)


@dataclass(frozen=True)
class LoadError:
    """A reason the plan set could not be loaded: ``file:line: message``."""

    code: str
    file: str
    line: int
    params: dict[str, Any] = field(default_factory=dict)
    where: Where | None = None
    problem: tuple[str, dict[str, Any]] | None = None

    def message(self, lang: Lang) -> str:
        params = dict(self.params)
        if self.where is not None:
            params["where"] = self.where.text(lang)
        if self.problem is not None:
            key, extra = self.problem
            params["problem"] = t(key, lang, **extra)
        if "suggestion" in params:
            params["hint"] = " " + t("word.did_you_mean", lang, suggestion=params["suggestion"])
        else:
            params.setdefault("hint", "")
        text = t("load." + self.code.replace("-", "_"), lang, **params)
        return text[:1].upper() + text[1:]

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


class LoadFailed(MaltraceError):
    """The plan set could not be loaded; ``errors`` lists every reason found."""

    code = "load-failed"
    key = "check.load_failed"

    def __init__(self, errors: list[LoadError], plans: list[Plan] | None = None) -> None:
        super().__init__(count=len(errors))
        self.errors = errors
        # The plans that did load, so messages can be given in the plans' own language.
        self.plans = plans or []

    def as_dict(self, lang: Lang) -> dict[str, Any]:
        """The JSON every command prints for a set that does not load (``--format json``)."""
        return {
            "schema_version": 1,
            "load_errors": [
                {"code": e.code, "file": e.file, "line": e.line, "message": e.message(lang)}
                for e in self.errors
            ],
        }

"""The one error type: every error maltrace raises for a planner derives from ``MaltraceError``.

An error has a stable English ``code`` (kebab-case, for JSON, scripts and tests), the parameters
its message needs, and ``message(lang)``: the catalogue's words in nn, nb or en. The command line
and the web app turn any of them into one line (or one JSON object) the same way, so no
command catches a list of classes to find out how to speak of a failure.
"""

from __future__ import annotations

from typing import Any

from maltrace.i18n import Lang, t

SCHEMA_VERSION = 1


class MaltraceError(Exception):
    """An error a planner can act on. ``key`` is the catalogue text (default: ``error.<code>``
    with underscores); ``suggestion`` adds the catalogue's «did you mean …?»."""

    code: str = "error"
    key: str | None = None
    # The language of the job that raised it, once known (the plans' language, or --lang).
    lang: Lang | None = None

    def __init__(
        self,
        code: str | None = None,
        *,
        key: str | None = None,
        suggestion: str | None = None,
        **params: Any,
    ) -> None:
        if code is not None:
            self.code = code
        if key is not None:
            self.key = key
        self.suggestion = suggestion
        self.params = params
        super().__init__(f"{self.code}: {params}" if params else self.code)

    def catalogue_key(self) -> str:
        return self.key or "error." + self.code.replace("-", "_")

    def message(self, lang: Lang) -> str:
        text = t(self.catalogue_key(), lang, **self.params)
        if self.suggestion:
            text += " " + t("word.did_you_mean", lang, suggestion=self.suggestion)
        return text

    def as_dict(self, lang: Lang) -> dict[str, Any]:
        """The error as JSON: its code and its message (the web app's 422 body)."""
        return {"code": self.code, "message": self.message(lang)}


class FormatError(MaltraceError):
    """A file name whose suffix names no format the job can write; ``key`` says which formats
    the job offers (``report.bad_format``, ``suggest.bad_format``, …)."""

    code = "bad-format"

    def __init__(self, suffix: str, *, key: str = "report.bad_format") -> None:
        super().__init__(key=key, suffix=suffix)
        self.suffix = suffix


class UnknownIdError(MaltraceError, KeyError):
    """A plan, node or framework named on the command line (or by the page) is not in the set.
    ``candidates`` is what is: the message offers the closest (``{hint}``) and may list them."""

    code = "unknown-id"

    def __init__(self, value: str, candidates: list[str], *, key: str, **params: Any) -> None:
        from maltrace.nearest import closest

        super().__init__(key=key, **params)
        self.value = value
        self.candidates = candidates
        self.suggestion = closest(value, candidates)

    def message(self, lang: Lang) -> str:
        hint = (
            " " + t("word.did_you_mean", lang, suggestion=self.suggestion)
            if self.suggestion
            else ""
        )
        return t(self.catalogue_key(), lang, hint=hint, **self.params)

    def __str__(self) -> str:  # KeyError would quote the message
        return Exception.__str__(self)


class UnknownPlanError(UnknownIdError):
    """``--plan`` named a plan that is not in the set."""

    code = "unknown-plan"

    def __init__(self, plan: str, known: list[str] | None = None) -> None:
        known = list(known or [])
        super().__init__(plan, known, key="cli.unknown_plan", plan=plan, plans=", ".join(known))


class UnknownNodeError(UnknownIdError):
    """``--node`` (or the page) named an id that is not in the set."""

    code = "unknown-node"

    def __init__(self, node: str, known: list[str] | None = None) -> None:
        super().__init__(node, list(known or []), key="suggest.unknown_node", node=node)

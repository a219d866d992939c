"""What the plan-portal reader and its helpers share: the file names, a record's fault, the
errors that stop an import, and how the portal writes dates and tags."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from maltrace.errors import MaltraceError

MAAL, PLAN, KPI = "maal.json", "plan.json", "kpi.json"


def is_portal_folder(path: str | os.PathLike[str]) -> bool:
    """True for a folder holding the portal's ``maal.json`` and ``plan.json``."""
    folder = Path(path)
    return folder.is_dir() and (folder / MAAL).is_file() and (folder / PLAN).is_file()


@dataclass(frozen=True)
class Fault:
    """Something wrong with one record. ``placed``: the record still went into a plan (where
    ``plan`` says); else it is listed as not placed and nothing of it is written."""

    code: str  # stable, English, kebab-case: own-parent, no-plan, cycle, ...
    file: str
    index: int  # the record's place in its file, from 1
    guid: str
    title: str
    placed: bool
    plan: str | None = None  # the plan's title
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, lang: str) -> str:
        from maltrace.i18n import t

        text = t(
            "portal.fault." + self.code.replace("-", "_"),
            lang,  # type: ignore[arg-type]
            **{**self.params, "plan": self.plan or ""},
        )
        where = t("portal.record", lang, file=self.file, index=self.index)  # type: ignore[arg-type]
        name = f"{self.guid} «{self.title}»" if self.title else self.guid
        return f"{where} {name}: {text}"


class PortalUnreadable(MaltraceError):
    """Nothing can be imported: a file is missing, is not JSON, or is not the portal's shape."""

    code = "portal-unreadable"

    def __init__(self, file: str, reason: str, line: int = 0, column: int = 0) -> None:
        key = "portal.unreadable_at" if line else "portal.unreadable"
        super().__init__(key=key, file=file, reason=reason, line=line, column=column)
        self.file, self.reason, self.line, self.column = file, reason, line, column


def local_date(value: object) -> dt.date | None:
    """A portal time as the date it means in Norway: ``2026-01-05T23:00:00Z`` -> 6 January
    (Dataverse stores a local midnight as UTC)."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(oslo()).date()


def oslo() -> dt.tzinfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Oslo")


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def split_tags(value: object) -> list[str]:
    """``"#Fellesskap; #Samhandling"`` -> ``["Fellesskap", "Samhandling"]``."""
    if not isinstance(value, str):
        return []
    out: list[str] = []
    for part in value.split(";"):
        tag = part.strip().lstrip("#").strip()
        if tag and tag not in out:
            out.append(tag)
    return out


@dataclass
class _Record:
    index: int
    guid: str
    title: str
    code: int
    parent: str | None
    plan: str | None
    tags: list[str]
    kind: str = ""
    home: str | None = None  # the plan it is placed in
    up: str | None = None  # the parent it is nested under, if any
    follows: str | None = None  # a parent in another plan


class NothingPlaced(MaltraceError):
    """Not one record could be placed in a plan: there is nothing to write."""

    code = "portal-nothing-placed"
    key = "portal.nothing"

    def __init__(self, folder: str) -> None:
        super().__init__(folder=folder)
        self.folder = folder

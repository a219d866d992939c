"""``maltrace relink``: rewrite ``follows_up`` entries that name the old id of a renumbered node.

Only what needs no judgement is touched: a link written for a node that now has another id gets
that id. Removed and reworded targets are left for a person. Each id is replaced in place, at
the position the YAML reader records for it, in the quoting style it was written in; the edited
file is read back and must give the very same plan but for those links, or it is not written.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from maltrace.analysis.diff import PlanDiff
from maltrace.load import PlanFiles, parse_plan, write_atomic
from maltrace.load.yamlsafe import ItemPosition, item_positions

# An id that reads back as the same text when written without quotes.
_PLAIN_ID = re.compile(r"[^\W_][\w.\-/]*")


@dataclass(frozen=True)
class LinkEdit:
    """One ``follows_up`` item to rewrite from ``old`` to ``new`` (line and column from 1); an
    item added has ``old`` empty."""

    file: str
    line: int
    column: int
    node: str
    old: str
    new: str


@dataclass(frozen=True)
class FileEdit:
    """One plan file: the bytes read, the bytes to write, and the links changed."""

    path: Path
    before: bytes
    after: bytes
    edits: tuple[LinkEdit, ...]

    def unified_diff(self) -> str:
        name = str(self.path)
        return "".join(
            difflib.unified_diff(
                self.before.decode("utf-8").splitlines(keepends=True),
                self.after.decode("utf-8").splitlines(keepends=True),
                fromfile=f"a/{name}",
                tofile=f"b/{name}",
            )
        )


@dataclass(frozen=True)
class RelinkPlan:
    """What relink would do: ``files`` to write, ``unsafe`` links it found but could not edit
    safely (they need a hand), ``left`` how many other impacts need a person."""

    files: tuple[FileEdit, ...]
    unsafe: tuple[LinkEdit, ...]
    left: int

    @property
    def count(self) -> int:
        return sum(len(f.edits) for f in self.files)


@dataclass(frozen=True)
class ApplyResult:
    path: Path
    status: Literal["written", "changed", "failed"]
    count: int
    reason: str = ""


def plan_relink(diff: PlanDiff, found: PlanFiles) -> RelinkPlan:
    """The edits that repair every ``target-renumbered`` link of ``diff`` in the files of NEW
    (``found``: the files as read for the diff, bytes kept)."""
    wanted: dict[str, dict[tuple[str, str], str]] = {}  # file -> (node, old id) -> new id
    left = 0
    for impact in diff.impact:
        if impact.code == "target-renumbered" and impact.target and impact.suggestion:
            wanted.setdefault(impact.file, {})[(impact.node, impact.target)] = impact.suggestion
        else:
            left += 1
    files: list[FileEdit] = []
    unsafe: list[LinkEdit] = []
    for path, data in zip(found.files, found.data, strict=True):
        todo = wanted.get(str(path))
        if not todo or data is None:
            continue
        edit, bad = _edit_file(path, data, todo)
        unsafe.extend(bad)
        if edit is not None:
            files.append(edit)
    return RelinkPlan(tuple(files), tuple(unsafe), left)


def id_token(new: str, style: str | None) -> str:
    """``new`` written as a YAML item in ``style`` (None: plain when it reads back the same)."""
    if style == "'":
        return "'" + new.replace("'", "''") + "'"
    if style is None and _PLAIN_ID.fullmatch(new):
        return new
    return json.dumps(new, ensure_ascii=False)


def _edit_file(
    path: Path, data: bytes, todo: dict[tuple[str, str], str]
) -> tuple[FileEdit | None, list[LinkEdit]]:
    text = data.decode("utf-8")
    hits: list[tuple[ItemPosition, LinkEdit]] = []
    bad: list[LinkEdit] = []
    for pos in item_positions(data):
        key = (pos.node or "", pos.value.strip())
        if key not in todo:
            continue
        edit = LinkEdit(str(path), pos.line, pos.column, key[0], key[1], todo[key])
        source = text[pos.offset : pos.end]
        if (pos.style is None and source != pos.value) or (
            pos.style is not None and not source.startswith(pos.style)
        ):
            bad.append(edit)
        else:
            hits.append((pos, edit))
    if not hits:
        return None, bad
    parts: list[str] = []
    last = 0
    for pos, edit in hits:  # in file order
        parts.append(text[last : pos.offset])
        parts.append(id_token(edit.new, pos.style))
        last = pos.end
    parts.append(text[last:])
    after = "".join(parts).encode("utf-8")
    if not _same_but_links(data, after, {(e.node, e.old): e.new for _, e in hits}, str(path)):
        return None, bad + [e for _, e in hits]
    return FileEdit(path, data, after, tuple(e for _, e in hits)), bad


def _same_but_links(
    before: bytes, after: bytes, changes: dict[tuple[str, str], str], name: str
) -> bool:
    """True when ``after`` reads as the plan in ``before`` with exactly ``changes`` made."""
    return same_plan_but(
        before, after, name, lambda node, links: [changes.get((node, x), x) for x in links]
    )


def same_plan_but(
    before: bytes, after: bytes, name: str, links: Callable[[str, list[str]], list[str]]
) -> bool:
    """True when ``after`` reads as the plan in ``before`` with each node's ``follows_up`` list
    made ``links(node id, list as before)``, and nothing else changed (line numbers aside)."""
    old, new = parse_plan(before, name).plan, parse_plan(after, name).plan
    if old is None or new is None:
        return False
    expected = old.model_dump()
    _rewrite(expected, links)
    return bool(expected == new.model_dump())


def _rewrite(value: object, change: Callable[[str, list[str]], list[str]]) -> None:
    if isinstance(value, list):
        for item in value:
            _rewrite(item, change)
    elif isinstance(value, dict):
        node = value.get("id")
        links = value.get("follows_up")
        if isinstance(node, str) and isinstance(links, list):
            value["follows_up"] = change(node, links)
        for item in value.values():
            _rewrite(item, change)


def apply_relink(plan: RelinkPlan | Iterable[FileEdit]) -> list[ApplyResult]:
    """Write each file whole, unless it changed since it was read (then it is left alone)."""
    return apply_edits(plan.files if isinstance(plan, RelinkPlan) else plan)


def apply_edits(files: Iterable[FileEdit]) -> list[ApplyResult]:
    """Write each file whole (a temp file, then a rename), unless it changed since it was read
    (then it is left alone: ``changed``)."""
    edits = tuple(files)
    out: list[ApplyResult] = []
    for edit in edits:
        try:
            current = edit.path.read_bytes()
        except OSError as exc:
            out.append(ApplyResult(edit.path, "failed", 0, exc.strerror or str(exc)))
            continue
        if current != edit.before:
            out.append(ApplyResult(edit.path, "changed", 0))
            continue
        try:
            write_atomic(edit.path, edit.after)
        except OSError as exc:
            out.append(ApplyResult(edit.path, "failed", 0, exc.strerror or str(exc)))
            continue
        out.append(ApplyResult(edit.path, "written", len(edit.edits)))
    return out


__all__ = [
    "ApplyResult",
    "FileEdit",
    "LinkEdit",
    "RelinkPlan",
    "apply_edits",
    "apply_relink",
    "plan_relink",
]

"""``maltrace suggest --apply-from``: the links a planner accepted in the suggestions workbook,
written into ``follows_up`` in the plan files.

The workbook is the one ``maltrace suggest -o FILE.xlsx`` writes: one row per candidate, the
link it proposes in the columns follower (the node that would carry ``follows_up``) and target
(the id it would name), and an accept column the planner marks. Every marked row is checked
against the plans as they are now — both ids exist, and ``check`` would count the link — and
every problem is reported at once, by sheet and cell; then nothing is written at all.

Each id is added in place: appended to the node's ``follows_up`` list in the list's own style
(flow ``[A, B]`` or block ``- A``), or a ``follows_up: [ID]`` line is put under the node's
title. Everything else in the file stays byte for byte as it was; the edited file is read back
and must give the very same plan but for the links added, or nothing is written.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from maltrace.analysis.suggest import link_problem
from maltrace.edit.relink import FileEdit, LinkEdit, id_token, same_plan_but
from maltrace.i18n import LANGS, Lang, t
from maltrace.load import PlanFiles
from maltrace.load.excel import ImportFailed, read_sheets
from maltrace.load.excel_layout import norm
from maltrace.load.sheet_rows import Sheet, SheetProblem, col_letter
from maltrace.load.sheets import sort_problems
from maltrace.load.yamlsafe import id_mappings

if TYPE_CHECKING:
    import os

    import networkx as nx

# What a planner may write in the accept column to accept a row (compared without case and
# surrounding space), and what says no as plainly as an empty cell. Anything else is asked about.
ACCEPT_WORDS = frozenset(
    {"x", "ja", "j", "yes", "y", "1", "true", "sann", "sant", "ok", "✓", "✔", "☑", "✅"}
)
REJECT_WORDS = frozenset({"nei", "n", "no", "0", "false", "usann", "usant", "-"})
# The columns read; the others (titles, scores, words) are there for the person deciding.
_COLUMNS = ("node", "kind", "candidate", "follower", "target", "accept")
_REQUIRED = ("follower", "target", "accept")
_SHOWN_CHARS = 40  # of a cell's text quoted in a message


@dataclass(frozen=True)
class AcceptedLink:
    """One accepted row: ``follower`` should name ``target`` in its ``follows_up``; ``cell`` and
    ``target_cell`` are where the two ids stand (``K5``, ``L5``)."""

    row: int
    follower: str
    target: str
    cell: str
    target_cell: str


@dataclass(frozen=True)
class AcceptedRows:
    """The accepted rows of a suggestions workbook, in sheet order (each link once), and the
    problems found in its cells (``plan_accepted`` reports them with its own, all at once)."""

    file: str
    sheet: str
    links: tuple[AcceptedLink, ...]
    problems: tuple[SheetProblem, ...] = ()


@dataclass(frozen=True)
class AcceptPlan:
    """What ``--apply-from`` would do: ``files`` to write (each with the links it gets),
    ``already`` the accepted links the plans hold already (skipped)."""

    files: tuple[FileEdit, ...]
    already: tuple[AcceptedLink, ...]

    @property
    def count(self) -> int:
        return sum(len(f.edits) for f in self.files)


# -- the workbook ------------------------------------------------------------------------------


def _headers() -> dict[str, str]:
    """Every column header suggest writes, in any language (normalised) -> its key."""
    return {norm(t(f"suggest.col.{k}", lang)): k for k in _COLUMNS for lang in LANGS}


def _kinds() -> dict[str, str]:
    return {
        norm(t(f"suggest.kind.{k}", lang)): k
        for k in ("orphan", "not-followed-up")
        for lang in LANGS
    }


def read_accepted(path: str | os.PathLike[str]) -> AcceptedRows:
    """The rows marked in the accept column of a workbook from ``maltrace suggest -o``.

    Raises ``ImportFailed`` when the file cannot be read as one (broken, hostile, not from
    suggest, a column missing); the problems of single cells (formulas, an accept cell that
    says neither yes nor no, a row whose link was edited by hand) come back in ``problems``,
    each by sheet and cell."""
    file = str(path)
    names = {norm(t("suggest.sheet", lang)) for lang in LANGS}
    found, problems, sheetnames = read_sheets(path, {"suggestions": names})
    sheet = found.get("suggestions")
    if sheet is None:
        shown = " / ".join(dict.fromkeys(t("suggest.sheet", lang) for lang in LANGS))
        params = {"sheet": shown, "found": ", ".join(sheetnames)}
        raise ImportFailed(file, [*problems, SheetProblem("not-suggestions", params=params)])
    cols = _columns(sheet, problems)
    if any(k not in cols for k in _REQUIRED):
        raise ImportFailed(file, problems)
    formulas = {p.cell for p in problems if p.code == "formula"}
    kinds = _kinds()
    links: dict[tuple[str, str], AcceptedLink] = {}
    for number, values in sheet.rows:

        def cell(key: str, values: list[str | None] = values) -> str | None:
            i = cols.get(key)
            return values[i] if i is not None and i < len(values) else None

        def ref(key: str, number: int = number) -> str:
            return f"{col_letter(cols[key])}{number}"

        mark = cell("accept")
        if mark is None or ref("accept") in formulas:
            continue  # empty, or a formula (reported where the sheet was read)
        word = mark.strip().casefold()
        if word in REJECT_WORDS:
            continue
        if word not in ACCEPT_WORDS:
            value = mark if len(mark) <= _SHOWN_CHARS else mark[:_SHOWN_CHARS] + "…"
            problems.append(
                SheetProblem("accept-word", sheet.name, ref("accept"), {"value": value})
            )
            continue
        follower, target = cell("follower"), cell("target")
        if follower is None or target is None:
            problems.append(SheetProblem("accept-no-candidate", sheet.name, ref("accept")))
            continue
        if ref("follower") in formulas or ref("target") in formulas:
            continue
        mismatch = _mismatch(cell("node"), cell("candidate"), cell("kind"), follower, target, kinds)
        if mismatch is not None:
            problems.append(SheetProblem("accept-mismatch", sheet.name, ref("follower"), mismatch))
            continue
        links.setdefault(
            (follower, target),
            AcceptedLink(number, follower, target, ref("follower"), ref("target")),
        )
    return AcceptedRows(file, sheet.name, tuple(links.values()), tuple(problems))


def _language(sheet: Sheet) -> Lang:
    """The language the workbook was written in: the one most of its headers are in (a missing
    column is named in it)."""
    headers = {norm(h) for h in sheet.headers if h is not None}

    def known(lang: Lang) -> int:
        return sum(norm(t(f"suggest.col.{k}", lang)) in headers for k in _COLUMNS)

    return max(LANGS, key=known)  # the first of equals: nynorsk


def _columns(sheet: Sheet, problems: list[SheetProblem]) -> dict[str, int]:
    accepted = _headers()
    cols: dict[str, int] = {}
    for i, header in enumerate(sheet.headers):
        key = accepted.get(norm(header)) if header is not None else None
        if key is not None and key not in cols:
            cols[key] = i
    for key in _REQUIRED:
        if key not in cols:
            column = t(f"suggest.col.{key}", _language(sheet))
            problems.append(
                SheetProblem("suggest-column-missing", sheet.name, "", {"column": column})
            )
    return cols


def _mismatch(
    node: str | None,
    candidate: str | None,
    kind: str | None,
    follower: str,
    target: str,
    kinds: dict[str, str],
) -> dict[str, Any] | None:
    """The row's link must be the one suggest wrote: the node and its candidate, the node the
    follower for a node without a trace up, the target for a goal not followed up."""
    which = kinds.get(norm(kind)) if kind is not None else None
    if node is None or candidate is None:
        ok = False
    elif which == "orphan":
        ok = (follower, target) == (node, candidate)
    elif which == "not-followed-up":
        ok = (follower, target) == (candidate, node)
    else:
        ok = {follower, target} == {node, candidate} and follower != target
    if ok:
        return None
    return {
        "follower": follower,
        "target": target,
        "node": node or "–",
        "candidate": candidate or "–",
    }


# -- the plans ---------------------------------------------------------------------------------


def plan_accepted(rows: AcceptedRows, found: PlanFiles, graph: nx.DiGraph) -> AcceptPlan:
    """The edits that write every accepted link of ``rows`` into the plan files of ``found``
    (as read, bytes kept) whose plans ``graph`` holds.

    Raises ``ImportFailed`` (the workbook's file) with every problem: an id the plans do not
    have (with the closest one), a link ``check`` would not count, a list maltrace cannot add
    to safely."""
    problems: list[SheetProblem] = list(rows.problems)
    already: list[AcceptedLink] = []
    todo: dict[str, dict[str, list[AcceptedLink]]] = {}  # file -> follower -> links
    nodes = graph.nodes
    for link in rows.links:
        bad = False
        for node in (link.follower, link.target):
            if node not in nodes:
                problems.append(_unknown(rows.sheet, link, node, graph))
                bad = True
        if bad:
            continue
        why = link_problem(graph, link.follower, link.target)
        if why is not None:
            params = {
                "target": link.target,
                "plan": nodes[link.follower]["plan"],
                "target_plan": nodes[link.target]["plan"],
            }
            problems.append(
                SheetProblem(
                    "accept-invalid",
                    rows.sheet,
                    link.cell,
                    {
                        "follower": link.follower,
                        "target": link.target,
                        "why": (f"suggest.apply.why.{why}", params),
                    },
                )
            )
            continue
        if link.target in nodes[link.follower]["model"].follows_up:
            already.append(link)
            continue
        file = str(nodes[link.follower]["file"])
        todo.setdefault(file, {}).setdefault(link.follower, []).append(link)
    data_of = {str(p): d for p, d in zip(found.files, found.data, strict=True)}
    files: list[FileEdit] = []
    for file, wanted in todo.items():
        data = data_of.get(file)
        if data is None:
            for links in wanted.values():
                link = links[0]
                params = {"follower": link.follower, "file": file}
                problems.append(SheetProblem("accept-no-file", rows.sheet, link.cell, params))
            continue
        edit, unsafe = _add_links(Path(file), data, wanted)
        for link, line in unsafe:
            params = {"follower": link.follower, "target": link.target, "file": file, "line": line}
            problems.append(SheetProblem("accept-unsafe", rows.sheet, link.cell, params))
        if edit is not None:
            files.append(edit)
    if problems:
        raise ImportFailed(rows.file, sort_problems(problems))
    return AcceptPlan(tuple(files), tuple(already))


def _unknown(sheet: str, link: AcceptedLink, node: str, graph: nx.DiGraph) -> SheetProblem:
    shown = node if len(node) <= _SHOWN_CHARS else node[:_SHOWN_CHARS] + "…"
    params: dict[str, Any] = {"id": shown}
    close = difflib.get_close_matches(node, list(graph), n=1)
    if close:
        params["suggestion"] = close[0]
    cell = link.cell if node == link.follower else link.target_cell
    return SheetProblem("accept-unknown", sheet, cell, params)


# -- the edit ----------------------------------------------------------------------------------

_DASH = re.compile(r"[ ]*-[ ]+")
_LIST_ITEM = re.compile(r"[ ]*(?:-[ ]+)*")


def _add_links(
    path: Path, data: bytes, wanted: dict[str, list[AcceptedLink]]
) -> tuple[FileEdit | None, list[tuple[AcceptedLink, int]]]:
    """Insert every wanted id into its node's ``follows_up`` in ``data``; the links that could
    not be added safely come back with the line of their node."""
    text = data.decode("utf-8")
    bom = 1 if text.startswith("\ufeff") else 0
    eol = "\r\n" if "\r\n" in text else "\n"
    mappings = id_mappings(data)
    places: dict[str, tuple[int, str]] = {}
    unsafe: list[tuple[AcceptedLink, int]] = []
    for follower, links in wanted.items():
        mapping = mappings.get(follower)
        ids = [link.target for link in links]
        place = None if mapping is None else _insertion(text, bom, eol, mapping, ids)
        if mapping is None or place is None:
            line = 0 if mapping is None else mapping.start_mark.line + 1
            unsafe.extend((link, line) for link in links)
        else:
            places[follower] = place
    after = _inserted(path, data, text, places, wanted)
    if after is None:
        # Not the plan with just these links added (a list shared through a YAML alias, say):
        # the nodes whose edit reads back wrong on its own are left for a person.
        for follower in list(places):
            if _inserted(path, data, text, {follower: places[follower]}, wanted) is None:
                line = mappings[follower].start_mark.line + 1
                unsafe.extend((link, line) for link in wanted[follower])
                del places[follower]
        after = _inserted(path, data, text, places, wanted)
    if after is None or not places:
        return None, unsafe
    edits: list[LinkEdit] = []
    for follower, (offset, _) in places.items():
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        edits.extend(
            LinkEdit(str(path), line, column, follower, "", x.target) for x in wanted[follower]
        )
    edits.sort(key=lambda e: (e.line, e.column))
    return FileEdit(path, data, after, tuple(edits)), unsafe


def _inserted(
    path: Path,
    data: bytes,
    text: str,
    places: dict[str, tuple[int, str]],
    wanted: dict[str, list[AcceptedLink]],
) -> bytes | None:
    """``text`` with the insertions at ``places`` made, when it reads back as the plan in
    ``data`` with exactly those links added; else None."""
    out = text
    for offset, insert in sorted(places.values(), reverse=True):
        out = out[:offset] + insert + out[offset:]
    after = out.encode("utf-8")
    ids = {f: [link.target for link in wanted[f]] for f in places}
    if not same_plan_but(data, after, str(path), lambda n, xs: [*xs, *ids.get(n, [])]):
        return None
    return after


def _insertion(
    text: str, bom: int, eol: str, mapping: MappingNode, ids: Sequence[str]
) -> tuple[int, str] | None:
    """Where and what to insert so ``mapping``'s ``follows_up`` gains ``ids``; None when the
    text is not what maltrace can add to safely (then a person does it)."""
    entries: dict[str, tuple[Node, Node]] = {
        k.value: (k, v) for k, v in mapping.value if isinstance(k, ScalarNode)
    }
    if "follows_up" in entries:
        value = entries["follows_up"][1]
        if not isinstance(value, SequenceNode) or not all(
            isinstance(item, ScalarNode) for item in value.value
        ):
            return None
        return _append(text, bom, eol, value, ids)
    if mapping.flow_style:
        last = mapping.value[-1][1]
        return last.end_mark.index + bom, ", follows_up: [" + _tokens(ids, None) + "]"
    for anchor in ("title", "id"):
        if anchor not in entries:
            continue
        key, value = entries[anchor]
        if not isinstance(value, ScalarNode) or value.start_mark.line != value.end_mark.line:
            continue  # a title over several lines: under the id instead
        start = key.start_mark.index + bom
        line_start = text.rfind("\n", 0, start) + 1
        if not _LIST_ITEM.fullmatch(text[line_start:start]):
            continue
        line = " " * key.start_mark.column + "follows_up: [" + _tokens(ids, None) + "]"
        return _after_line(text, value.end_mark.index + bom, eol, line)
    return None


def _append(
    text: str, bom: int, eol: str, seq: SequenceNode, ids: Sequence[str]
) -> tuple[int, str] | None:
    items = seq.value
    if seq.flow_style:
        if not items:
            start = seq.start_mark.index + bom
            if text[start : start + 1] != "[":
                return None
            return start + 1, _tokens(ids, None)
        last = items[-1]
        return last.end_mark.index + bom, ", " + _tokens(ids, last.style or None)
    last = items[-1]
    start = last.start_mark.index + bom
    if last.start_mark.line != last.end_mark.line:
        return None
    prefix = text[text.rfind("\n", 0, start) + 1 : start]
    if not _DASH.fullmatch(prefix):
        return None
    style = last.style or None
    lines = eol.join(prefix + id_token(i, style) for i in ids)
    return _after_line(text, last.end_mark.index + bom, eol, lines)


def _after_line(text: str, offset: int, eol: str, lines: str) -> tuple[int, str]:
    """Insert ``lines`` as lines of their own after the line ``offset`` is on."""
    nl = text.find("\n", offset)
    if nl < 0:
        return len(text), eol + lines
    ending = "\r\n" if nl > 0 and text[nl - 1] == "\r" else "\n"
    return nl + 1, lines + ending


def _tokens(ids: Sequence[str], style: str | None) -> str:
    return ", ".join(id_token(i, style) for i in ids)


# -- in one call -------------------------------------------------------------------------------


def plan_accept_from(
    workbook: str | os.PathLike[str], paths: Sequence[str | os.PathLike[str]]
) -> AcceptPlan:
    """Read ``workbook`` (from ``maltrace suggest -o``) and the plans under ``paths``; the edits
    that write its accepted links (``apply_edits(plan.files)`` writes them).

    Raises ``maltrace.load.LoadFailed`` when the plans cannot be loaded, ``ImportFailed`` with
    every problem of the workbook's rows."""
    from maltrace.graph import build_graph
    from maltrace.load import load_plan_files, read_plan_files

    found = read_plan_files(paths)
    graph = build_graph(load_plan_files(found))
    return plan_accepted(read_accepted(workbook), found, graph)


__all__ = [
    "ACCEPT_WORDS",
    "REJECT_WORDS",
    "AcceptPlan",
    "AcceptedLink",
    "AcceptedRows",
    "plan_accept_from",
    "plan_accepted",
    "read_accepted",
]

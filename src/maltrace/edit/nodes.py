"""Edits of one node a planner asks for by name (the web page of ``maltrace serve``): add or
remove ``follows_up`` links, set a tiltak's ``status``, write or clear a reason.

The same rules as relink and ``suggest --apply-from``: the edit is checked against the plans
as they are (an unknown id with the closest one, a link ``check`` would not count, a cycle),
made in place in the file's own style, and the edited file is read back and must give the very
same plan but for the value named — or nothing is written (``EditRefused``).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from maltrace.analysis.suggest import link_problem
from maltrace.edit.accept import _after_line, _insertion
from maltrace.edit.relink import FileEdit, LinkEdit
from maltrace.errors import MaltraceError
from maltrace.i18n import Lang, t
from maltrace.load import Kind, Plan, parse_plan
from maltrace.load.cache import PlanCache, content_key, default_cache_dir
from maltrace.load.yamlsafe import KEYS, LINE, YamlError, id_mappings, read_yaml
from maltrace.nearest import closest

if TYPE_CHECKING:
    import networkx as nx

# Longest text a reason may be (a paragraph, not a document), and longest id shown back.
MAX_REASON = 2000
_SHOWN = 40
# Text that reads back as itself when written without quotes (no ``: ``, ``#``, quotes,
# leading indicator or trailing space); anything else is written in double quotes.
_PLAIN_TEXT = re.compile(r"[^\W\d_][\w .,()/%–—+]*[\w.)%]|[^\W\d_]")
_RESERVED_WORDS = frozenset(
    {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "~", "nan", "inf"}
)


class EditRefused(MaltraceError):
    """An edit that is not made, and why: ``code`` (stable, English, kebab-case) and
    ``params``; ``message(lang)`` says it to a planner."""

    def __init__(self, code: str, params: dict[str, Any] | None = None) -> None:
        super().__init__(code)
        # Its own words (message below) read every parameter, the did-you-mean among them.
        self.params = dict(params or {})

    def message(self, lang: Lang) -> str:
        params = dict(self.params)
        why = params.pop("why", None)
        if why is not None:
            params["why"] = t(f"suggest.apply.why.{why}", lang, **params)
        hint = params.pop("suggestion", None)
        params["hint"] = " " + t("word.did_you_mean", lang, suggestion=hint) if hint else ""
        return t(f"serve.refused.{self.code}", lang, **params)


def _shown(value: str) -> str:
    return value if len(value) <= _SHOWN else value[:_SHOWN] + "…"


def _known(graph: nx.DiGraph, node: str, code: str = "unknown-node") -> None:
    if node not in graph:
        close = closest(node, [str(n) for n in graph])
        params: dict[str, Any] = {"id": _shown(node)}
        if close:
            params["suggestion"] = close
        raise EditRefused(code, params)


def _file_of(graph: nx.DiGraph, node: str) -> tuple[Path, bytes]:
    path = Path(str(graph.nodes[node]["file"]))
    try:
        return path, path.read_bytes()
    except OSError as exc:
        raise EditRefused("cannot-read", {"file": str(path), "reason": exc.strerror}) from None


# -- links -------------------------------------------------------------------------------------


def plan_links(
    graph: nx.DiGraph, node: str, add: Sequence[str] = (), remove: Sequence[str] = ()
) -> FileEdit | None:
    """The edit of ``node``'s file that adds ``add`` to its ``follows_up`` and takes ``remove``
    out of it; None when there is nothing to change (every added id is there already, and no
    removed one is). Raises ``EditRefused``."""
    _known(graph, node)
    current = list(graph.nodes[node]["model"].follows_up)
    for target in remove:
        if target not in current:
            raise EditRefused("not-linked", {"node": node, "target": _shown(target)})
    adding: list[str] = []
    for target in add:
        _known(graph, target, "unknown-target")
        if target in current or target in adding:
            continue
        why = link_problem(graph, node, target)
        if why is not None:
            nodes = graph.nodes
            raise EditRefused(
                "invalid-link",
                {
                    "follower": node,
                    "target": target,
                    "why": why,
                    "plan": nodes[node]["plan"],
                    "target_plan": nodes[target]["plan"],
                },
            )
        if _would_cycle(graph, node, target):
            raise EditRefused("cycle", {"follower": node, "target": target})
        adding.append(target)
    removing = [x for x in dict.fromkeys(remove) if x not in adding]
    if not adding and not removing:
        return None
    path, data = _file_of(graph, node)
    kept = [x for x in current if x not in removing]
    expected = [*kept, *adding]

    def edit(text: bytes) -> bytes:
        out = _removed(path, text, node, removing) if removing else text
        return _appended(path, out, node, adding) if adding else out

    def change(tree: dict[str, Any]) -> None:
        tree["follows_up"] = expected

    after = _edited(graph, node, data, edit, change)
    line = _line(graph, node)
    edits = [LinkEdit(str(path), line, 0, node, x, "") for x in removing]
    edits += [LinkEdit(str(path), line, 0, node, "", x) for x in adding]
    return FileEdit(path, data, after, tuple(edits))


def _appended(path: Path, data: bytes, node: str, ids: Sequence[str]) -> bytes:
    """``data`` with ``ids`` added to ``node``'s ``follows_up`` in the list's own style (as
    ``suggest --apply-from`` adds them)."""
    text = data.decode("utf-8")
    bom = 1 if text.startswith("\ufeff") else 0
    eol = "\r\n" if "\r\n" in text else "\n"
    mapping = id_mappings(data).get(node)
    place = None if mapping is None else _insertion(text, bom, eol, mapping, ids)
    if place is None:
        raise EditRefused("unsafe", {"file": str(path), "line": _mark_line(mapping)})
    offset, insert = place
    return (text[:offset] + insert + text[offset:]).encode("utf-8")


def _edited(
    graph: nx.DiGraph,
    node: str,
    data: bytes,
    edit: Callable[[bytes], bytes],
    change: Callable[[dict[str, Any]], None],
) -> bytes:
    """``data`` with ``edit`` made, read back: it must give the same plan but for ``change``
    to ``node``, else ``EditRefused`` (unsafe). In a big file (``PIECE_FROM`` bytes and more)
    the edit is made to the node's own lines and those are read back (the rest of the file is
    the same bytes, and the node's lines stay one item of their list); where that cannot be
    done, the whole file is edited and read back."""
    if len(data) >= PIECE_FROM:
        text = data.decode("utf-8")
        span = _item_lines(text, int(graph.nodes[node]["line"]))
        if span is not None:
            start, end = span
            piece = text[start:end].encode("utf-8")
            try:
                piece_after = edit(piece)
            except EditRefused:
                piece_after = None
            if piece_after is not None and _piece_reads_back(piece, piece_after, node, change):
                return (text[:start] + piece_after.decode("utf-8") + text[end:]).encode("utf-8")
    after = edit(data)
    if not _reads_back(graph, node, data, after, change):
        path = str(graph.nodes[node]["file"])
        raise EditRefused("unsafe", {"file": path, "line": _line(graph, node)})
    return after


# From this size on, an edit reads back only the node's own lines (a 3 MB file of 20,000
# strategies: seconds less per edit); smaller files are read back whole.
PIECE_FROM = 256 * 1024
_ITEM = re.compile(r"( *)-( +)(?=[^\s#])")


def _item_lines(text: str, line: int) -> tuple[int, int] | None:
    """Where the lines of the list item whose mapping starts on ``line`` (from 1) begin and
    end: its ``- `` line and every following line indented deeper than that dash (blank and
    comment lines between them too). None when that line is not a block list item."""
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return None
    found = _ITEM.match(text, start)
    if found is None:
        return None
    dash = len(found.group(1))
    first = text.find("\n", start)
    if first < 0:
        return start, len(text)
    end = pos = first + 1
    while pos < len(text):
        nl = text.find("\n", pos)
        stop = len(text) if nl < 0 else nl + 1
        row = text[pos:stop]
        body = row.strip()
        if body and not body.startswith("#"):
            if len(row) - len(row.lstrip(" ")) <= dash:
                break
            end = stop
        pos = stop
    return start, end


def _piece_reads_back(
    before: bytes, after: bytes, node: str, change: Callable[[dict[str, Any]], None]
) -> bool:
    """True when the node's lines ``after`` read, on their own and with the same strict reader
    as ``check``, as the node's lines ``before`` with ``change`` made to it."""
    try:
        old, new = read_yaml(before), read_yaml(after)
    except YamlError:
        return False
    if not (isinstance(old, list) and isinstance(new, list) and len(old) == len(new) == 1):
        return False
    expected, got = _plain(old[0]), _plain(new[0])
    if not isinstance(expected, dict) or not isinstance(got, dict) or expected.get("id") != node:
        return False
    change(expected)
    for tree in (expected, got):
        for key in [k for k, v in tree.items() if v in (None, [], {})]:
            del tree[key]
    return bool(expected == got)


def _plain(value: object) -> object:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k not in (LINE, KEYS)}
    return value


def _reads_back(
    graph: nx.DiGraph,
    node: str,
    before: bytes,
    after: bytes,
    change: Callable[[dict[str, Any]], None],
) -> bool:
    """True when ``after`` reads as the plan ``node`` is in (as loaded into ``graph``, from the
    bytes ``before``) with ``change`` made to that node, and nothing else changed. The plan as
    loaded stands for ``before``, so only the edited text is parsed (a big file is read once);
    a plan loaded from other bytes than ``before`` reads back different, and is refused."""
    data = graph.nodes[node]
    name = str(data["file"])
    loaded = graph.graph["plans"].get(data["plan"])
    old = loaded if loaded is not None else parse_plan(before, name).plan
    new = parse_plan(after, name).plan
    if old is None or new is None:
        return False
    # Fields at their default are left out on both sides (a field not written and one written
    # empty read the same); pydantic does that walk, not Python.
    expected = old.model_dump(exclude_defaults=True)
    if not _change_in(expected, node, change):
        return False
    if expected != new.model_dump(exclude_defaults=True):
        return False
    _remember(after, new)
    return True


def _remember(data: bytes, plan: Plan) -> None:
    """Put the plan just read back into the plan cache under the edited bytes, so the analysis
    made after the write takes it from there instead of parsing the file once more (a big plan
    file takes seconds). Only an optimisation: a cache that cannot be written is left be."""
    if os.environ.get("MALTRACE_CACHE_DIR") == "":
        return
    try:
        PlanCache(default_cache_dir()).put(content_key(data), plan)
    except Exception:  # the cache never stops an edit
        return


def _change_in(tree: object, node: str, change: Callable[[dict[str, Any]], None]) -> bool:
    if isinstance(tree, list):
        return any(_change_in(item, node, change) for item in tree)
    if isinstance(tree, dict):
        if tree.get("id") == node and "title" in tree:
            change(tree)
            for key in [k for k, v in tree.items() if v in (None, [], (), {})]:
                del tree[key]
            return True
        return any(_change_in(v, node, change) for v in tree.values())
    return False


def _line(graph: nx.DiGraph, node: str) -> int:
    return int(getattr(graph.nodes[node]["model"], "line", 0) or 0)


def _would_cycle(graph: nx.DiGraph, follower: str, target: str) -> bool:
    """True when ``target`` already leads, through links and nesting, to ``follower``: the new
    link would close a loop in the red thread."""
    seen = {target}
    stack = [target]
    nodes = graph.nodes
    while stack:
        current = stack.pop()
        if current == follower:
            return True
        nexts = list(nodes[current]["model"].follows_up)
        parent = nodes[current].get("parent")
        if parent:
            nexts.append(parent)
        for n in nexts:
            if n in graph and n not in seen:
                seen.add(n)
                stack.append(n)
    return False


def _removed(path: Path, data: bytes, node: str, removing: Sequence[str]) -> bytes:
    text = data.decode("utf-8")
    bom = 1 if text.startswith("\ufeff") else 0
    mapping = id_mappings(data).get(node)
    entry = _entry(mapping, "follows_up") if mapping is not None else None
    unsafe = EditRefused("unsafe", {"file": str(path), "line": _mark_line(mapping)})
    if entry is None:
        raise unsafe
    key, seq = entry
    if not isinstance(seq, SequenceNode) or not all(isinstance(i, ScalarNode) for i in seq.value):
        raise unsafe
    items: list[ScalarNode] = list(seq.value)
    keep = [i for i in items if str(i.value).strip() not in removing]
    if seq.flow_style:
        start, end = seq.start_mark.index + bom, seq.end_mark.index + bom
        if seq.start_mark.line != seq.end_mark.line or text[start] != "[":
            raise unsafe
        kept = ", ".join(text[i.start_mark.index + bom : i.end_mark.index + bom] for i in keep)
        return (text[:start] + "[" + kept + "]" + text[end:]).encode("utf-8")
    if not keep:
        # A block list with nothing left: the whole entry goes (no follows_up is an empty one).
        return _drop_entry(text, bom, key, seq, unsafe).encode("utf-8")
    out = text
    for item in reversed([i for i in items if i not in keep]):
        start = item.start_mark.index + bom
        line_start = out.rfind("\n", 0, start) + 1
        if item.start_mark.line != item.end_mark.line or not re.fullmatch(
            r"[ ]*-[ ]+", out[line_start:start]
        ):
            raise unsafe
        nl = out.find("\n", item.end_mark.index + bom)
        out = out[:line_start] + (out[nl + 1 :] if nl >= 0 else "")
    return out.encode("utf-8")


def _mark_line(mapping: MappingNode | None) -> int:
    return 0 if mapping is None else mapping.start_mark.line + 1


def _entry(mapping: MappingNode, name: str) -> tuple[Node, Node] | None:
    for k, v in mapping.value:
        if isinstance(k, ScalarNode) and k.value == name:
            return k, v
    return None


def _drop_entry(text: str, bom: int, key: Node, value: Node, unsafe: EditRefused) -> str:
    """``text`` without the lines of one ``key: value`` entry of a block mapping."""
    start, end = _entry_lines(text, bom, key, value, unsafe)
    return text[:start] + text[end:]


def _entry_lines(
    text: str, bom: int, key: Node, value: Node, unsafe: EditRefused
) -> tuple[int, int]:
    """Where the lines of one ``key: value`` entry of a block mapping start and end (after the
    last line's end). The key must start its line: not the ``- `` of a list item, which the
    entry would take with it."""
    start = key.start_mark.index + bom
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        raise unsafe
    end = value.end_mark.index + bom
    # A block list's or block text's end mark is where the next entry starts: back to the end
    # of its last line.
    while end > start and text[end - 1] in " \r\n":
        end -= 1
    nl = text.find("\n", end)
    return line_start, (nl + 1 if nl >= 0 else len(text))


# -- one value: status, reasons ----------------------------------------------------------------


def reason_field(graph: nx.DiGraph, node: str) -> str:
    """Where a reason for ``node`` goes: ``reason_not_followed_up`` for a goal of a plan that
    others follow (a gap the plan explains), else ``reason_no_link`` (why it follows nothing)."""
    data = graph.nodes[node]
    if data["kind"] is Kind.GOAL and graph.graph["plan_graph"].in_degree(data["plan"]) > 0:
        return "reason_not_followed_up"
    return "reason_no_link"


def plan_value(graph: nx.DiGraph, node: str, name: str, value: str | None) -> FileEdit | None:
    """The edit of ``node``'s file that sets its scalar ``name`` to ``value`` (None: takes the
    entry out); None when it holds that value already. Raises ``EditRefused``."""
    _known(graph, node)
    model = graph.nodes[node]["model"]
    if value is not None:
        value = value.strip() or None
    if getattr(model, name, None) == value:
        return None
    path, data = _file_of(graph, node)

    def change(tree: dict[str, Any]) -> None:
        tree[name] = value

    after = _edited(
        graph, node, data, lambda text: _set_value(path, text, node, name, value), change
    )
    if after == data:
        return None
    where = _line(graph, node)
    return FileEdit(path, data, after, (LinkEdit(str(path), where, 0, node, name, value or ""),))


def _set_value(path: Path, data: bytes, node: str, name: str, value: str | None) -> bytes:
    text = data.decode("utf-8")
    bom = 1 if text.startswith("\ufeff") else 0
    mapping = id_mappings(data).get(node)
    unsafe = EditRefused("unsafe", {"file": str(path), "line": _mark_line(mapping)})
    if mapping is None:
        raise unsafe
    entry = _entry(mapping, name)
    if entry is not None:
        key, old = entry
        if not isinstance(old, ScalarNode):
            raise unsafe
        if value is None:
            if mapping.flow_style:
                raise unsafe
            out = _drop_entry(text, bom, key, old, unsafe)
        elif old.start_mark.line != old.end_mark.line or old.style in ("|", ">"):
            # Text over several lines becomes one line: the entry's lines are replaced whole.
            if mapping.flow_style:
                raise unsafe
            start, end = _entry_lines(text, bom, key, old, unsafe)
            eol = "\r\n" if text[start:end].endswith("\r\n") else "\n"
            line = " " * key.start_mark.column + f"{name}: {_token(value, None)}" + eol
            out = text[:start] + line + text[end:]
        else:
            start, end = old.start_mark.index + bom, old.end_mark.index + bom
            out = text[:start] + _token(value, old.style or None) + text[end:]
    elif value is None:
        return data
    else:
        out = _insert_entry(text, bom, mapping, name, value, unsafe)
    return out.encode("utf-8")


def _token(value: str, style: str | None) -> str:
    if style == "'" and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    if style is None and _PLAIN_TEXT.fullmatch(value) and value.lower() not in _RESERVED_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)


def _insert_entry(
    text: str, bom: int, mapping: MappingNode, name: str, value: str, unsafe: EditRefused
) -> str:
    """A ``name: value`` entry after the node's last one-line scalar entry (status and reasons
    go with the node's own text, before its lists of children)."""
    if mapping.flow_style:
        last = mapping.value[-1][1]
        at = last.end_mark.index + bom
        return text[:at] + f", {name}: {_token(value, None)}" + text[at:]
    eol = "\r\n" if "\r\n" in text else "\n"
    anchor: tuple[Node, Node] | None = None
    for k, v in mapping.value:
        one_line = v.start_mark.line == v.end_mark.line
        if not one_line or not (
            isinstance(v, ScalarNode) or (isinstance(v, SequenceNode) and v.flow_style)
        ):
            break
        anchor = (k, v)
    if anchor is None:
        raise unsafe
    key, last_value = anchor
    line = " " * key.start_mark.column + f"{name}: {_token(value, None)}"
    offset, insert = _after_line(text, last_value.end_mark.index + bom, eol, line)
    return text[:offset] + insert + text[offset:]


__all__ = ["MAX_REASON", "EditRefused", "plan_links", "plan_value", "reason_field"]

"""Safe, bounded YAML reading that keeps line numbers and refuses duplicate keys.

PyYAML's C composer (``CSafeLoader``) builds the node tree; we turn nodes into plain data
ourselves because the stock constructor silently keeps the last of two equal keys, forgets
line numbers, and turns ``id: 1.10`` into the float 1.1. Here every scalar stays the text the
planner wrote (null stays ``None``), and every mapping carries its line as ``__line__`` and the
line of each key as ``__keys__``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from maltrace.errors import MaltraceError
from maltrace.load.positions import KEYS as KEYS
from maltrace.load.positions import LINE as LINE
from maltrace.load.text import (
    ASTRAL_BAD_IN_FILE,
    FROM_STAND_IN,
    RAW,
    SUSPECT_IN_FILE,
    hide_raw,
    normalise,
)

try:  # the C loader is what makes this fast; fall back only so an odd platform still works
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 200
# Aliases can make a small file expand enormously ("billion laughs"); count what we build.
MIN_NODE_BUDGET = 200_000

_TAG_PREFIX = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(
    _TAG_PREFIX + t for t in ("str", "int", "float", "bool", "null", "timestamp", "binary")
)
_NULL = _TAG_PREFIX + "null"
_MAP = _TAG_PREFIX + "map"
_SEQ = _TAG_PREFIX + "seq"
_DEEP_BLOCK = re.compile(rb"^[ \t]{%d,}\S" % MAX_DEPTH, re.MULTILINE)
_DEEP_DASHES = re.compile(rb"(?:-[ \t]+){%d,}" % (MAX_DEPTH // 2))
_BRACKETS_ONLY = bytes(b for b in range(256) if b not in b"[]{}")


@dataclass(frozen=True)
class TextNote:
    """A text on ``line`` held control characters, now shown as visible symbols."""

    line: int
    chars: tuple[str, ...]


@dataclass
class YamlProblem:
    """One problem in one file; ``code`` picks the catalogue text, ``params`` fill it."""

    code: str
    line: int
    params: dict[str, Any] = field(default_factory=dict)


class YamlError(MaltraceError):
    """A file the safe YAML reader refused; the loader turns ``problems`` into load errors."""

    def __init__(self, problems: list[YamlProblem]) -> None:
        super().__init__(problems[0].code if problems else "yaml")
        self.problems = problems


def _too_deep(data: bytes) -> int | None:
    """Line of a nesting deeper than MAX_DEPTH, found before libyaml's recursive composer sees it.

    libyaml's composer recurses in C and crashes the process on absurd nesting, so this
    over-estimates cheaply: flow brackets (quoted or not), long indentation, long ``- - -`` runs.
    """
    if data.count(b"[") + data.count(b"{") > MAX_DEPTH:
        brackets = data.translate(None, _BRACKETS_ONLY)
        depth = 0
        for i, ch in enumerate(brackets):
            depth = depth + 1 if ch in b"[{" else max(depth - 1, 0)
            if depth > MAX_DEPTH:
                # Find the bracket's byte offset for the line number.
                seen = -1
                for pos, b in enumerate(data):
                    if b in b"[]{}":
                        seen += 1
                        if seen == i:
                            return data.count(b"\n", 0, pos) + 1
                return 1
    for pattern in (_DEEP_BLOCK, _DEEP_DASHES):
        m = pattern.search(data)
        if m:
            return data.count(b"\n", 0, m.start()) + 1
    return None


def read_yaml(
    data: bytes, *, all_key_lines: bool = False, notes: list[TextNote] | None = None
) -> Any:
    """Parse one YAML document from ``data``; raise YamlError with every problem found.

    Returns ``None`` for an empty document. ``all_key_lines`` records the line of every key
    (for validation messages); by default only the keys findings point at (FINDING_KEYS).
    Every text is normalised (``maltrace.load.text``); the lines where a control character was
    made visible are added to ``notes``.
    """
    if len(data) > MAX_FILE_BYTES:
        raise YamlError(
            [
                YamlProblem(
                    "too_large",
                    1,
                    {"size": round(len(data) / 1e6, 1), "limit": MAX_FILE_BYTES // 1_000_000},
                )
            ]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise YamlError([YamlProblem("not_utf8", line, {"position": exc.start})]) from None
    deep = _too_deep(data)
    if deep is not None:
        raise YamlError([YamlProblem("too_deep", deep, {"limit": MAX_DEPTH})])

    # One search of the whole file decides whether any scalar needs normalising: only a raw
    # character or an escape (a backslash) can put one there.
    check = SUSPECT_IN_FILE.search(text) is not None
    hidden = check and RAW.search(text) is not None
    check = check or ASTRAL_BAD_IN_FILE.search(data) is not None
    loader = _Loader(hide_raw(text) if hidden else data)
    try:
        root = loader.get_single_node()
    except yaml.composer.ComposerError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        if "single document" in str(exc.context or ""):
            raise YamlError([YamlProblem("multiple_documents", line)]) from None
        raise YamlError([YamlProblem("yaml_syntax", line, {"problem": _problem(exc)})]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlError([YamlProblem("yaml_syntax", line, {"problem": _problem(exc)})]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - reader errors are caught above
        raise YamlError([YamlProblem("yaml_syntax", 1, {"problem": str(exc)})]) from None
    finally:
        loader.dispose()
    if root is None:
        return None
    builder = _Builder(max(MIN_NODE_BUDGET, len(data)), all_key_lines, check, hidden)
    value = builder.build(root)
    if builder.problems:
        raise YamlError(builder.problems)
    if notes is not None:
        notes.extend(builder.notes)
    return value


def _problem(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or "invalid YAML"
    if exc.context and exc.context_mark is not None:
        # libyaml notices a missing ] at the end; the line where the bracket opened helps more.
        return f"{problem} ({exc.context}, from line {exc.context_mark.line + 1})"
    return problem


class _Abort(MaltraceError):
    """Stops the walk once the file is known to be hostile; the problem is already recorded."""


# Keys whose line a finding points at even when the file is valid; every other key's line is
# only needed for a validation error, and then the file is read again with all of them.
FINDING_KEYS = frozenset(
    {
        "follows_up",
        "relevant_goals",
        "follows",
        "contributes_to",
        "frameworks",
        "reason_not_followed_up",
        "reason_no_link",
        "measurements",
    }
)
_STR = _TAG_PREFIX + "str"
_RESERVED = frozenset({LINE, KEYS})


class _Builder:
    """Nodes -> plain data. The hot path of loading: kept flat, with scalars handled inline."""

    def __init__(
        self, budget: int, all_key_lines: bool, check: bool = False, hidden: bool = False
    ) -> None:
        self.limit = budget
        self.budget = budget
        self.all_key_lines = all_key_lines
        self.check = check
        self.hidden = hidden
        self.problems: list[YamlProblem] = []
        self.notes: list[TextNote] = []

    def build(self, root: Node) -> Any:
        try:
            return self._build(root, 0)
        except _Abort:
            return None

    def _scalar(self, node: ScalarNode) -> str | None:
        tag = node.tag
        if tag == _STR:
            if self.check:
                return self._text(node)
            return node.value  # type: ignore[no-any-return]
        if tag == _NULL:
            return None
        if tag in _PLAIN_TAGS:
            return node.value  # type: ignore[no-any-return]
        self.problems.append(YamlProblem("tag", node.start_mark.line + 1, {"tag": tag}))
        return None

    def _text(self, node: ScalarNode) -> str:
        """The scalar's text, normalised; a note when a control character was made visible."""
        value: str = node.value
        if self.hidden:
            value = value.translate(FROM_STAND_IN)
        value, bad = normalise(value)
        if bad:
            self.notes.append(TextNote(node.start_mark.line + 1, bad))
        return value

    def _build(self, node: Node, depth: int) -> Any:
        self.budget -= 1
        if self.budget < 0 or depth > MAX_DEPTH:
            line = node.start_mark.line + 1
            if self.budget < 0:
                self.problems.append(YamlProblem("too_many_nodes", line, {"limit": self.limit}))
            else:
                self.problems.append(YamlProblem("too_deep", line, {"limit": MAX_DEPTH}))
            raise _Abort
        cls = node.__class__
        if cls is ScalarNode:
            return self._scalar(node)  # type: ignore[arg-type]
        if node.tag != (_SEQ if cls is SequenceNode else _MAP):
            self.problems.append(YamlProblem("tag", node.start_mark.line + 1, {"tag": node.tag}))
        if cls is SequenceNode:
            return [
                self._scalar(item)
                if item.__class__ is ScalarNode and not self._spend()
                else self._build(item, depth + 1)
                for item in node.value
            ]
        result: dict[str, Any] = {}
        key_lines: dict[str, int] = {}
        all_keys = self.all_key_lines
        for key_node, value_node in node.value:
            if key_node.__class__ is ScalarNode and key_node.tag in _PLAIN_TAGS:
                key = self._text(key_node) if self.check else key_node.value
                if key in _RESERVED:
                    key = f"<{key}>"
            elif key_node.__class__ is ScalarNode and key_node.tag == _TAG_PREFIX + "merge":
                key = "<<"
            else:
                key = "<" + type(key_node).__name__.removesuffix("Node").lower() + ">"
            if key in result:
                self.problems.append(
                    YamlProblem(
                        "duplicate_key",
                        key_node.start_mark.line + 1,
                        {"key": key, "other_line": _first_line_of(node, key)},
                    )
                )
                continue
            if value_node.__class__ is ScalarNode and not self._spend():
                result[key] = self._scalar(value_node)
            else:
                result[key] = self._build(value_node, depth + 1)
            if all_keys or key in FINDING_KEYS:
                key_lines[key] = key_node.start_mark.line + 1
        result[LINE] = node.start_mark.line + 1
        result[KEYS] = key_lines
        return result

    def _spend(self) -> bool:
        """Count a scalar handled inline; True when the budget is spent (then _build reports)."""
        self.budget -= 1
        if self.budget < 0:
            self.budget += 1
            return True
        return False


def _first_line_of(node: Node, key: str) -> int:
    for key_node, _ in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return int(key_node.start_mark.line) + 1
    return 0


@dataclass(frozen=True)
class ItemPosition:
    """Where one item of a ``follows_up`` list stands in the file: ``offset`` counts characters
    of the decoded text (a byte-order mark included), ``line`` and ``column`` from 1."""

    node: str | None  # the id of the node the list belongs to
    value: str
    offset: int
    end: int
    line: int
    column: int
    style: str | None  # None (plain), "'" or '"'


def item_positions(data: bytes, key: str = "follows_up") -> list[ItemPosition]:
    """The position of every scalar item of every ``key`` list in ``data`` (already read
    successfully by ``read_yaml``). Only edits need this (``maltrace relink``), so loading
    never pays for it: the file is composed again from the same bytes."""
    bom = 1 if data.startswith(b"\xef\xbb\xbf") else 0
    loader = _Loader(data)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    out: list[ItemPosition] = []
    stack: list[Node] = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))
            continue
        if isinstance(node, ScalarNode):
            continue
        owner: str | None = None
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.value == "id" and isinstance(v, ScalarNode):
                owner = v.value
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.value == key and isinstance(v, SequenceNode):
                for item in v.value:
                    if isinstance(item, ScalarNode):
                        start, end = item.start_mark, item.end_mark
                        out.append(
                            ItemPosition(
                                owner,
                                item.value,
                                start.index + bom,
                                end.index + bom,
                                start.line + 1,
                                start.column + 1,
                                item.style or None,
                            )
                        )
        stack.extend(reversed([v for _, v in node.value]))
    out.sort(key=lambda p: p.offset)
    return out


def id_mappings(data: bytes) -> dict[str, MappingNode]:
    """Every mapping in ``data`` (already read successfully by ``read_yaml``) that has a plain
    ``id``, by that id (the first when one is written twice), as composed nodes with their
    marks. Only edits need this (``maltrace suggest --apply-from``): marks count characters of
    the text without a byte-order mark."""
    loader = _Loader(data)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    out: dict[str, MappingNode] = {}
    stack: list[Node] = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, MappingNode):
            for k, v in node.value:
                if isinstance(k, ScalarNode) and k.value == "id" and isinstance(v, ScalarNode):
                    out.setdefault(v.value, node)
            stack.extend(reversed([v for _, v in node.value]))
    return out

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

try:  # the C loader is what makes this fast; fall back only so an odd platform still works
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

LINE = "__line__"
KEYS = "__keys__"

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


@dataclass
class YamlProblem:
    """One problem in one file; ``code`` picks the catalogue text, ``params`` fill it."""

    code: str
    line: int
    params: dict[str, Any] = field(default_factory=dict)


class YamlError(Exception):
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


def read_yaml(data: bytes) -> Any:
    """Parse one YAML document from ``data``; raise YamlError with every problem found.

    Returns ``None`` for an empty document.
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
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise YamlError([YamlProblem("not_utf8", line, {"position": exc.start})]) from None
    deep = _too_deep(data)
    if deep is not None:
        raise YamlError([YamlProblem("too_deep", deep, {"limit": MAX_DEPTH})])

    loader = _Loader(data)
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
    builder = _Builder(max(MIN_NODE_BUDGET, len(data)))
    value = builder.build(root)
    if builder.problems:
        raise YamlError(builder.problems)
    return value


def _problem(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or "invalid YAML"
    if exc.context and exc.context_mark is not None:
        # libyaml notices a missing ] at the end; the line where the bracket opened helps more.
        return f"{problem} ({exc.context}, from line {exc.context_mark.line + 1})"
    return problem


class _Abort(Exception):
    """Stops the walk once the file is known to be hostile; the problem is already recorded."""


class _Builder:
    def __init__(self, budget: int) -> None:
        self.limit = budget
        self.budget = budget
        self.problems: list[YamlProblem] = []

    def build(self, root: Node) -> Any:
        try:
            return self._build(root, 0)
        except _Abort:
            return None

    def _build(self, node: Node, depth: int) -> Any:
        self.budget -= 1
        if self.budget < 0:
            self.problems.append(
                YamlProblem("too_many_nodes", node.start_mark.line + 1, {"limit": self.limit})
            )
            raise _Abort
        if depth > MAX_DEPTH:
            self.problems.append(
                YamlProblem("too_deep", node.start_mark.line + 1, {"limit": MAX_DEPTH})
            )
            raise _Abort
        tag = node.tag
        if isinstance(node, ScalarNode):
            if tag not in _PLAIN_TAGS:
                self.problems.append(YamlProblem("tag", node.start_mark.line + 1, {"tag": tag}))
                return None
            return None if tag == _NULL else node.value
        if tag not in (_SEQ, _MAP):
            self.problems.append(YamlProblem("tag", node.start_mark.line + 1, {"tag": tag}))
        if isinstance(node, SequenceNode):
            return [self._build(item, depth + 1) for item in node.value]
        assert isinstance(node, MappingNode)
        result: dict[str, Any] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if isinstance(key_node, ScalarNode) and key_node.tag in _PLAIN_TAGS:
                key = key_node.value
            elif isinstance(key_node, ScalarNode) and key_node.tag == _TAG_PREFIX + "merge":
                key = "<<"
            else:
                key = "<" + type(key_node).__name__.removesuffix("Node").lower() + ">"
            if key in key_lines:
                self.problems.append(
                    YamlProblem("duplicate_key", line, {"key": key, "other_line": key_lines[key]})
                )
                continue
            key_lines[key] = line
            result[key] = self._build(value_node, depth + 1)
        result[LINE] = node.start_mark.line + 1
        result[KEYS] = key_lines
        return result

"""A big overview, split into parts a reader can read: one diagram per satsingsområde of the
followed plan(s), split further by goal when a part is still too big, and the orphans apart.

The rule (the same for reports and ``maltrace diagram --split area``):

- Parts follow the followed plans in column order, and in each plan its satsingsområde in
  document order; a plan's goals outside any area make one part of their own.
- A part shows its goals (with their delmål) and their red thread down to tiltak. A goal
  already shown in an earlier part (a kommunedelplan's goal that follows up a samfunnsdel goal)
  is not a seed again, so nothing is drawn twice without need.
- A part with more than ``max_boxes`` boxes, or estimated too tall to fit an A4 page without
  being scaled below 75 % (``_Height``), is split by goal: goals (each with its delmål and
  thread) are packed in order while the part stays within both; a goal still too big is split
  into the goal and each of its delmål; and a single goal still too big is shown once per group
  of its followers (each follower with what hangs on it), packed the same way.
- Nodes with no trace upwards (orphans) make a last part, in their plans' frames.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import maltrace.render.diagram.dot as _dot
from maltrace.analysis import Analysis
from maltrace.i18n import Lang, format_percent, t
from maltrace.load import Kind, ProtectedFileError, write_atomic
from maltrace.render.diagram.base import (
    DEFAULT_WIDTH_CM,
    FONT_SIZE,
    FORMATS,
    LARGE_VIEW,
    NODESEP,
    PAGE_HEIGHT_CM,
    Diagram,
    DiagramError,
    Selection,
    plan_levels,
    plan_lines,
    red_thread,
)
from maltrace.render.diagram.compose import _geometry, compose
from maltrace.render.diagram.output import MIN_READABLE_SCALE


@dataclass(frozen=True)
class Part:
    """One diagram of a split: ``key`` is a stable, file-name-safe name ("01-KPS-1", "03-KPS-3-2",
    "09-orphans")."""

    key: str
    diagram: Diagram


@dataclass
class _Group:
    key: str
    heading: str
    info: list[str]
    seeds: list[list[str]]  # units: a goal with its delmål, in document order


def split_parts(
    analysis: Analysis,
    *,
    lang: Lang | None = None,
    width_cm: float = DEFAULT_WIDTH_CM,
    max_boxes: int = LARGE_VIEW,
    max_height_cm: float | None = PAGE_HEIGHT_CM,
    legend: Literal["all", "first"] = "all",
) -> list[Part]:
    """The overview (or a focused plan's view) as readable parts; see the module's rule.
    ``max_height_cm``: a part is also split while its drawing, at ``width_cm``, is estimated
    taller than this divided by 0.75 (so that fitted to a page it is not scaled below 75 %);
    ``None``: by boxes only. ``legend="first"``: only the first part has the legend (for a
    report, where the parts follow one another; each file of ``write_split`` has its own)."""
    lang = lang or analysis.lang
    statuses = {g.id: g.followed_up for g in analysis.goals}
    justified_somewhere = any(g.justified for g in analysis.goals)
    raw: list[tuple[str, str, Diagram]] = []
    shown: set[str] = set()
    height = _Height(analysis, lang, width_cm, max_height_cm, legend == "all")
    for group in _groups(analysis, lang):
        units = [[g for g in unit if g not in shown] for unit in group.seeds]
        units = [u for u in units if u]
        if not units:
            continue
        chunks = _pack(analysis, units, max_boxes, height)
        for i, (ids, done) in enumerate(chunks, 1):
            shown |= done
            heading = group.heading
            key = group.key
            if len(chunks) > 1:
                heading = t("diagram.part_of", lang, heading=heading, part=i, parts=len(chunks))
                key = f"{key}-{i}"
            links = [x for x in analysis.links if x.source in ids and x.target in ids]
            info = plan_lines(analysis, ids, lang) + group.info
            sel = Selection(ids, statuses, links, heading, info, legend=legend == "all" or not raw)
            # The first part's legend stands for the parts after it: it explains a justified
            # gap that only a later part draws.
            sel.legend_justified = legend == "first" and not raw and justified_somewhere
            raw.append((key, heading, compose(analysis, sel, "area", lang, width_cm)))
    orphan_parts = _orphan_chunks(analysis, max_boxes)
    for i, orphan_ids in enumerate(orphan_parts, 1):
        heading = t("check.orphans", lang)
        key = "orphans"
        if len(orphan_parts) > 1:
            heading = t("diagram.part_of", lang, heading=heading, part=i, parts=len(orphan_parts))
            key = f"orphans-{i}"
        # with its legend always: only this part has the orphans' dotted frame to explain
        sel = Selection(
            orphan_ids,
            statuses,
            [],
            heading,
            plan_lines(analysis, orphan_ids, lang),
            orphans=orphan_ids,
        )
        raw.append((key, heading, compose(analysis, sel, "area", lang, width_cm)))
    width = len(str(len(raw)))
    return [Part(f"{i:0{width}d}-{key}", d) for i, (key, _h, d) in enumerate(raw, 1)]


def _orphan_chunks(analysis: Analysis, max_boxes: int) -> list[set[str]]:
    """The orphans in parts of at most ``max_boxes``, in document order; an orphan nested under
    another stays in its part."""
    nodes = analysis.graph.nodes
    orphans = set(analysis.orphans)
    heads: dict[str, list[str]] = {}
    for o in analysis.orphans:
        top, parent = o, nodes[o]["parent"]
        while parent is not None:
            if parent in orphans:
                top = parent
            parent = nodes[parent]["parent"]
        heads.setdefault(top, []).append(o)
    chunks: list[set[str]] = []
    for members in heads.values():
        if chunks and len(chunks[-1]) + len(members) <= max_boxes:
            chunks[-1].update(members)
        else:
            chunks.append(set(members))
    return chunks


def _groups(analysis: Analysis, lang: Lang) -> list[_Group]:
    """The followed plans' satsingsområde (and goals outside any), in column and document order."""
    nodes = analysis.graph.nodes
    levels = plan_levels(analysis)
    index = {p.id: i for i, p in enumerate(analysis.plans)}
    by_plan: dict[str, dict[str | None, list[list[str]]]] = {}
    units: dict[str, list[str]] = {}  # top goal -> the goal and its delmål in scope
    in_scope = {g.id for g in analysis.goals}
    for g in analysis.goals:
        top = g.id
        parent = g.parent
        while parent is not None and nodes[parent]["kind"] is Kind.GOAL:
            if parent in in_scope:
                top = parent
            parent = nodes[parent]["parent"]
        if top == g.id:
            by_plan.setdefault(g.plan, {}).setdefault(g.area, []).append(units.setdefault(top, []))
        units.setdefault(top, []).append(g.id)
    coverage = {a.area: a.coverage for a in analysis.per_area}
    groups: list[_Group] = []
    for plan_id in sorted(by_plan, key=lambda p: (levels.get(p, 0), index.get(p, 0))):
        areas = by_plan[plan_id]
        for area_id in sorted(areas, key=lambda a: -1 if a is None else nodes[a]["order"]):
            seeds = areas[area_id]
            if area_id is None:
                title = analysis.plan_info(plan_id).title
                heading = t("diagram.heading.plan_goals", lang, plan=f"{plan_id} {title}")
                key = plan_id
                info: list[str] = []
            else:
                heading = t(
                    "diagram.heading.area", lang, area=f"{area_id} {nodes[area_id]['title']}"
                )
                key = area_id
                c = coverage.get(area_id)
                # Said of the area, so that a part's other plans' goals are not counted in it.
                info = (
                    [
                        t(
                            "diagram.area_coverage",
                            lang,
                            area=area_id,
                            percent=format_percent(c.ratio, lang),
                            followed=c.followed_up,
                            total=c.goals,
                        )
                    ]
                    if c
                    else []
                )
            groups.append(_Group(safe_key(key), heading, info, seeds))
    return groups


def _pack(
    analysis: Analysis, units: list[list[str]], max_boxes: int, height: _Height
) -> list[tuple[set[str], set[str]]]:
    """What each part shows, and which goals it shows in full: units packed in order while
    the part has at most ``max_boxes`` boxes and is not too tall; a unit too big alone is split
    into its head goal and each delmål;
    a single goal still too big shows the chain of links only (what follows it up, and what
    follows that up, nothing nested under them), once per group of its direct followers, packed
    the same way; a following plan's goal in it gets its own part, with its tree, later."""
    nodes = analysis.graph.nodes
    cache: dict[tuple[str, ...], set[str]] = {}

    def boxes(unit: list[str]) -> set[str]:
        key = tuple(unit)
        if key not in cache:
            thread = red_thread(analysis, unit)
            cache[key] = {n for n in thread if nodes[n]["kind"] is not Kind.AREA}
        return cache[key]

    def too_big(ids: set[str]) -> bool:
        return len(ids) > max_boxes or height.over(ids)

    def fitting(group: list[list[str]]) -> list[list[str]]:
        out: list[list[str]] = []
        for unit in group:
            if len(unit) > 1 and too_big(boxes(unit)):
                out.extend(fitting([[u] for u in unit]))
            else:
                out.append(unit)
        return out

    def packed(pieces: list[set[str]], base: set[str]) -> list[set[str]]:
        out: list[set[str]] = []
        current: set[str] = set()
        for piece in pieces:
            if current and too_big(current | piece):
                out.append(current)
                current = set(base)
            current = current | piece if current else base | piece
        if current:
            out.append(current)
        return out

    parts: list[tuple[set[str], set[str]]] = []
    pending: list[set[str]] = []

    def flush() -> None:
        parts.extend((ids, ids) for ids in packed(pending, set()))
        pending.clear()

    for unit in fitting(units):
        own = boxes(unit)
        if len(unit) == 1 and too_big(own):
            flush()
            goal = unit[0]
            chain = _chain(analysis, goal)
            parts.extend((ids, {goal}) for ids in packed(_branches(analysis, goal, chain), {goal}))
        else:
            pending.append(own)
    flush()
    return parts


def _chain(analysis: Analysis, goal: str) -> set[str]:
    """``goal`` and what follows it up, link by link (nothing nested under a follower)."""
    followers: dict[str, list[str]] = {}
    for link in analysis.links:
        followers.setdefault(link.target, []).append(link.source)
    ids = {goal}
    todo = [goal]
    while todo:
        for f in followers.get(todo.pop(), ()):
            if f not in ids:
                ids.add(f)
                todo.append(f)
    return ids


def _branches(analysis: Analysis, goal: str, thread: set[str]) -> list[set[str]]:
    """Each direct follower of ``goal`` with what hangs on it in ``thread`` (nested under it,
    or following it up, on down), in document order."""
    nodes = analysis.graph.nodes
    kids: dict[str, list[str]] = {}
    for n in thread:
        parent = nodes[n]["parent"]
        if parent is not None:
            kids.setdefault(parent, []).append(n)
    followers: dict[str, list[str]] = {}
    for link in analysis.links:
        if link.source in thread and link.target in thread:
            followers.setdefault(link.target, []).append(link.source)
    direct = sorted(set(followers.get(goal, ())), key=lambda n: nodes[n]["order"])
    out = []
    for first in direct:
        branch = {first}
        todo = [first]
        while todo:
            x = todo.pop()
            for y in (*kids.get(x, ()), *followers.get(x, ())):
                if y not in branch and y != goal:
                    branch.add(y)
                    todo.append(y)
        out.append(branch)
    return out


class _Height:
    """An estimate of a part's drawing height, without laying it out: the plans stand side by
    side in columns and each column stacks its boxes, so the drawing is about as tall as its
    tallest column (each box: its wrapped lines and padding) plus the heading, the plan lines and
    the legend."""

    LINE = FONT_SIZE * 1.2  # points per line of box text
    BOX = 2 * 4.0 + 2 + NODESEP  # padding, border and the gap to the next box
    # Heading, plan lines, frame labels and the legend (measured: about 11 cm at 16 cm wide);
    # the legend alone is about 5 cm.
    CHROME = 330.0
    LEGEND = 140.0

    def __init__(
        self,
        analysis: Analysis,
        lang: Lang,
        width_cm: float,
        max_height_cm: float | None,
        legend: bool = True,
    ) -> None:
        self.analysis = analysis
        self.lang = lang
        levels = plan_levels(analysis)
        self.column = {p.id: levels.get(p.id, 0) for p in analysis.plans}
        self.text_width = _geometry(max(len(set(self.column.values())), 1), width_cm).text_width
        self.limit = (
            None
            if max_height_cm is None
            else max_height_cm / 2.54 * 72 / MIN_READABLE_SCALE
            - self.CHROME
            + (0.0 if legend else self.LEGEND)
        )
        self.cache: dict[str, float] = {}

    def box(self, node_id: str) -> float:
        if node_id not in self.cache:
            data = self.analysis.graph.nodes[node_id]
            lines = len(_dot.wrap(f"{node_id} {data['title']}", self.text_width, FONT_SIZE)) + 1
            self.cache[node_id] = lines * self.LINE + self.BOX
        return self.cache[node_id]

    def over(self, ids: set[str]) -> bool:
        if self.limit is None:
            return False
        nodes = self.analysis.graph.nodes
        columns: dict[int, float] = {}
        for n in ids:
            c = self.column.get(nodes[n]["plan"], 0)
            columns[c] = columns.get(c, 0.0) + self.box(n)
        return max(columns.values(), default=0.0) > self.limit


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_key(text: str) -> str:
    """``text`` as a file-name part: letters, digits, ``.``, ``_`` and ``-`` (others as ``_``)."""
    return _UNSAFE.sub("_", text).strip("._") or "_"


def write_split(
    analysis: Analysis,
    directory: str | os.PathLike[str],
    *,
    fmt: str = "svg",
    lang: Lang | None = None,
    width_cm: float = DEFAULT_WIDTH_CM,
    dot_program: str | os.PathLike[str] | None = None,
    max_boxes: int = LARGE_VIEW,
) -> list[tuple[Path, Diagram]]:
    """Write one file per part (``split_parts``) into ``directory`` (made if missing), named
    ``<key>.<fmt>``: ``01-KPS-1.svg``, … Each file is written whole; plan files never."""
    from maltrace.render.diagram.output import file_bytes

    if fmt not in set(FORMATS.values()):
        raise DiagramError("bad_format", suffix=fmt)
    folder = Path(directory)
    protect = [Path(p) for p in analysis.plan_files.values()]
    if folder.exists() and not folder.is_dir():
        raise DiagramError("not_a_folder", path=str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    written: list[tuple[Path, Diagram]] = []
    for part in split_parts(analysis, lang=lang, width_cm=width_cm, max_boxes=max_boxes):
        path = folder / f"{part.key}.{fmt}"
        if any(path.resolve() == p.resolve() for p in protect):
            raise DiagramError("protected", path=str(path))
        diagram, data = file_bytes(part.diagram, fmt, width_cm=width_cm, dot_program=dot_program)
        try:
            write_atomic(path, data, protect=protect)
        except ProtectedFileError as exc:  # pragma: no cover - checked above
            raise DiagramError("protected", path=str(exc.path)) from None
        written.append((path, diagram))
    return written

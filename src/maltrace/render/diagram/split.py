"""A big overview, split into parts a reader can read: one diagram per satsingsområde of the
followed plan(s), split further by goal when a part is still too big, and the orphans apart.

The rule (the same for reports and ``maltrace diagram --split area``):

- Parts follow the followed plans in column order, and in each plan its satsingsområde in
  document order; a plan's goals outside any area make one part of their own.
- A part shows its goals (with their delmål) and their red thread down to tiltak. A goal
  already shown in an earlier part (a kommunedelplan's goal that follows up a samfunnsdel goal)
  is not a seed again, so nothing is drawn twice without need.
- A part with more than ``max_boxes`` boxes is split by goal: goals (each with its delmål and
  thread) are packed in order while the part stays within ``max_boxes``; a single goal that is
  still too big is split into the goal and each of its delmål.
- Nodes with no trace upwards (orphans) make a last part, in their plans' frames.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from maltrace.analysis import Analysis
from maltrace.i18n import Lang, t
from maltrace.load import Kind, ProtectedFileError, write_atomic
from maltrace.render.diagram.base import (
    DEFAULT_WIDTH_CM,
    FORMATS,
    LARGE_VIEW,
    Diagram,
    DiagramError,
    Selection,
    coverage_line,
    plan_levels,
    plan_lines,
    red_thread,
)
from maltrace.render.diagram.compose import compose
from maltrace.render.diagram.output import render_svg, with_scale_warning


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
) -> list[Part]:
    """The overview (or a focused plan's view) as readable parts; see the module's rule."""
    lang = lang or analysis.lang
    statuses = {g.id: g.followed_up for g in analysis.goals}
    raw: list[tuple[str, str, Diagram]] = []
    shown: set[str] = set()
    for group in _groups(analysis, lang):
        units = [[g for g in unit if g not in shown] for unit in group.seeds]
        units = [u for u in units if u]
        if not units:
            continue
        chunks = _pack(analysis, units, max_boxes)
        for i, (chunk, whole) in enumerate(chunks, 1):
            if whole:
                ids = red_thread(analysis, chunk)
                shown |= ids
            else:
                # Too big with all that is nested under its followers: the chain of links only;
                # a following plan's goal in it gets its own part, with its tree, later.
                ids = _chain(analysis, chunk)
                shown |= set(chunk)
            heading = group.heading
            key = group.key
            if len(chunks) > 1:
                heading = t("diagram.part_of", lang, heading=heading, part=i, parts=len(chunks))
                key = f"{key}-{i}"
            links = [x for x in analysis.links if x.source in ids and x.target in ids]
            info = plan_lines(analysis, ids, lang) + group.info
            sel = Selection(ids, statuses, links, heading, info)
            raw.append((key, heading, compose(analysis, sel, "area", lang, width_cm)))
    orphan_parts = _orphan_chunks(analysis, max_boxes)
    for i, orphan_ids in enumerate(orphan_parts, 1):
        heading = t("check.orphans", lang)
        key = "orphans"
        if len(orphan_parts) > 1:
            heading = t("diagram.part_of", lang, heading=heading, part=i, parts=len(orphan_parts))
            key = f"orphans-{i}"
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
                info = [coverage_line(c.goals, c.followed_up, lang)] if c else []
            groups.append(_Group(safe_key(key), heading, info, seeds))
    return groups


def _pack(
    analysis: Analysis, units: list[list[str]], max_boxes: int
) -> list[tuple[list[str], bool]]:
    """Seeds of each part, and whether it shows their whole thread: units packed in order while
    the part has at most ``max_boxes`` boxes; a unit too big alone is split into its head goal
    and each delmål; a single goal still too big shows the chain of links only."""
    nodes = analysis.graph.nodes
    cache: dict[tuple[str, ...], set[str]] = {}

    def boxes(unit: list[str]) -> set[str]:
        key = tuple(unit)
        if key not in cache:
            thread = red_thread(analysis, unit)
            cache[key] = {n for n in thread if nodes[n]["kind"] is not Kind.AREA}
        return cache[key]

    def fitting(group: list[list[str]]) -> list[list[str]]:
        out: list[list[str]] = []
        for unit in group:
            if len(unit) > 1 and len(boxes(unit)) > max_boxes:
                out.extend(fitting([[u] for u in unit]))
            else:
                out.append(unit)
        return out

    chunks: list[tuple[list[str], bool]] = []
    chains: list[tuple[list[str], bool]] = []
    current: list[str] = []
    shown: set[str] = set()
    for unit in fitting(units):
        own = boxes(unit)
        if len(unit) == 1 and len(own) > max_boxes:
            chains.append((unit, False))  # after the area's other parts, each alone
            continue
        if current and len(shown | own) > max_boxes:
            chunks.append((current, True))
            current, shown = [], set()
        current = current + unit
        shown |= own
    if current:
        chunks.append((current, True))
    return chunks + chains


def _chain(analysis: Analysis, seeds: Sequence[str]) -> set[str]:
    """The seeds and what follows them up, link by link (nothing nested under a follower)."""
    followers: dict[str, list[str]] = {}
    for link in analysis.links:
        followers.setdefault(link.target, []).append(link.source)
    ids = set(seeds)
    todo = list(seeds)
    while todo:
        for f in followers.get(todo.pop(), ()):
            if f not in ids:
                ids.add(f)
                todo.append(f)
    return ids


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
    from maltrace.render._graphviz import svg_to_pdf
    from maltrace.render.diagram.output import XML_DECLARATION, render_png

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
        diagram = part.diagram
        if fmt == "dot":
            data = diagram.dot.encode("utf-8")
        else:
            svg = render_svg(diagram, dot_program=dot_program)
            diagram = with_scale_warning(diagram, svg, width_cm)
            if fmt == "svg":
                data = (XML_DECLARATION + svg).encode("utf-8")
            elif fmt == "png":
                data = render_png(diagram, dot_program=dot_program, svg=svg)
            else:
                data = svg_to_pdf(svg.encode("utf-8"), title=diagram.title)
        try:
            write_atomic(path, data, protect=protect)
        except ProtectedFileError as exc:  # pragma: no cover - checked above
            raise DiagramError("protected", path=str(exc.path)) from None
        written.append((path, diagram))
    return written

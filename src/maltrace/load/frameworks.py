"""Frameworks and ladders (``type: rammeverk``): the built-in ones, shipped as data, and a set's.

A built-in framework is a plan file in ``maltrace/frameworks`` — one file per framework and
language, ``<id>.<lang>.yaml`` (``sdg.nn.yaml``, ``sdg.nb.yaml``, ``sdg.en.yaml``), each in the
very format a planner writes, so one can be copied to start a municipality's own ladder. The
three files of a framework hold the same items with the same ids in the same order; only the
words differ. A plan file of the set with the same plan id replaces the built-in one.

What the analysis needs is language-neutral: a ``Framework`` holds each title in all three
languages (a set's own framework says the same in each), so a cached analysis can be shown in
any language.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

from maltrace.errors import MaltraceError
from maltrace.i18n import LANGS, Lang
from maltrace.load.models import Item, Plan

# Titles in nn, nb, en (the catalogue's order).
Titles = tuple[str, str, str]


@dataclass(frozen=True)
class FrameworkItem:
    id: str
    titles: Titles
    colour: str | None = None
    items: tuple[FrameworkItem, ...] = ()
    line: int = 0

    def title(self, lang: Lang) -> str:
        return self.titles[LANGS.index(lang)]

    def walk(self) -> Iterator[FrameworkItem]:
        """This item and every item nested under it, in order."""
        yield self
        for child in self.items:
            yield from child.walk()


@dataclass(frozen=True)
class Framework:
    """One framework or ladder, its words in every language."""

    id: str
    titles: Titles
    ordered: bool
    items: tuple[FrameworkItem, ...]
    file: str
    builtin: bool
    reference: Titles | None = None

    def title(self, lang: Lang) -> str:
        return self.titles[LANGS.index(lang)]

    def walk(self) -> Iterator[tuple[FrameworkItem, FrameworkItem]]:
        """Every item (any depth) with the top-level item it belongs to."""
        for top in self.items:
            for item in top.walk():
                yield item, top

    def item(self, item_id: str) -> FrameworkItem | None:
        for item, _ in self.walk():
            if item.id == item_id:
                return item
        return None


class BuiltinFrameworkError(MaltraceError, RuntimeError):
    """A built-in framework file is broken: a defect of maltrace, never of the plans."""


def _folder() -> resources.abc.Traversable:
    return resources.files("maltrace") / "frameworks"


@functools.cache
def _stems() -> tuple[str, ...]:
    names = sorted(f.name for f in _folder().iterdir() if f.name.endswith(".nn.yaml"))
    order = {"sdg": 0, "nf2023": 1, "lhl": 2, "bth": 3}
    stems = [n.removesuffix(".nn.yaml") for n in names]
    return tuple(sorted(stems, key=lambda s: (order.get(s, 99), s)))


@functools.cache
def _builtin_plan(stem: str, lang: Lang) -> Plan:
    name = f"{stem}.{lang}.yaml"
    data = (_folder() / name).read_bytes()
    from maltrace.load.parse import parse_plan  # read a built-in file only when one is asked for

    result = parse_plan(data, f"maltrace/frameworks/{name}")
    if result.plan is None:
        raise BuiltinFrameworkError(f"{name}: {[e.code for e in result.errors]}")
    return result.plan


@functools.cache
def builtin_frameworks() -> dict[str, Framework]:
    """Every built-in framework by id, its words in nn, nb and en."""
    out: dict[str, Framework] = {}
    for stem in _stems():
        plans = [_builtin_plan(stem, lang) for lang in LANGS]
        out[plans[0].id] = _combine(plans, builtin=True)
    return out


def builtin_plan(framework_id: str, lang: Lang) -> Plan | None:
    """A built-in framework's plan file in ``lang``, as a planner would copy it."""
    for stem in _stems():
        if stem == framework_id.lower():
            return _builtin_plan(stem, lang)
    return None


def framework_of(plan: Plan) -> Framework:
    """A set's own framework plan: the same words in every language."""
    return _combine([plan, plan, plan], builtin=False)


def known_frameworks(own: Iterable[Plan]) -> dict[str, Framework]:
    """The built-in frameworks, with the set's own framework plans added (same id: replaced)."""
    out = dict(builtin_frameworks())
    for plan in own:
        out[plan.id] = framework_of(plan)
    return out


def _combine(plans: list[Plan], *, builtin: bool) -> Framework:
    first = plans[0]
    ids = [[i.id for i in _walk_models(p.items)] for p in plans]
    if any(other != ids[0] for other in ids[1:]):
        raise BuiltinFrameworkError(f"{first.id}: the languages do not hold the same items")
    refs = [p.plan.reference for p in plans]
    return Framework(
        id=first.id,
        titles=_titles(p.plan.title for p in plans),
        ordered=first.plan.ordered,
        items=tuple(_items([p.items for p in plans])),
        file=first.source,
        builtin=builtin,
        reference=_titles(r or "" for r in refs) if any(refs) else None,
    )


def _items(per_lang: list[list[Item]]) -> Iterator[FrameworkItem]:
    for same in zip(*per_lang, strict=True):
        first = same[0]
        yield FrameworkItem(
            id=first.id,
            titles=_titles(i.title for i in same),
            colour=first.colour,
            items=tuple(_items([i.items for i in same])),
            line=first.line,
        )


def _titles(texts: Iterable[str]) -> Titles:
    nn, nb, en = texts
    return (nn, nb, en)


def _walk_models(items: list[Item]) -> Iterator[Item]:
    for item in items:
        yield item
        yield from _walk_models(item.items)


def builtin_file(framework_id: str, lang: Lang) -> str | None:
    """Where a built-in framework's file in ``lang`` lies, for a planner to copy."""
    for stem in _stems():
        if stem == framework_id.lower():
            return str(_folder() / f"{stem}.{lang}.yaml")
    return None

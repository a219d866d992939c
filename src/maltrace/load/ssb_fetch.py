"""Ask SSB's Statistikkbanken (API v0) for the tables the indicators name, and save each answer
(JSON-stat 2.0) as ``ssb-<table>.json`` beside the plan file, where ``status`` reads it.

Per plan folder and table: one GET of the table's variables (to learn which variable holds the
regions and the contents codes), then one POST asking for the indicators' contents codes, their
regions and the regions they are compared with, every year. The network is only touched here.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from maltrace.errors import MaltraceError
from maltrace.load.files import write_atomic
from maltrace.load.jsonstat import _indicators, ssb_file
from maltrace.load.models import Plan

SSB_API = "https://data.ssb.no/api/v0/no/table"
TIMEOUT = 30


class FetchFailed(MaltraceError):
    """SSB could not be asked (``ssb-offline``), answered with an error (``ssb-http``), or
    answered with what is not JSON-stat (``ssb-bad-answer``)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(
            code, key="ssb.fetch." + code.removeprefix("ssb-").replace("-", "_"), **params
        )


@dataclass
class Wanted:
    """What one plan folder needs of one table."""

    table: str
    path: Path
    contents: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)
    select: dict[str, set[str]] = field(default_factory=dict)
    indicators: list[str] = field(default_factory=list)


def wanted(plans: list[Plan]) -> list[Wanted]:
    """The tables to fetch, with every code the indicators in each plan folder ask for."""
    out: dict[Path, Wanted] = {}
    for plan in plans:
        for ind in _indicators(plan):
            assert ind.ssb is not None
            path = ssb_file(plan, ind.ssb.table)
            w = out.setdefault(path, Wanted(ind.ssb.table, path))
            w.contents.add(ind.ssb.contents)
            if ind.ssb.region:
                w.regions.add(ind.ssb.region)
            w.regions.update(c.region for c in ind.comparisons)
            for dim, code in ind.ssb.select.items():
                w.select.setdefault(dim, set()).add(code)
            w.indicators.append(ind.id)
    return sorted(out.values(), key=lambda w: str(w.path))


def _ask(url: str, body: bytes | None, timeout: float) -> bytes:
    request = urllib.request.Request(url, data=body, method="POST" if body else "GET")
    if body:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            data: bytes = answer.read()
            return data
    except urllib.error.HTTPError as exc:
        raise FetchFailed("ssb-http", url=url, status=exc.code) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchFailed("ssb-offline", url=url, reason=str(reason)) from None


def query(meta: dict[str, Any], w: Wanted) -> dict[str, Any]:
    """The API's query for ``w``: contents, regions and selections by the table's own variable
    codes; every year."""
    variables = meta.get("variables") if isinstance(meta.get("variables"), list) else []
    parts: list[dict[str, Any]] = []
    for var in variables or []:
        code = str(var.get("code", ""))
        values = {str(v) for v in var.get("values") or []}
        if code == "ContentsCode":
            chosen = sorted(w.contents & values) or sorted(w.contents)
        elif code in w.select:
            chosen = sorted(w.select[code])
        elif w.regions and (w.regions & values or "region" in code.casefold()):
            chosen = sorted(w.regions & values) if w.regions & values else sorted(w.regions)
        else:
            continue  # the years, and anything else: all of it
        parts.append({"code": code, "selection": {"filter": "item", "values": chosen}})
    return {"query": parts, "response": {"format": "json-stat2"}}


def fetch(
    plans: list[Plan],
    *,
    base_url: str = SSB_API,
    force: bool = False,
    timeout: float = TIMEOUT,
    protect: Any = (),
) -> list[tuple[Wanted, Path]]:
    """Fetch every table the indicators of ``plans`` name; returns what was written. Raises
    ``FetchFailed`` (nothing more is written after the first failure) or ``OutputExists``."""
    from maltrace.load.convert import OutputExists
    from maltrace.load.jsonstat import JsonStatError, parse_dataset

    todo = wanted(plans)
    existing = [w.path for w in todo if w.path.exists()]
    if existing and not force:
        raise OutputExists(existing)
    done: list[tuple[Wanted, Path]] = []
    for w in todo:
        url = f"{base_url.rstrip('/')}/{w.table}"
        try:
            meta = json.loads(_ask(url, None, timeout).decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise FetchFailed("ssb-bad-answer", url=url) from None
        body = json.dumps(query(meta, w)).encode()
        data = _ask(url, body, timeout)
        try:
            parse_dataset(data)
        except JsonStatError:
            raise FetchFailed("ssb-bad-answer", url=url) from None
        write_atomic(w.path, data, protect=protect)
        done.append((w, w.path))
    return done


def base_url_from_env() -> str:
    """The API's address: ``MALTRACE_SSB_API`` when set (a mirror, a test server), else SSB's."""
    return os.environ.get("MALTRACE_SSB_API") or SSB_API

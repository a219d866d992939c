"""``maltrace init``: a small, valid starting set with comments, and editor help.

A samfunnsdel with one area and two goals, a kommunedelplan that follows it up, a handlingsdel
with a tiltak; every key explained in the chosen language; the JSON Schema and a VS Code setup
so keys are completed and unknown ones flagged while typing. ``maltrace check`` runs clean on it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from maltrace.i18n import Lang, t
from maltrace.load.convert import OutputExists, schema_text
from maltrace.load.files import write_atomic
from maltrace.load.yaml_write import SCHEMA_FILE

_KPS = """\
# yaml-language-server: $schema=../{schema}
# {head}
# {help}
plan:
  id: KPS  # {c_id}
  type: samfunnsplan  # {c_type}
  title: {title}  # {c_title}
  municipality: {m}
  language: {lang}  # {c_language}
  status: {status}  # {c_status}

areas:  # {c_areas}
  - id: KPS-1  # {c_node_id}
    title: {area}
    goals:  # {c_goals}
      - id: KPS-1.1
        title: {goal1}
      - id: KPS-1.2
        title: {goal2}
"""

_KDP = """\
# yaml-language-server: $schema=../{schema}
# {head}
plan:
  id: KDP  # {c_id}
  type: kommunedelplan  # {c_type}
  title: {title}
  municipality: {m}
  language: {lang}
  follows: [KPS]  # {c_follows}

goals:  # {c_goals}
  - id: KDP-1
    title: {goal}
    follows_up: [KPS-1.1, KPS-1.2]  # {c_follows_up}
    strategies:  # {c_strategies}
      - id: KDP-1.1
        title: {strategy}
"""

_HP = """\
# yaml-language-server: $schema=../{schema}
# {head}
plan:
  id: HP  # {c_id}
  type: handlingsdel  # {c_type}
  title: {title}
  municipality: {m}
  language: {lang}
  follows: [KDP]  # {c_follows}

measures:  # {c_measures}
  - id: HP-1
    title: {measure}
    follows_up: [KDP-1]  # {c_measure_follows_up}
    responsible: {responsible}  # {c_responsible}
    due: "{due}"  # {c_due}
    status: {status}  # {c_measure_status}
"""


def _q(text: str) -> str:
    """A YAML scalar for any text (a JSON string is a valid double-quoted YAML scalar)."""
    return json.dumps(text, ensure_ascii=False)


def starter_files(lang: Lang, municipality: str, year: int | None = None) -> dict[str, str]:
    """Relative path -> text of every file ``init`` writes."""
    start = year or dt.date.today().year + 1
    comments = {
        f"c_{k}": t(f"init.c.{k}", lang)
        for k in (
            "id",
            "type",
            "title",
            "language",
            "status",
            "areas",
            "goals",
            "node_id",
            "follows",
            "follows_up",
            "strategies",
            "measures",
            "measure_follows_up",
            "responsible",
            "due",
            "measure_status",
        )
    }
    common = {"schema": SCHEMA_FILE, "lang": lang, "m": _q(municipality), **comments}
    files = {
        "plans/samfunnsdel.yaml": _KPS.format(
            head=t("init.head_kps", lang),
            help=t("init.help", lang),
            title=_q(t("init.kps.title", lang, m=municipality)),
            status=_q(t("init.kps.status", lang)),
            area=_q(t("init.kps.area", lang)),
            goal1=_q(t("init.kps.goal1", lang)),
            goal2=_q(t("init.kps.goal2", lang)),
            **common,
        ),
        "plans/kommunedelplan.yaml": _KDP.format(
            head=t("init.head_kdp", lang),
            title=_q(t("init.kdp.title", lang)),
            goal=_q(t("init.kdp.goal", lang)),
            strategy=_q(t("init.kdp.strategy", lang)),
            **common,
        ),
        "plans/handlingsdel.yaml": _HP.format(
            head=t("init.head_hp", lang),
            title=_q(t("init.hp.title", lang, start=start, end=start + 3)),
            measure=_q(t("init.hp.measure", lang)),
            responsible=_q(t("init.hp.responsible", lang)),
            due=start,
            status=_q(t("init.hp.status", lang)),
            **common,
        ),
        SCHEMA_FILE: schema_text(),
        ".vscode/settings.json": json.dumps(
            {
                "yaml.schemas": {f"./{SCHEMA_FILE}": ["plans/*.yaml", "plans/**/*.yaml"]},
                "files.encoding": "utf8",
                "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2},
            },
            indent=2,
        )
        + "\n",
        ".vscode/extensions.json": json.dumps({"recommendations": ["redhat.vscode-yaml"]}, indent=2)
        + "\n",
    }
    return files


def init_project(
    folder: str | os.PathLike[str],
    *,
    lang: Lang = "nn",
    municipality: str = "Kommunen",
    force: bool = False,
) -> list[Path]:
    """Write the starting set into ``folder``; refuse (``OutputExists``, nothing written) when
    any of its files exists, unless ``force``."""
    root = Path(folder)
    files = starter_files(lang, municipality)
    targets = {root / rel: text for rel, text in files.items()}
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise OutputExists(existing)
    for path, text in targets.items():
        write_atomic(path, text)
    return list(targets)

"""maltrace: den raude tråden — trace goals from the samfunnsdel to sector plans and tiltak.

``maltrace.check("plans")`` loads a plan set and returns its ``Analysis``; the layers below are
``maltrace.load`` (files -> models), ``maltrace.graph``, ``maltrace.analysis`` and
``maltrace.render``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from maltrace._version import __version__

if TYPE_CHECKING:
    from maltrace.api import check, diff, relink

__all__ = ["__version__", "check", "diff", "relink"]


def __getattr__(name: str) -> Any:
    # Lazy, so that ``maltrace --help`` does not pay for pydantic and networkx.
    if name in ("check", "diff", "relink"):
        from maltrace import api

        return getattr(api, name)
    raise AttributeError(name)

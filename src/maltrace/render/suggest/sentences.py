"""Sentences suggestions say alike in every medium: which engine ranked, and the closing line."""

from __future__ import annotations

from maltrace.analysis.suggest import Suggestions
from maltrace.i18n import Lang, t


def summary_key(result: Suggestions) -> str:
    """The closing line's words: «ut frå orda», or «ut frå ord og meining» when meaning ranked."""
    return "suggest.summary" if result.engine in (None, "words") else "suggest.summary_meaning"


def engine_line(result: Suggestions, lang: Lang) -> str:
    """Which engine ranked: «Rangert etter ord og meining (ein setningsmodell).»"""
    return t("suggest.engine", lang, engine=t(f"suggest.engine.{result.engine}", lang))

"""The catalogue: every text in three languages, with the same placeholders."""

from __future__ import annotations

import datetime as dt
import string

import pytest

from maltrace import i18n
from maltrace.analysis import FINDING_SEVERITY


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", i18n.keys())
def test_every_key_has_three_languages_with_the_same_placeholders(key):
    texts = i18n._CATALOGUE[key]
    assert all(t.strip() for t in texts)
    assert placeholders(texts[0]) == placeholders(texts[1]) == placeholders(texts[2])


@pytest.mark.parametrize("code", sorted(FINDING_SEVERITY))
def test_every_finding_code_has_a_message_and_a_fix(code):
    assert i18n.has(f"finding.{code}") and i18n.has(f"fix.{code}")


def test_never_dekningsgrad():
    # KOSTRA's dekningsgrad means something else; the share of goals followed up is oppfølgingsgrad.
    assert not any("dekningsgrad" in t.lower() for texts in i18n._CATALOGUE.values() for t in texts)


def test_norwegian_dates_and_percent():
    assert i18n.format_date(dt.date(2022, 5, 19), "nn") == "19. mai 2022"
    assert i18n.format_date(dt.date(2022, 5, 19), "en") == "19 May 2022"
    assert i18n.format_percent(0.7222, "nb") == "72,2\u00a0%"
    assert i18n.format_percent(1.0, "en") == "100%"


def test_language_names_planners_write():
    assert i18n.normalise_lang("Nynorsk") == "nn"
    assert i18n.normalise_lang("no") == "nb"
    assert i18n.normalise_lang("sv") is None

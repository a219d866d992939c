"""Every message with a count says it right for 0, 1 and many, in nynorsk, bokmål and English:
«1 lenkje», «2 lenkjer»; «1 goal», «2 goals» — a check over every counted message of the
catalogue."""

from __future__ import annotations

import re
import string

import pytest

from maltrace.i18n import _CATALOGUE, LANGS, keys, t

# Parameter names that hold a count.
COUNT_NAMES = frozenset(
    {
        "count", "total", "followed", "errors", "warnings", "infos", "changes", "impact",
        "goals_before", "goals_after", "followed_before", "followed_after", "shown", "rows",
        "columns", "pages", "parts", "ongoing", "done", "cancelled", "overdue", "postponed",
        "not_started", "none", "unknown", "on_track", "reached", "behind", "no_data",
        "addressed", "items", "nodes", "plans", "files", "indicators", "places", "max", "limit",
        "chars", "seconds", "size", "mb", "words", "n",
    }
)  # fmt: skip
# Where such a name holds no count (a list of ids, a sheet's name, an ordinal).
NOT_COUNTS = frozenset(
    {
        ("cli.unknown_plan", "plans"),
        ("excel.problem.unknown_plan", "plans"),
        ("excel.cli.template", "plans"),
        ("excel.cli.template", "nodes"),
        ("frameworks.across", "nodes"),
        ("init.wrote", "files"),
        ("relink.dry_run", "files"),
        ("excel.cli.imported", "files"),
        ("suggest.apply.dry_run", "files"),
        ("suggest.matched", "words"),
        ("load.duplicate_id", "places"),
        ("load.duplicate_plan", "places"),
        ("finding.control-character", "chars"),
        ("frameworks.step_n", "n"),
        ("load.too_large", "size"),
    }
)
# A bare number (no plural field) reads right before these words, or before punctuation: «3 av
# 5», «Feil: 2.», «… og 3 til»; and a unit: «12 MB».
BARE_BEFORE = frozenset({"", "av", "of", "til", "more", "mb", "%"})
_WORD = re.compile(r"\s*([^\W\d_]+|%)?", re.UNICODE)


def _fields(template: str) -> list[tuple[str, str, str]]:
    """(field, format spec, the text after it) for each field of ``template``."""
    parsed = list(string.Formatter().parse(template))
    out = []
    for i, (_, field, spec, _) in enumerate(parsed):
        if field:
            after = parsed[i + 1][0] if i + 1 < len(parsed) else ""
            out.append((field, spec or "", after))
    return out


def _counted(key: str) -> set[str]:
    return {
        f
        for template in _CATALOGUE[key]
        for f, _, _ in _fields(template)
        if f in COUNT_NAMES and (key, f) not in NOT_COUNTS
    }


COUNTED_KEYS = sorted(k for k in keys() if _counted(k))


def test_there_are_counted_messages() -> None:
    assert len(COUNTED_KEYS) > 30


@pytest.mark.parametrize("key", COUNTED_KEYS)
def test_a_count_before_a_word_takes_a_plural_field(key: str) -> None:
    counted = _counted(key)
    for lang, template in zip(LANGS, _CATALOGUE[key], strict=True):
        for field, spec, after in _fields(template):
            if field not in counted or "|" in spec:
                continue
            match = _WORD.match(after)
            word = (match.group(1) or "") if match else ""
            assert word.lower() in BARE_BEFORE, (
                f"{key} ({lang}): «{{{field}}} {word}» needs a plural field "
                f"{{{field}:# one|# many}}"
            )


def _params(key: str, value: int) -> dict[str, object]:
    counted = _counted(key)
    names = {f for template in _CATALOGUE[key] for f, _, _ in _fields(template)}
    return {n: (value if n in counted else "X") for n in names}


@pytest.mark.parametrize("key", COUNTED_KEYS)
def test_every_counted_message_renders_for_0_1_and_many(key: str) -> None:
    for lang in LANGS:
        texts = {n: t(key, lang, **_params(key, n)) for n in (0, 1, 2, 1000)}
        for n, text in texts.items():
            assert "|" not in text and "#" not in text, (key, lang, n, text)
        # English always tells one from many where a field has forms.
        template = _CATALOGUE[key][2]
        if lang == "en" and any("|" in spec for _, spec, _ in _fields(template)):
            assert texts[1] != texts[2], (key, texts[1])


@pytest.mark.parametrize(
    ("key", "lang", "params", "expected"),
    [
        ("diff.relink_hint", "nn", {"count": 1, "old": "A", "new": "B"}, "1 lenkje til mål"),
        ("diff.relink_hint", "nb", {"count": 1, "old": "A", "new": "B"}, "1 lenke til mål"),
        ("diff.relink_hint", "en", {"count": 1, "old": "A", "new": "B"}, "1 link to a renumbered"),
        ("diff.relink_hint", "nn", {"count": 3, "old": "A", "new": "B"}, "3 lenkjer til mål"),
        (
            "check.headline",
            "nn",
            {"percent": "100 %", "followed": 1, "total": 1},
            "(1 av 1 mål er følgt opp)",
        ),
        (
            "check.headline",
            "en",
            {"percent": "100%", "followed": 1, "total": 1},
            "(1 of 1 goal followed up)",
        ),
        ("diff.summary", "nn", {"changes": 1, "impact": 0}, "1 endring, ingenting å følgje opp."),
        (
            "diff.summary",
            "en",
            {"changes": 0, "impact": 1},
            "No changes, 1 thing that needs action.",
        ),
        ("check.see_uncovered", "nn", {"count": 1}, "Målet som ikkje er følgt opp, står"),
        ("st.fail_on.behind", "en", {"count": 1}, "1 indicator is behind"),
    ],
)
def test_forms_read_right(key: str, lang: str, params: dict[str, object], expected: str) -> None:
    assert expected in t(key, lang, **params)  # type: ignore[arg-type]

"""The one catalogue of user-facing words, in nynorsk, bokmål and English.

Every heading, label and message a planner reads comes from here; code and identifiers stay
English. Texts are ``str.format`` templates; keep the placeholders the same in all languages.
"""

from __future__ import annotations

import datetime as _dt
import string
from collections import Counter
from collections.abc import Iterable
from typing import Final, Literal

from maltrace.i18n import (
    core,
    diff,
    document,
    excel,
    frameworks,
    glossary,
    portal,
    schema_words,
    serve,
    starter,
    status,
    suggest,
)

Lang = Literal["nn", "nb", "en"]
LANGS: Final[tuple[Lang, ...]] = ("nn", "nb", "en")
DEFAULT_LANG: Final[Lang] = "nn"

# key -> (nn, nb, en): every topic's texts, one catalogue. A feature adds its words in a module
# of its own here (maltrace/i18n/<topic>.py); a key defined twice is an error at import.
_CATALOGUE: dict[str, tuple[str, str, str]] = {}


def _merge(*topics: dict[str, tuple[str, str, str]]) -> None:
    for texts in topics:
        twice = _CATALOGUE.keys() & texts.keys()
        if twice:
            raise RuntimeError(f"catalogue keys defined twice: {sorted(twice)}")
        _CATALOGUE.update(texts)


_merge(
    core.TEXTS,
    diff.TEXTS,
    document.TEXTS,
    status.TEXTS,
    frameworks.TEXTS,
    excel.TEXTS,
    schema_words.TEXTS,
    starter.TEXTS,
    suggest.TEXTS,
    glossary.TEXTS,
    portal.TEXTS,
    serve.TEXTS,
)

_MONTHS: dict[Lang, tuple[str, ...]] = {
    "nn": (
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ),
    "nb": (
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def normalise_lang(value: str | None) -> Lang | None:
    """Map what a planner may write (``nn``, ``nno``, ``nynorsk``, ``no``…) to a catalogue language."""
    if not value:
        return None
    v = value.strip().lower()
    if v in ("nn", "nno", "nynorsk", "nn-no", "nn_no"):
        return "nn"
    if v in ("nb", "nob", "no", "bokmål", "bokmal", "nb-no", "nb_no"):
        return "nb"
    if v in ("en", "eng", "english", "en-gb", "en-us"):
        return "en"
    return None


def choose_lang(asked: str | None, declared: Iterable[str | None] = ()) -> Lang:
    """The one language rule of every job: the language asked for (``--lang``, the page's
    switch); else the language most plans declare (``plan.language``; a tie goes to nn, then
    nb, then en); else nynorsk."""
    chosen = normalise_lang(asked)
    if chosen:
        return chosen
    counts = Counter(normalise_lang(d) for d in declared)
    counts.pop(None, None)
    if not counts:
        return DEFAULT_LANG
    best = max(counts.values())
    return next(lang for lang in LANGS if counts.get(lang) == best)


def t(key: str, lang: Lang, /, **params: object) -> str:
    """The text for ``key`` in ``lang``, with ``params`` filled in.

    A count takes the right form of what it counts with a plural field: ``{count:# lenkje|#
    lenkjer}`` (one|other) or ``{count:ingen lenkjer|# lenkje|# lenkjer}`` (zero|one|other);
    ``#`` stands for the number."""
    texts = _CATALOGUE[key]
    template = texts[LANGS.index(lang)]
    if not params:
        return template
    if "|" in template:
        return _PLURAL.format(template, **params)
    return template.format(**params)


class _PluralFormatter(string.Formatter):
    def format_field(self, value: object, format_spec: str) -> str:
        if "|" not in format_spec:
            return str(super().format_field(value, format_spec))
        return plural_form(value, format_spec)


def plural_form(value: object, spec: str) -> str:
    """The form of ``spec`` (``one|other`` or ``zero|one|other``) for the count ``value``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"a plural form needs a whole number, not {value!r}")
    forms = spec.split("|")
    if len(forms) == 2:
        form = forms[0] if value == 1 else forms[1]
    elif len(forms) == 3:
        form = forms[0] if value == 0 else forms[1] if value == 1 else forms[2]
    else:
        raise ValueError(f"a plural field has two or three forms: {spec!r}")
    return form.replace("#", str(value))


_PLURAL = _PluralFormatter()


def has(key: str) -> bool:
    return key in _CATALOGUE


def keys() -> list[str]:
    return sorted(_CATALOGUE)


def format_date(value: _dt.date, lang: Lang) -> str:
    """Norwegian style ``19. mai 2022``; English ``19 May 2022``."""
    month = _MONTHS[lang][value.month - 1]
    if lang == "en":
        return f"{value.day} {month} {value.year}"
    return f"{value.day}. {month} {value.year}"


def format_percent(ratio: float, lang: Lang) -> str:
    """``87,5 %`` in Norwegian (decimal comma, space before %), ``87.5%`` in English."""
    value = round(ratio * 100, 1)
    text = f"{value:.0f}" if value == int(value) else f"{value:.1f}"
    if lang == "en":
        return f"{text}%"
    return text.replace(".", ",") + "\u00a0%"

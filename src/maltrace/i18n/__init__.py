"""The one catalogue of user-facing words, in nynorsk, bokmål and English.

Every heading, label and message a planner reads comes from here; code and identifiers stay
English. Texts are ``str.format`` templates; keep the placeholders the same in all languages.
"""

from __future__ import annotations

import datetime as _dt
from typing import Final, Literal

from maltrace.i18n import core, diff, document, excel, frameworks, serve, status, suggest

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
    suggest.TEXTS,
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


def t(key: str, lang: Lang, /, **params: object) -> str:
    """The text for ``key`` in ``lang``, with ``params`` filled in."""
    texts = _CATALOGUE[key]
    template = texts[LANGS.index(lang)]
    return template.format(**params) if params else template


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

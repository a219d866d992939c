"""What the Excel commands share: the language option and how problems are printed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from maltrace.cli._common import EXIT_LOAD, LangOption

if TYPE_CHECKING:
    from maltrace.i18n import Lang


ExcelLangOpt = Annotated[
    Optional[LangOption],  # noqa: UP045 - typer reads this annotation at run time
    typer.Option(
        "--lang",
        help="Language of messages, sheet names, headers and comments: nn, nb or en. Default: nn.",
    ),
]


def lang_of(option: LangOption | None) -> Lang:
    from maltrace.i18n import choose_lang

    return choose_lang(option.value if option else None)


def fail(lines: list[str], headline: str) -> NoReturn:
    """Print a headline and one line per problem on stderr, then exit 2."""
    from maltrace.cli._common import make_console

    console = make_console(stderr=True)
    if headline:
        console.print(headline, markup=False, soft_wrap=True)
    for line in lines:
        console.print("  " + line, markup=False, soft_wrap=True)
    raise typer.Exit(EXIT_LOAD)


def fail_exists(paths: list[object], lang: Lang) -> NoReturn:
    from maltrace.i18n import t

    fail([t("excel.cli.exists", lang, path=p) for p in paths], "")

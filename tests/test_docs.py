"""The reference pages in docs/ stay true to the command line and the code.

docs/commands.md has one ``### maltrace CMD`` heading per command; under it, a list item that
starts with backticked names defines them: ``- `-o`, `--output FILE` — …`` (options) or
``- `PATHS` — …`` (arguments, in capitals). A planner who reads the page finds every option
``--help`` shows, and no option the command no longer has.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest
import typer
from conftest import ROOT
from typer.testing import CliRunner

from maltrace.analysis import FINDING_SEVERITY
from maltrace.cli import app

DOCS = ROOT / "docs"
COMMANDS_MD = DOCS / "commands.md"

# A list item's leading run of backticked names: "- `-f`, `--format text|json` — …".
_ITEM = re.compile(r"^- ((?:`[^`]+`(?:, )?)+)")
_ARGUMENT = re.compile(r"^[A-Z][A-Z_]*$")


def documented() -> dict[str, tuple[set[str], set[str]]]:
    """Command name -> (option names, argument names) as docs/commands.md lists them."""
    found: dict[str, tuple[set[str], set[str]]] = {}
    current: str | None = None
    for line in COMMANDS_MD.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^### maltrace (\S+)\s*$", line)
        if heading:
            current = heading.group(1)
            assert current not in found, f"docs/commands.md: two sections for {current}"
            found[current] = (set(), set())
            continue
        if line.startswith("#"):
            current = None
            continue
        item = _ITEM.match(line)
        if current is None or item is None:
            continue
        options, arguments = found[current]
        for name in re.findall(r"`([^`]+)`", item.group(1)):
            word = name.split()[0]
            if word.startswith("-"):
                options.add(word)
            elif _ARGUMENT.match(word):
                arguments.add(word)
    return found


def commands() -> dict[str, Any]:
    # Typer may carry its own copy of click, so the objects are read by their attributes.
    group = typer.main.get_command(app)
    registered: dict[str, Any] = group.commands  # type: ignore[attr-defined]
    return {name: cmd for name, cmd in registered.items() if not cmd.hidden}


def on_the_command_line(cmd: Any) -> tuple[set[str], set[str]]:
    options: set[str] = set()
    arguments: set[str] = set()
    for param in cmd.params:
        if param.param_type_name == "option" and not param.hidden:
            options.update(param.opts + param.secondary_opts)
        elif param.param_type_name == "argument":
            # the name --help shows: the metavar when the command gives one
            arguments.add((param.metavar or param.name or "").upper())
    options.discard("--help")
    return options, arguments


def test_every_command_has_a_section_and_no_section_is_left_over() -> None:
    assert set(documented()) == set(commands())


@pytest.mark.parametrize("name", sorted(commands()))
def test_the_options_on_the_page_are_those_of_help(name: str) -> None:
    options, arguments = on_the_command_line(commands()[name])
    # What the command knows is what --help shows a planner.
    result = CliRunner().invoke(app, [name, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for option in options:
        assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", result.output), option
    doc_options, doc_arguments = documented()[name]
    assert doc_options == options, (
        f"docs/commands.md, maltrace {name}: missing {sorted(options - doc_options)}, "
        f"no longer there {sorted(doc_options - options)}"
    )
    assert doc_arguments == arguments, (
        f"docs/commands.md, maltrace {name}: arguments {sorted(doc_arguments)} on the page, "
        f"{sorted(arguments)} on the command line"
    )


def test_every_finding_code_is_defined_with_its_severity() -> None:
    text = (DOCS / "definitions.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (error|warning|info) \|", text, flags=re.M))
    assert rows == FINDING_SEVERITY


def test_links_between_the_pages_lead_somewhere() -> None:
    pages = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
            if "://" in target:
                continue
            assert (page.parent / target).exists(), f"{page.relative_to(ROOT)}: {target}"


def _anchor(heading: str) -> str:
    # GitHub's rule: lower case, punctuation dropped, spaces to hyphens.
    slug = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return slug.replace(" ", "-")


def test_anchors_between_the_pages_name_a_heading() -> None:
    pages = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
    anchors: dict[Path, set[str]] = {}
    for page in pages:
        text = re.sub(r"(?ms)^```.*?^```", "", page.read_text(encoding="utf-8"))
        anchors[page] = {_anchor(h) for h in re.findall(r"^#+ (.+)$", text, flags=re.M)}
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for target, anchor in re.findall(r"\]\(([^)#\s]*)#([^)\s]+)\)", text):
            linked = (page.parent / target).resolve() if target else page
            assert linked in {p.resolve() for p in anchors}, f"{page.name}: {target}"
            heads = anchors[next(p for p in anchors if p.resolve() == linked.resolve())]
            assert anchor in heads, f"{page.relative_to(ROOT)}: #{anchor} not in {target}"


def _pictures() -> Any:
    spec = importlib.util.spec_from_file_location(
        "readme_pictures", ROOT / "tools/readme_pictures.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PICTURES = _pictures().PICTURES


def test_every_drawn_picture_in_docs_has_its_command() -> None:
    assert {p.name for p in DOCS.glob("*.svg")} == set(PICTURES)


@pytest.mark.parametrize("name", sorted(PICTURES))
def test_the_pictures_are_what_the_commands_draw_today(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args, written = PICTURES[name]
    monkeypatch.chdir(ROOT)  # the commands name the example by relative paths, as the README does
    result = CliRunner().invoke(app, [a.replace("{out}", str(tmp_path)) for a in args])
    assert result.exit_code in (0, 1), result.output  # diff says 1: there is impact
    assert (tmp_path / written).read_bytes() == (DOCS / name).read_bytes(), (
        f"docs/{name} is not what maltrace draws now: run python tools/readme_pictures.py"
    )

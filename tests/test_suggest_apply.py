"""``maltrace suggest --apply-from``: accepted rows written into follows_up, nothing else."""

from __future__ import annotations

import difflib
import itertools
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLE_PLANS
from openpyxl import Workbook, load_workbook
from test_suggest import run

from maltrace.analysis import analyse, analyse_plan_files
from maltrace.analysis.suggest import link_problem
from maltrace.edit import (
    AcceptedLink,
    AcceptedRows,
    apply_edits,
    plan_accept_from,
    plan_accepted,
    read_accepted,
)
from maltrace.graph import build_graph
from maltrace.load import load_plan_files, load_plan_set, read_plan_files
from maltrace.load.excel import ImportFailed

KPS = """\
plan: {id: KPS, type: samfunnsplan, title: Samfunnsdelen}
goals:
  - id: G1
    title: Eldre skal bu trygt heime
  - id: G2
    title: Barn og unge skal prioriterast
  - id: G3
    title: Alle skal ha ein god bustad
  - id: "G 4"
    title: Klimagassutsleppa skal ned
"""

# Every way a node's follows_up may be written, and none at all.
KDP = """\
# Kommunedelplanen — kommentarar, blanke liner og sitat skal stå som dei står
plan:
  id: KDP
  type: kommunedelplan
  title: 'Kommunedelplan for helse'
  follows: [KPS]

strategies:
  - id: S1            # flytande liste
    title: "Trygge heimar for eldre"
    follows_up: [G1,   "G2"]    # kommentar
  - id: S2
    title: Bustad
    follows_up:
      - 'G3'   # kommentar


  - id: S3
    title: Ingen lenkje enno   # kommentar
    description: noko
  - {id: S4, title: Flytande}
  - id: S5
    title: Tom liste
    follows_up: []
  - id: S6
    title: >
      Ein lang tittel
      over to liner
    measures:
      - id: M6
        title: Tiltak
"""
EXPECTED = (
    KDP.replace('[G1,   "G2"]    #', '[G1,   "G2", "G3"]    #')
    .replace("      - 'G3'   # kommentar\n", "      - 'G3'   # kommentar\n      - 'G1'\n")
    .replace(
        "    title: Ingen lenkje enno   # kommentar\n",
        '    title: Ingen lenkje enno   # kommentar\n    follows_up: [G1, "G 4"]\n',
    )
    .replace("{id: S4, title: Flytande}", "{id: S4, title: Flytande, follows_up: [G2]}")
    .replace("follows_up: []", "follows_up: [G2]")
    .replace("  - id: S6\n", "  - id: S6\n    follows_up: [G3]\n")
)
WANTED = [
    ("S1", "G3"),
    ("S2", "G1"),
    ("S3", "G1"),
    ("S3", "G 4"),
    ("S4", "G2"),
    ("S5", "G2"),
    ("S6", "G3"),
]
ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "lf": lambda s: s.encode(),
    "crlf": lambda s: s.replace("\n", "\r\n").encode(),
    "bom": lambda s: b"\xef\xbb\xbf" + s.encode(),
}


def _rows(links: list[tuple[str, str]]) -> AcceptedRows:
    return AcceptedRows(
        "forslag.xlsx",
        "Forslag",
        tuple(
            AcceptedLink(i + 2, f, t, f"K{i + 2}", f"L{i + 2}") for i, (f, t) in enumerate(links)
        ),
    )


def _folder(tmp_path: Path, kdp: bytes) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "kps.yaml").write_text(KPS, encoding="utf-8")
    (folder / "kdp.yaml").write_bytes(kdp)
    return folder


def _plan(folder: Path, links: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    found = read_plan_files([folder])
    graph = build_graph(load_plan_files(found))
    return plan_accepted(_rows(links), found, graph)


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_adds_the_ids_in_each_lists_style_and_not_one_byte_more(
    tmp_path: Path, encoding: str
) -> None:
    encode = ENCODINGS[encoding]
    folder = _folder(tmp_path, encode(KDP))
    assert encode(EXPECTED) != encode(KDP)
    before = analyse(build_graph(load_plan_set([folder])))
    plan = _plan(folder, WANTED)
    assert plan.already == ()
    assert len(plan.files) == 1 and plan.files[0].after == encode(EXPECTED)
    assert {(e.node, e.new) for e in plan.files[0].edits} == set(WANTED)
    # Nothing written before apply.
    assert (folder / "kdp.yaml").read_bytes() == encode(KDP)
    assert [(o.status, o.count) for o in apply_edits(plan.files)] == [("written", 7)]
    assert (folder / "kdp.yaml").read_bytes() == encode(EXPECTED)
    assert (folder / "kps.yaml").read_text(encoding="utf-8") == KPS
    # It loads, and check counts every link added.
    after = analyse(build_graph(load_plan_set([folder])))
    assert {(x.source, x.target) for x in after.links} == {
        (x.source, x.target) for x in before.links
    } | set(WANTED)
    assert before.coverage.followed_up < after.coverage.followed_up == after.coverage.goals == 4
    # Asked again: every link is there already, nothing to write.
    again = _plan(folder, WANTED)
    assert again.files == () and len(again.already) == len(WANTED)


def test_a_file_changed_since_it_was_read_is_not_written(tmp_path: Path) -> None:
    folder = _folder(tmp_path, KDP.encode())
    plan = _plan(folder, [("S3", "G1")])
    edited = KDP.replace("description: noko", "description: endra i mellomtida")
    (folder / "kdp.yaml").write_text(edited, encoding="utf-8")
    assert [o.status for o in apply_edits(plan.files)] == ["changed"]
    assert (folder / "kdp.yaml").read_text(encoding="utf-8") == edited


def test_every_problem_at_once_and_nothing_planned(tmp_path: Path) -> None:
    folder = _folder(tmp_path, KDP.encode())
    with pytest.raises(ImportFailed) as caught:
        _plan(folder, [("S3", "G1"), ("S33", "G1"), ("S3", "G11"), ("M6", "G1"), ("S1", "S2")])
    found = [(p.code, p.cell, p.params.get("suggestion")) for p in caught.value.problems]
    assert found == [
        ("accept-unknown", "K3", "S3"),
        ("accept-unknown", "L4", "G1"),
        ("accept-invalid", "K6", None),
    ]
    texts = [p.text("nn") for p in caught.value.problems]
    assert texts[0] == "Forslag!K3: Ingen node med ID-en «S33» i planane no. Meinte du «S3»?"
    assert "planen KDP følgjer ikkje planen KDP" in texts[2]
    # M6 -> G1 is a valid link (a tiltak may follow up a goal): no problem for row 5.


def test_a_node_already_linked_is_skipped_not_an_error(tmp_path: Path) -> None:
    folder = _folder(tmp_path, KDP.encode())
    plan = _plan(folder, [("S1", "G2"), ("S3", "G2")])
    assert [(a.follower, a.target) for a in plan.already] == [("S1", "G2")]
    assert [(e.node, e.new) for e in plan.files[0].edits] == [("S3", "G2")]


def test_a_list_shared_through_an_alias_is_left_for_a_person(tmp_path: Path) -> None:
    """Appending to S5's list would add to S1's too: the read-back check catches it, and only
    S5's link is refused; nothing is planned while any link is refused."""
    kdp = KDP.replace('follows_up: [G1,   "G2"]', 'follows_up: &felles [G1,   "G2"]').replace(
        "    follows_up: []\n", "    follows_up: *felles\n"
    )
    folder = _folder(tmp_path, kdp.encode())
    with pytest.raises(ImportFailed) as caught:
        _plan(folder, [("S5", "G3"), ("S3", "G1")])
    [problem] = caught.value.problems
    assert problem.code == "accept-unsafe" and problem.params["line"] == 22
    assert "skriv G3 inn for hand" in problem.text("nn")
    assert (folder / "kdp.yaml").read_bytes() == kdp.encode()


_LINK_SET = {
    "kps": """\
plan: {id: KPS, type: samfunnsplan, title: K}
areas:
  - {id: A, title: Område, goals: [{id: G, title: Mål, strategies: [{id: KS, title: S}]}]}
""",
    "kdp": """\
plan: {id: KDP, type: kommunedelplan, title: D, follows: [KPS]}
goals:
  - {id: D, title: Delmål, strategies: [{id: DS, title: S, measures: [{id: DM, title: T}]}]}
""",
    "hp": """\
plan: {id: HP, type: handlingsdel, title: H, follows: [KDP]}
measures: [{id: H, title: Tiltak}]
""",
}


def test_link_problem_is_what_check_says_of_the_link(write_set: Callable[..., Path]) -> None:
    """For every pair of nodes: the link is valid for --apply-from exactly when check counts
    it, and otherwise the reason is check's own finding."""
    graph = build_graph(load_plan_set([write_set(**_LINK_SET)]))
    ids = list(graph)
    assert len(ids) == 7
    for follower, target in itertools.product(ids, ids):
        problem = link_problem(graph, follower, target)
        if follower == target:
            assert problem == "link-to-self"
            continue
        files = {
            name: text.replace(f"{{id: {follower},", f"{{id: {follower}, follows_up: [{target}],")
            for name, text in _LINK_SET.items()
        }
        analysis = analyse(build_graph(load_plan_set([write_set(**files)])))
        counted = any(x.source == follower and x.target == target for x in analysis.links)
        codes = {f.code for f in analysis.findings if f.node == follower and f.target == target}
        assert (problem is None) == counted, (follower, target)
        assert codes == (set() if problem is None else {problem}), (follower, target)


# -- the command, from a real workbook -----------------------------------------------------------


def _copy_examples(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    shutil.copytree(EXAMPLE_PLANS, folder)
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _workbook(folder: Path, out: Path) -> None:
    # Words alone: these tests read the word engine's workbook (its rows and columns) by position.
    r = run("suggest", str(folder), "-o", str(out), "--engine", "words")
    assert r.returncode == 0, r.stderr


def _mark(
    path: Path, marks: dict[tuple[str, str], object], *, edit: Callable[..., None] | None = None
) -> None:
    """Write ``marks`` into the accept column of the rows whose follower and target are the keys."""
    wb = load_workbook(path)
    ws = wb.active
    header = [c.value for c in ws[1]]
    follower, target, accept = (
        header.index("Følgjer opp (node)"),
        header.index("Blir følgd opp (mål)"),
        header.index("Godta (skriv x)"),
    )
    done = set()
    for row in ws.iter_rows(min_row=2):
        key = (row[follower].value, row[target].value)
        if key in marks:
            row[accept].value = marks[key]
            done.add(key)
    assert done == set(marks)
    if edit is not None:
        edit(ws)
    wb.save(path)


def test_round_trip_suggest_mark_dry_run_apply_check(tmp_path: Path) -> None:
    folder = _copy_examples(tmp_path)
    book = tmp_path / "forslag.xlsx"
    _workbook(folder, book)
    _mark(
        book,
        {
            ("HSO-2.5", "KPS-2.2"): "x",
            ("HSO-3.7", "KPS-5.1"): " Ja ",
            ("HSO-2.3", "KPS-2.2.1"): "nei",
        },
    )
    before = _snapshot(folder)
    cov_before = analyse_plan_files([folder], cache=False)

    dry = run("suggest", str(folder), "--apply-from", str(book))
    assert dry.returncode == 0, dry.stderr
    assert _snapshot(folder) == before
    assert "+        follows_up: [KPS-4.1, KPS-2.2]" in dry.stdout
    assert "+        follows_up: [KPS-5.2, KPS-5.1]" in dry.stdout
    assert "--apply" in dry.stderr and "inn: 2, i filer: 1" in dry.stderr

    applied = run("suggest", str(folder), "--apply-from", str(book), "--apply")
    assert applied.returncode == 0, applied.stderr
    after = _snapshot(folder)
    changed = [name for name in after if after[name] != before[name]]
    assert changed == ["kdp-helse-sosial-omsorg.yaml"]
    old = before[changed[0]].decode().splitlines()
    new = after[changed[0]].decode().splitlines()
    lines = [x for x in difflib.ndiff(old, new) if x[:2] in ("- ", "+ ")]
    assert lines == [
        "-         follows_up: [KPS-4.1]",
        "+         follows_up: [KPS-4.1, KPS-2.2]",
        "-         follows_up: [KPS-5.2]",
        "+         follows_up: [KPS-5.2, KPS-5.1]",
    ]
    # check counts the new links: both goals are followed up now, and coverage rose.
    cov_after = analyse_plan_files([folder], cache=False)
    assert {"KPS-2.2", "KPS-5.1"} <= set(cov_before.uncovered_goals)
    assert not {"KPS-2.2", "KPS-5.1"} & set(cov_after.uncovered_goals)
    assert cov_after.coverage.followed_up >= cov_before.coverage.followed_up + 2
    checked = run("check", str(folder))
    assert checked.returncode == run("check", str(EXAMPLE_PLANS)).returncode

    # The same workbook again: already there, nothing written, exit 0.
    again = run("suggest", str(folder), "--apply-from", str(book), "--apply")
    assert again.returncode == 0, again.stderr
    assert "følgjer alt opp" in again.stderr and _snapshot(folder) == after


def test_an_orphan_row_adds_the_link_to_the_orphan(
    tmp_path: Path, write_set: Callable[..., Path]
) -> None:
    folder = write_set(
        kps="""\
plan: {id: KPS, type: samfunnsplan, title: Samfunnsdelen}
goals:
  - id: KPS-1
    title: Eldre skal bu trygt i eigen heim
""",
        kdp="""\
plan: {id: KDP, type: kommunedelplan, title: Helse, follows: [KPS]}
strategies:
  - id: S1
    title: Velferdsteknologi så eldre kan bu trygt heime
""",
    )
    book = tmp_path / "forslag.xlsx"
    _workbook(folder, book)
    _mark(book, {("S1", "KPS-1"): "✓"})
    assert analyse_plan_files([folder], cache=False).orphans == ("S1",)
    r = run("suggest", str(folder), "--apply-from", str(book), "--apply")
    assert r.returncode == 0, r.stderr
    text = (folder / "kdp.yaml").read_text(encoding="utf-8")
    assert text.endswith(
        "    title: Velferdsteknologi så eldre kan bu trygt heime\n    follows_up: [KPS-1]\n"
    )
    assert analyse_plan_files([folder], cache=False).orphans == ()


def test_hostile_cells_are_named_by_cell_and_nothing_is_written(tmp_path: Path) -> None:
    folder = _copy_examples(tmp_path)
    book = tmp_path / "forslag.xlsx"
    _workbook(folder, book)

    def hostile(ws) -> None:  # type: ignore[no-untyped-def]
        ws["N2"] = "=1+1"  # a formula
        ws["N3"] = "=cmd|' /C calc'!A0"
        ws["N3"].data_type = "s"  # text that looks like a formula
        ws["N4"] = "kanskje [bold]ja[/]"
        ws["N6"] = "x" * 40_000

    _mark(book, {("HSO-2.5", "KPS-2.2"): "x"}, edit=hostile)
    before = _snapshot(folder)
    r = run("suggest", str(folder), "--apply-from", str(book), "--apply")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert _snapshot(folder) == before
    err = " ".join(r.stderr.split())
    assert "Forslag!N2: Ein formel (=1+1)" in err
    assert "Forslag!N3: «=cmd|' /C calc'!A0» i godta-kolonnen" in err
    assert "Forslag!N4: «kanskje [bold]ja[/]» i godta-kolonnen" in err
    # openpyxl keeps Excel's limit (32,767 characters); the message shows 40 of them.
    assert "Forslag!N6: «" + "x" * 40 + "…» i godta-kolonnen" in err
    assert "Ingenting er skrive inn i planane" in err


def test_unknown_ids_invalid_links_and_edited_rows(tmp_path: Path) -> None:
    folder = _copy_examples(tmp_path)
    book = tmp_path / "forslag.xlsx"
    _workbook(folder, book)

    def edit(ws) -> None:  # type: ignore[no-untyped-def]
        # row 5 (KPS-2.2 <- HSO-2.5): the candidate renamed to an id that does not exist
        ws["F5"], ws["L5"] = "HSO-2.55", "HSO-2.55"
        # row 6: a tiltak of the handlingsdel, which does not follow the samfunnsdel
        ws["F6"], ws["L6"] = "HP-1", "HP-1"
        # row 7: only the follower changed, so the row no longer says what suggest proposed
        ws["L7"] = "HSO-1"

    _mark(
        book,
        {("HSO-2.5", "KPS-2.2"): "x", ("HSO-2.3", "KPS-2.2"): "x", ("HSO-3.4", "KPS-2.2"): "x"},
        edit=edit,
    )
    before = _snapshot(folder)
    r = run("suggest", str(folder), "--apply-from", str(book))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert _snapshot(folder) == before
    err = " ".join(r.stderr.split())
    assert "Forslag!L5: Ingen node med ID-en «HSO-2.55» i planane no. Meinte du «HSO-2.5»?" in err
    assert (
        "Forslag!L6: HP-1 kan ikkje følgje opp KPS-2.2: planen HP-2025 følgjer ikkje planen KPS"
        in err
    )
    assert (
        "Forslag!L7: Lenkja HSO-1 → KPS-2.2 passar ikkje med noden KPS-2.2 og kandidaten HSO-3.4"
        in err
    )
    assert "3 problem" in err  # every row's problem at once, from reading and from the plans


def test_a_row_without_a_candidate_cannot_be_accepted(tmp_path: Path) -> None:
    folder = _copy_examples(tmp_path)
    book = tmp_path / "forslag.xlsx"
    _workbook(folder, book)
    wb = load_workbook(book)
    ws = wb.active
    row = next(r for r in ws.iter_rows(min_row=2) if not r[5].value)  # a node with no candidate
    row[13].value = "x"
    wb.save(book)
    rows = read_accepted(book)
    assert rows.links == ()
    assert [(p.code, p.cell) for p in rows.problems] == [("accept-no-candidate", f"N{row[0].row}")]
    with pytest.raises(ImportFailed):
        plan_accept_from(book, [folder])


def test_a_workbook_not_from_suggest(tmp_path: Path) -> None:
    folder = _copy_examples(tmp_path)
    before = _snapshot(folder)
    other = tmp_path / "anna.xlsx"
    wb = Workbook()
    wb.active.title = "Ark1"
    wb.active["A1"] = "Mål"
    wb.save(other)
    r = run("suggest", str(folder), "--apply-from", str(other), "--apply")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "ikkje ei forslagsliste frå «maltrace suggest -o»" in " ".join(r.stderr.split())
    # The right sheet, but not suggest's columns.
    wb.active.title = "Forslag"
    wb.save(other)
    with pytest.raises(ImportFailed) as caught:
        read_accepted(other)
    assert {p.code for p in caught.value.problems} == {"suggest-column-missing"}
    # Not a workbook at all.
    fake = tmp_path / "fake.xlsx"
    fake.write_text("node;accept\nHSO-1;x\n", encoding="utf-8")
    r = run("suggest", str(folder), "--apply-from", str(fake), "--apply")
    assert r.returncode == 2 and "Traceback" not in r.stderr and "Excel-arbeidsbok" in r.stderr
    missing = run("suggest", str(folder), "--apply-from", str(tmp_path / "finst-ikkje.xlsx"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert _snapshot(folder) == before


def test_english_workbook_and_bad_usage(tmp_path: Path) -> None:
    folder = _copy_examples(tmp_path)
    book = tmp_path / "suggestions.xlsx"
    assert (
        run("suggest", str(folder), "-o", str(book), "--lang", "en", "--engine", "words").returncode
        == 0
    )
    wb = load_workbook(book)
    ws = wb.active
    assert ws.title == "Suggestions"
    row = next(r for r in ws.iter_rows(min_row=2) if r[11].value == "HSO-3.7")
    row[13].value = True  # a boolean cell: TRUE
    wb.save(book)
    accepted = read_accepted(book)
    assert [(x.follower, x.target) for x in accepted.links] == [("HSO-3.7", "KPS-5.1")]
    plan = plan_accept_from(book, [folder])
    assert plan.count == 1
    for args in (["-o", str(tmp_path / "x.json")], ["--node", "HSO-1"], ["-f", "json"]):
        r = run("suggest", str(folder), "--apply-from", str(book), *args)
        assert r.returncode == 2 and "--apply-from" in r.stderr
    r = run("suggest", str(folder), "--apply")
    assert r.returncode == 2 and "--apply-from" in r.stderr
    help_text = run("suggest", "--help").stdout
    assert "--apply-from" in help_text and "--apply " in help_text


def test_nothing_marked_is_nothing_to_write(tmp_path: Path) -> None:
    folder = _copy_examples(tmp_path)
    book = tmp_path / "forslag.xlsx"
    _workbook(folder, book)
    r = run("suggest", str(folder), "--apply-from", str(book), "--apply")
    assert r.returncode == 0 and "Ingen rader er merkte" in r.stderr


def test_a_missing_column_is_named_in_the_workbooks_language(tmp_path: Path) -> None:
    # An English workbook with its accept column deleted: the message names the column as the
    # workbook writes it, whatever language the message itself is in.
    folder = _copy_examples(tmp_path)
    book = tmp_path / "suggestions.xlsx"
    assert (
        run("suggest", str(folder), "-o", str(book), "--lang", "en", "--engine", "words").returncode
        == 0
    )
    wb = load_workbook(book)
    ws = wb.active
    header = [c.value for c in ws[1]]
    ws.delete_cols(header.index("Accept (write x)") + 1)
    wb.save(book)
    with pytest.raises(ImportFailed) as caught:
        read_accepted(book)
    (problem,) = caught.value.problems
    assert problem.params == {"column": "Accept (write x)"}
    r = run("suggest", str(folder), "--apply-from", str(book))
    assert r.returncode == 2 and "«Accept (write x)»" in " ".join(r.stderr.split())

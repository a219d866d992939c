"""Loading plan files: bad input gets file, line and what to do — never a traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from maltrace.load import LoadFailed, load_plan_set
from maltrace.load.yamlsafe import MAX_FILE_BYTES

GOOD_HEADER = "plan:\n  id: KPS\n  type: samfunnsplan\n  title: Samfunnsdel\n"


def errors_of(folder: Path) -> list[tuple[str, int, str, str]]:
    with pytest.raises(LoadFailed) as info:
        load_plan_set([folder])
    return [(Path(e.file).name, e.line, e.code, e.message("en")) for e in info.value.errors]


def test_a_valid_file_loads_with_lines_and_ids_as_written(write_set):
    folder = write_set(
        kps=GOOD_HEADER
        + "  date: 2022-05-19\ngoals:\n  - id: 1.10\n    title: Gode tenester\n    goals:\n"
        "      - {id: 1.1, title: 2030}\n"
    )
    plan = load_plan_set([folder]).plans[0]
    # ids and titles stay the text the planner wrote (YAML would make 1.10 the float 1.1)
    assert plan.goals[0].id == "1.10"
    assert plan.goals[0].goals[0].id == "1.1"
    assert plan.goals[0].goals[0].title == "2030"
    assert plan.goals[0].line == 7
    assert str(plan.plan.date) == "2022-05-19"


def test_broken_yaml_names_file_and_line(write_set):
    folder = write_set(kps=GOOD_HEADER + "goals:\n  - id: G1\n    title: [oops\n  - id: G2\n")
    [(name, line, code, message)] = errors_of(folder)
    assert (name, code) == ("kps.yaml", "yaml-syntax")
    assert line in (7, 8)
    assert "Check indentation" in message


def test_unknown_key_suggests_the_right_one(write_set):
    folder = write_set(
        kps=GOOD_HEADER + "goals:\n  - id: G1\n    title: Mål\n    follow_up: [X]\n    titel: y\n"
    )
    errors = errors_of(folder)
    assert [(e[1], e[2]) for e in errors] == [(8, "unknown-key"), (9, "unknown-key")]
    assert "“follow_up”" in errors[0][3] and "Did you mean “follows_up”?" in errors[0][3]
    assert "goal G1" in errors[0][3]
    assert "Did you mean “title”?" in errors[1][3]


def test_unknown_key_in_plan_header(write_set):
    folder = write_set(kps=GOOD_HEADER + "  folows: [X]\n")
    [(_, line, code, message)] = errors_of(folder)
    assert (line, code) == (5, "unknown-key")
    assert "Did you mean “follows”?" in message


def test_duplicate_key_is_an_error_not_silently_the_last(write_set):
    folder = write_set(kps=GOOD_HEADER + "goals:\n  - id: G1\n    title: A\n    title: B\n")
    [(_, line, code, message)] = errors_of(folder)
    assert (line, code) == (8, "duplicate-key")
    assert "also on line 7" in message


def test_duplicate_id_names_every_place(write_set):
    folder = write_set(
        a=GOOD_HEADER + "goals:\n  - {id: G1, title: A}\n  - {id: G1, title: B}\n",
        b="plan: {id: KDP, type: kommunedelplan, title: K}\ngoals:\n  - {id: G1, title: C}\n",
    )
    [(name, line, code, message)] = errors_of(folder)
    assert (name, line, code) == ("a.yaml", 6, "duplicate-id")
    assert "a.yaml:6" in message and "a.yaml:7" in message and "b.yaml:3" in message


def test_duplicate_plan_id(write_set):
    folder = write_set(a=GOOD_HEADER, b=GOOD_HEADER)
    [(_, _, code, message)] = errors_of(folder)
    assert code == "duplicate-plan"
    assert "a.yaml:2" in message and "b.yaml:2" in message


def test_every_error_is_reported_at_once(write_set):
    folder = write_set(
        a="plan: [x\n",
        b="",
        c="- just\n- a list\n",
        d=GOOD_HEADER + "goals:\n  - id: G1\n",
    )
    codes = sorted(e[2] for e in errors_of(folder))
    assert codes == ["empty-file", "missing-key", "not-a-mapping", "yaml-syntax"]


def test_missing_title_and_bad_type(write_set):
    folder = write_set(a="plan:\n  id: X\n  type: sektorplan\n  title: T\ngoals:\n  - id: G1\n")
    errors = errors_of(folder)
    assert [(e[1], e[2]) for e in errors] == [(3, "bad-value"), (6, "missing-key")]
    assert "samfunnsplan, kommunedelplan, handlingsdel, temaplan" in errors[0][3]


def test_not_utf8(tmp_path):
    (tmp_path / "latin1.yaml").write_bytes(
        GOOD_HEADER.encode() + "goals:\n  - {id: G, title: Bøker}\n".encode("latin-1")
    )
    [(_, line, code, message)] = errors_of(tmp_path)
    assert (line, code) == (6, "not-utf8")
    assert "UTF-8" in message


def test_empty_and_comment_only_files(tmp_path):
    (tmp_path / "a.yaml").write_text("")
    (tmp_path / "b.yaml").write_text("# berre ein kommentar\n")
    assert [e[2] for e in errors_of(tmp_path)] == ["empty-file", "empty-file"]


def test_python_tags_are_refused_not_run(tmp_path):
    (tmp_path / "evil.yaml").write_text(
        GOOD_HEADER
        + "goals:\n  - id: !!python/object/apply:os.system ['echo pwned']\n    title: x\n"
    )
    [(_, line, code, message)] = errors_of(tmp_path)
    assert (line, code) == (6, "yaml-tag")
    assert "python/object/apply:os.system" in message


def test_alias_bomb_ends_quickly(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    (tmp_path / "bomb.yaml").write_text("\n".join(lines) + "\n")
    start = time.perf_counter()
    [(_, _, code, _)] = errors_of(tmp_path)
    assert code == "too-many-nodes"
    assert time.perf_counter() - start < 5


def test_recursive_alias_is_refused(tmp_path):
    (tmp_path / "loop.yaml").write_text("a: &x [*x]\n")
    [(_, _, code, _)] = errors_of(tmp_path)
    assert code in ("too-many-nodes", "too-deep")


def test_deep_nesting_does_not_crash(tmp_path):
    (tmp_path / "deep.yaml").write_text("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    [(_, _, code, _)] = errors_of(tmp_path)
    assert code == "too-deep"


def test_huge_file_is_refused_before_parsing(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:
        fh.write(GOOD_HEADER.encode())
        fh.write(b"# " + b"x" * (MAX_FILE_BYTES + 10) + b"\n")
    start = time.perf_counter()
    [(_, _, code, message)] = errors_of(tmp_path)
    assert code == "too-large"
    assert "Split the plan" in message
    assert time.perf_counter() - start < 5


def test_several_documents_in_one_file(tmp_path):
    (tmp_path / "two.yaml").write_text(GOOD_HEADER + "---\n" + GOOD_HEADER)
    [(_, _, code, _)] = errors_of(tmp_path)
    assert code == "multiple-documents"


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(LoadFailed) as info:
        load_plan_set([tmp_path / "nope"])
    assert info.value.errors[0].code == "not-found"
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(LoadFailed) as info:
        load_plan_set([empty])
    assert info.value.errors[0].code == "no-files"


def test_folders_are_searched_recursively_in_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "kdp.yml").write_text("plan: {id: KDP, type: kommunedelplan, title: K}\n")
    (tmp_path / "a.yaml").write_text(GOOD_HEADER)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.yaml").write_text("not: a plan\n")
    (tmp_path / "notes.txt").write_text("x")
    plan_set = load_plan_set([tmp_path])
    assert [p.id for p in plan_set.plans] == ["KPS", "KDP"]


def test_errors_in_bokmal(write_set):
    folder = write_set(kps=GOOD_HEADER + "goals:\n  - id: G1\n    title: Mål\n    follow_up: [X]\n")
    with pytest.raises(LoadFailed) as info:
        load_plan_set([folder])
    assert "Ukjent nøkkel «follow_up» i mål G1. Mente du «follows_up»?" in info.value.errors[
        0
    ].message("nb")

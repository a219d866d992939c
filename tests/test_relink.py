"""``maltrace relink``: links to renumbered goals rewritten in place, nothing else touched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_diff import ADOPTED, DRAFT, run

from maltrace.analysis.diff import diff_sources
from maltrace.edit import apply_relink, plan_relink
from maltrace.edit.relink import id_token

KPS_OLD = """\
plan: {id: KPS, type: samfunnsplan, title: Samfunnsdelen}
goals:
  - {id: OLD-1, title: Eldre skal bu trygt heime}
  - {id: OLD-2, title: Barn og unge skal prioriterast}
  - {id: OLD-3, title: Alle skal ha ein god bustad}
"""
KPS_NEW = KPS_OLD.replace("OLD-", "NEW-")

KDP = """\
# Kommunedelplanen — kommentarar, blanke liner og sitat skal stå som dei står
plan:
  id: KDP
  type: kommunedelplan
  title: 'Kommunedelplan for helse'
  follows: [KPS]

strategies:
  - id: S1            # første strategi
    title: "Strategi éin"
    follows_up: [OLD-1, "OLD-2",   OLD-1x]    # OLD-1x finst ikkje
  - id: S2
    title: To
    follows_up:
      - OLD-1   # kommentar: OLD-1


      - "OLD-2"
      - 'OLD-3'
"""
EXPECTED = (
    KDP.replace('[OLD-1, "OLD-2",', '[NEW-1, "NEW-2",')
    .replace("      - OLD-1   #", "      - NEW-1   #")
    .replace('      - "OLD-2"', '      - "NEW-2"')
    .replace("      - 'OLD-3'", "      - 'NEW-3'")
)


def _sets(tmp_path: Path, kdp: bytes) -> tuple[Path, Path]:
    old, new = tmp_path / "old", tmp_path / "new"
    for folder, kps in ((old, KPS_OLD), (new, KPS_NEW)):
        folder.mkdir()
        (folder / "kps.yaml").write_text(kps, encoding="utf-8")
        (folder / "kdp.yaml").write_bytes(kdp)
    return old, new


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode(),
        lambda s: s.replace("\n", "\r\n").encode(),
        lambda s: b"\xef\xbb\xbf" + s.encode(),
    ],
    ids=["lf", "crlf", "bom"],
)
def test_apply_changes_the_ids_and_not_one_byte_more(tmp_path: Path, encode: object) -> None:
    assert callable(encode)
    old, new = _sets(tmp_path, encode(KDP))
    assert encode(EXPECTED) != encode(KDP)
    result, found = diff_sources([old], [new])
    plan = plan_relink(result, found)
    assert plan.unsafe == ()
    assert [(e.node, e.old, e.new, e.line) for e in plan.files[0].edits] == [
        ("S1", "OLD-1", "NEW-1", 11),
        ("S1", "OLD-2", "NEW-2", 11),
        ("S2", "OLD-1", "NEW-1", 15),
        ("S2", "OLD-2", "NEW-2", 18),
        ("S2", "OLD-3", "NEW-3", 19),
    ]
    outcome = apply_relink(plan)
    assert [(o.status, o.count) for o in outcome] == [("written", 5)]
    assert (new / "kdp.yaml").read_bytes() == encode(EXPECTED)
    assert (new / "kps.yaml").read_text(encoding="utf-8") == KPS_NEW
    # Nothing left to repair or act on (OLD-1x never existed: that is check's dangling-link).
    again, found = diff_sources([old], [new])
    assert plan_relink(again, found).files == ()
    assert again.impact == ()


def test_dry_run_prints_a_unified_diff_and_writes_nothing(tmp_path: Path) -> None:
    old, new = _sets(tmp_path, KDP.encode())
    r = run("relink", str(old), str(new))
    assert r.returncode == 1, r.stderr
    assert "+++ b/" in r.stdout
    assert "-      - 'OLD-3'" in r.stdout and "+      - 'NEW-3'" in r.stdout
    assert "--apply" in r.stderr
    assert (new / "kdp.yaml").read_bytes() == KDP.encode()
    applied = run("relink", str(old), str(new), "--apply")
    assert applied.returncode == 0, applied.stderr
    assert (new / "kdp.yaml").read_bytes() == EXPECTED.encode()
    nothing = run("relink", str(old), str(new))
    assert nothing.returncode == 0


def test_a_file_changed_since_it_was_read_is_not_written(tmp_path: Path) -> None:
    old, new = _sets(tmp_path, KDP.encode())
    result, found = diff_sources([old], [new])
    plan = plan_relink(result, found)
    edited = KDP.replace("title: To", "title: To (endra i mellomtida)")
    (new / "kdp.yaml").write_text(edited, encoding="utf-8")
    assert [o.status for o in apply_relink(plan)] == ["changed"]
    assert (new / "kdp.yaml").read_text(encoding="utf-8") == edited


def test_a_list_shared_through_an_alias_is_left_for_a_person(tmp_path: Path) -> None:
    """S2's follows_up is S1's list through a YAML alias: the one item is found twice, once for
    each node. Replacing it for both would write ``&felles [NEW-1NEW-1]``; the read-back check
    refuses that, so both links are left for a person and the file is not touched."""
    kdp = (
        "plan: {id: KDP, type: kommunedelplan, title: K, follows: [KPS]}\n"
        "strategies:\n"
        "  - id: S1\n    title: Ein\n    follows_up: &felles [OLD-1]\n"
        "  - id: S2\n    title: To\n    follows_up: *felles\n"
    )
    old, new = _sets(tmp_path, kdp.encode())
    result, found = diff_sources([old], [new])
    assert {(i.code, i.node, i.target) for i in result.impact} == {
        ("target-renumbered", "S1", "OLD-1"),
        ("target-renumbered", "S2", "OLD-1"),
        ("goal-lost-follow-up", "NEW-1", None),
    }
    plan = plan_relink(result, found)
    assert plan.files == ()
    assert sorted((e.node, e.old, e.new, e.line) for e in plan.unsafe) == [
        ("S1", "OLD-1", "NEW-1", 5),
        ("S2", "OLD-1", "NEW-1", 5),
    ]
    r = run("relink", str(old), str(new), "--apply", "--lang", "en")
    assert r.returncode == 2, r.stderr
    assert "kdp.yaml:5: the link to OLD-1 was not repaired" in r.stderr
    assert "Change it to NEW-1 by hand" in r.stderr
    assert (new / "kdp.yaml").read_bytes() == kdp.encode()


def test_removed_and_reworded_targets_are_never_touched(tmp_path: Path) -> None:
    new = tmp_path / "vedteken"
    shutil.copytree(ADOPTED, new)
    r = run("relink", str(DRAFT), str(new), "--apply")
    assert r.returncode == 0, r.stderr
    text = (new / "kdp-helse.yaml").read_text(encoding="utf-8")
    before = (ADOPTED / "kdp-helse.yaml").read_text(encoding="utf-8")
    assert text == before.replace("- 'KPS-1.2'   #", "- 'KPS-1.3'   #")
    assert 'follows_up: ["KPS-1.4"]' in text and "follows_up: [KPS-1.1]" in text
    after, _ = diff_sources([DRAFT], [new])
    codes = [i.code for i in after.impact]
    assert "target-renumbered" not in codes
    assert "target-removed" in codes and "target-reworded" in codes
    # The renumbered goal is followed up again.
    assert "KPS-1.3" in after.new.per_plan["KDP-HSO"].followed_up


def test_new_from_git_is_not_written(tmp_path: Path) -> None:
    r = run("relink", str(DRAFT), "HEAD:tests/data/diff/vedteken", "--apply")
    assert r.returncode == 2 and "git" in r.stderr and "Traceback" not in r.stderr


def test_an_id_that_needs_quotes_gets_them() -> None:
    assert id_token("KPS-1.3", None) == "KPS-1.3"
    assert id_token("KPS 1.3", None) == '"KPS 1.3"'
    assert id_token("it's", "'") == "'it''s'"
    assert id_token('a"b', '"') == '"a\\"b"'

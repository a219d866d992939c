"""``maltrace diff`` on plan-portal data: two folders, and two revisions of a folder in git."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from maltrace import api
from maltrace.analysis.diff import PlanDiff

FIX = Path(__file__).parent / "fixtures" / "portal"
JUNE, NEWEST = FIX / "576eaa8", FIX / "852a941"
ADDED = "94a2312e-cf68-f111-ab0d-7c1e52370ef7"
REWORDED = "eaae5b97-7249-f111-bec7-7c1e52370ef7"


def _kinds(result: PlanDiff) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for change in result.changes:
        out.setdefault(str(change.change), set()).add(change.id)
    return out


def test_diff_of_two_portal_folders_shows_real_changes_only() -> None:
    result = api.diff(JUNE, NEWEST, cache=False)
    kinds = _kinds(result)
    assert ADDED in kinds["added"] and REWORDED in kinds["reworded"]
    # The same GUIDs on both sides: nothing renumbered, nothing moved that did not move.
    assert not result.renumbered and "renumbered" not in _kinds(result)
    assert len(result.changes) == 7


@pytest.fixture
def portal_repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    data = repo / "data"
    data.mkdir(parents=True)

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=repo,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    for folder in (JUNE, NEWEST):
        for f in folder.glob("*.json"):
            shutil.copy(f, data / f.name)
        git("add", "-A")
        git("commit", "-qm", folder.name)
    return repo


def test_diff_of_two_revisions_of_a_portal_folder(
    portal_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(portal_repo)
    result = api.diff("HEAD~1:data", "HEAD:data", cache=False)
    assert _kinds(result) == _kinds(api.diff(JUNE, NEWEST, cache=False))
    # OLD alone: NEW is the folder in the working tree.
    assert len(api.diff("HEAD~1:data", cache=False).changes) == 7

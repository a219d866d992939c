"""Where a plan set comes from: folders and files on disk, or a revision in git (``REV:PATH``).

Either way the result is a ``PlanFiles``: file names and the very bytes read, hashed, so the
per-file cache (keyed on bytes) serves an unchanged file from any revision without parsing it.
Git is run as a program (``git ls-tree``, ``git cat-file --batch``); no git library is needed.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from maltrace.errors import MaltraceError
from maltrace.i18n import Lang
from maltrace.load.cache import content_key
from maltrace.load.files import PLAN_SUFFIXES
from maltrace.load.load_errors import LoadFailed
from maltrace.load.loader import PlanFiles, read_plan_files

# "REV:PATH" as ``git show`` names it; a Windows drive ("C:\\plans") is not a revision.
_REV_PATH = re.compile(r"^(?P<rev>[^:\s][^:]*):(?P<path>.*)$")
_GIT_TIMEOUT = 120


class SourceError(MaltraceError):
    """A plan set that cannot be read from git: ``code`` picks the catalogue text
    (``source.<code>``), ``params`` fill it."""

    def __init__(self, code: str, params: dict[str, Any] | None = None) -> None:
        super().__init__(code, key=f"source.{code}", **(params or {}))


@dataclass(frozen=True)
class GitSpec:
    rev: str
    path: str

    def __str__(self) -> str:
        return f"{self.rev}:{self.path}"


def parse_spec(
    spec: str | os.PathLike[str], *, cwd: str | os.PathLike[str] | None = None
) -> GitSpec | None:
    """``REV:PATH`` as a ``GitSpec``; None for a plain path (also one that exists on disk)."""
    text = os.fspath(spec)
    if (Path(cwd) if cwd is not None else Path()).joinpath(text).exists() or re.match(
        r"^[A-Za-z]:[\\/]", text
    ):
        return None
    m = _REV_PATH.match(text)
    if m is None:
        return None
    return GitSpec(m["rev"], m["path"])


def is_git_spec(spec: str | os.PathLike[str]) -> bool:
    return parse_spec(spec) is not None


def read_source(
    specs: Sequence[str | os.PathLike[str]],
    *,
    cwd: str | os.PathLike[str] | None = None,
    hashed: bool = True,
) -> PlanFiles:
    """The plan files named by ``specs``: paths on disk, or one ``REV:PATH`` in the git
    repository of ``cwd`` (default: the current folder). Raises ``SourceError`` for git
    problems; files that do not exist on disk are reported by the loader as usual."""
    gits = [parse_spec(s, cwd=cwd) for s in specs]
    if not any(gits):
        if cwd is not None:
            specs = [Path(cwd) / s for s in specs]
        return read_plan_files(specs, hashed=hashed)
    if len(specs) != 1:
        raise SourceError("one_revision", {"spec": str(next(g for g in gits if g))})
    spec = gits[0]
    assert spec is not None
    return read_git(spec, cwd=cwd)


def _git(
    args: list[str], cwd: Path, *, data: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=data,
            capture_output=True,
            timeout=_GIT_TIMEOUT,
            check=False,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
        )
    except FileNotFoundError:
        raise SourceError("no_git") from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise SourceError("git_failed", {"reason": str(exc)}) from None


def read_git(spec: GitSpec, *, cwd: str | os.PathLike[str] | None = None) -> PlanFiles:
    """The plan files under ``spec.path`` at revision ``spec.rev`` (as ``git show REV:PATH``
    names it: relative to the top of the repository, or to ``cwd`` when it starts with ``./``
    or ``../``). Files are named ``REV:path/to/file.yaml`` in messages."""
    here = Path(cwd) if cwd is not None else Path.cwd()
    top = _git(["rev-parse", "--show-toplevel"], here)
    if top.returncode != 0:
        raise SourceError("no_repo", {"folder": str(here)})
    root = Path(top.stdout.decode("utf-8", "surrogateescape").strip())
    rev = _git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", spec.rev + "^{commit}"], root
    )
    if rev.returncode != 0 or spec.rev.startswith("-"):
        raise SourceError("unknown_rev", {"rev": spec.rev})
    commit = rev.stdout.decode().strip()
    path = _repo_path(spec.path, here, root)
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", path or "."], root)
    if listing.returncode != 0:
        raise SourceError("git_failed", {"reason": _first_line(listing.stderr)})
    entries: list[tuple[str, str]] = []  # (object id, path in repo)
    for record in listing.stdout.split(b"\0"):
        if not record:
            continue
        meta, _, name_bytes = record.partition(b"\t")
        mode, kind, oid = meta.decode().split(" ")
        name = name_bytes.decode("utf-8", "surrogateescape")
        if kind != "blob" or mode == "120000":
            continue
        rel = PurePosixPath(name).relative_to(path) if path else PurePosixPath(name)
        explicit = name == path
        hidden = any(part.startswith(".") for part in rel.parts)
        if explicit or (PurePosixPath(name).suffix.lower() in PLAN_SUFFIXES and not hidden):
            entries.append((oid, name))
    if not entries:
        exists = _git(["cat-file", "-e", f"{commit}:{path}"], root) if path else None
        if exists is not None and exists.returncode != 0:
            raise SourceError("unknown_path", {"rev": spec.rev, "path": spec.path})
        return PlanFiles([str(spec)], [], [], [], [])
    entries.sort(key=lambda e: e[1])
    blobs = _cat_blobs([oid for oid, _ in entries], root)
    files = [Path(f"{spec.rev}:{name}") for _, name in entries]
    return PlanFiles([str(spec)], files, [], [content_key(b) for b in blobs], list(blobs))


def _repo_path(path: str, here: Path, root: Path) -> str:
    """``path`` relative to the top of the repository, posix style, '' for the top itself."""
    if path.startswith(("./", "../")) or path in (".", ".."):
        full = (here / path).resolve()
        try:
            rel = full.relative_to(root.resolve())
        except ValueError:
            raise SourceError("unknown_path", {"rev": "", "path": path}) from None
        text = rel.as_posix()
    else:
        text = PurePosixPath(path).as_posix()
    return "" if text in (".", "") else text.strip("/")


def _cat_blobs(oids: list[str], root: Path) -> list[bytes]:
    """The contents of many blobs with one ``git cat-file --batch``."""
    result = _git(["cat-file", "--batch"], root, data=("\n".join(oids) + "\n").encode())
    if result.returncode != 0:
        raise SourceError("git_failed", {"reason": _first_line(result.stderr)})
    out: list[bytes] = []
    data = result.stdout
    pos = 0
    for _ in oids:
        end = data.index(b"\n", pos)
        header = data[pos:end].split(b" ")
        if len(header) != 3:
            raise SourceError("git_failed", {"reason": data[pos:end].decode(errors="replace")})
        size = int(header[2])
        out.append(data[end + 1 : end + 1 + size])
        pos = end + 1 + size + 1  # the blob, then a newline
    return out


def _first_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace").strip()
    return text.splitlines()[0] if text else "git"


def working_tree_path(spec: GitSpec, *, cwd: str | os.PathLike[str] | None = None) -> Path:
    """Where ``spec.path`` lies in the working tree (NEW when only OLD ``REV:PATH`` is given)."""
    here = Path(cwd) if cwd is not None else Path.cwd()
    top = _git(["rev-parse", "--show-toplevel"], here)
    if top.returncode != 0:
        raise SourceError("no_repo", {"folder": str(here)})
    root = Path(top.stdout.decode("utf-8", "surrogateescape").strip())
    rel = _repo_path(spec.path, here, root)
    full = root / rel if rel else root
    try:
        return full.relative_to(here.resolve())
    except ValueError:
        return full


class SideFailed(MaltraceError):
    """One side of a diff could not be read: ``side`` is "old" or "new", ``label`` what the
    planner gave, ``error`` a ``LoadFailed`` or a ``SourceError``."""

    code = "side-failed"
    key = "diff.side_failed"

    def __init__(self, side: str, label: str, error: MaltraceError) -> None:
        super().__init__(side=f"{side.upper()} ({label})")
        self.side = side
        self.label = label
        self.error = error

    def as_dict(self, lang: Lang) -> dict[str, Any]:
        """The load-error JSON of the side that failed (a git problem as one error)."""
        if isinstance(self.error, LoadFailed):
            return self.error.as_dict(lang)
        error = {"code": self.error.code.replace("_", "-"), "file": self.label, "line": 0}
        return {
            "schema_version": 1,
            "load_errors": [{**error, "message": self.error.message(lang)}],
        }


def read_sides(
    old: Sequence[str | os.PathLike[str]],
    new: Sequence[str | os.PathLike[str]] | None,
    *,
    cwd: str | os.PathLike[str] | None = None,
    hashed: bool = True,
) -> tuple[PlanFiles, PlanFiles, str, str]:
    """Read OLD and NEW (folders, files or one ``REV:PATH`` each). NEW defaults to the working
    tree when OLD is one ``REV:PATH``. Raises ``SideFailed`` (with a ``SourceError``) or
    ``MaltraceError`` (``new-missing``) when NEW is missing and cannot be defaulted."""
    old_label = " ".join(os.fspath(p) for p in old)
    if not new:
        spec = parse_spec(old[0], cwd=cwd) if len(old) == 1 else None
        if spec is None:
            raise MaltraceError("new-missing", key="diff.new_missing")
        try:
            new = [working_tree_path(spec, cwd=cwd)]
        except SourceError as exc:
            raise SideFailed("new", str(spec.path), exc) from None
    new_label = " ".join(os.fspath(p) for p in new)
    try:
        old_found = read_source(old, cwd=cwd, hashed=hashed)
    except SourceError as exc:
        raise SideFailed("old", old_label, exc) from None
    try:
        new_found = read_source(new, cwd=cwd, hashed=hashed)
    except SourceError as exc:
        raise SideFailed("new", new_label, exc) from None
    return old_found, new_found, old_label, new_label

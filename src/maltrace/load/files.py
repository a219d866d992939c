"""Finding plan files, and writing output files whole."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from maltrace.errors import MaltraceError

PLAN_SUFFIXES = (".yaml", ".yml")


def find_plan_files(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Path], list[Path]]:
    """Expand folders (recursively) into plan files, in a stable order.

    Returns ``(files, missing)``: the plan files found, and the given paths that do not exist.
    Hidden folders (``.git``) are skipped; a file named explicitly is taken whatever its suffix.
    """
    files: list[Path] = []
    missing: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in PLAN_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.exists():
            found = [path]
        else:
            missing.append(path)
            continue
        for p in found:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                files.append(p)
    return files, missing


def write_atomic(
    path: str | os.PathLike[str], data: bytes | str, *, protect: Iterable[Path] = ()
) -> None:
    """Write ``data`` to ``path`` whole: a temp file in the same folder, then a rename.

    A reader never sees half a file, and a crash leaves the old file as it was. ``protect`` lists
    files that must never be written over (the plan files that were read).
    """
    target = Path(path)
    resolved = target.resolve()
    for p in protect:
        if Path(p).resolve() == resolved:
            raise ProtectedFileError(target)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            # Keep the permissions a user gave the old file.
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ProtectedFileError(MaltraceError):
    """Raised instead of writing over a plan file that was read."""

    code = "protected-file"
    key = "report.protected"

    def __init__(self, path: Path) -> None:
        super().__init__(path=path)
        self.path = path


def file_stem(text: str) -> str:
    """``text`` as the stem of a file name: what a file name should not hold made ``-``."""
    return re.sub(r"[^\w.\-]+", "-", text).strip("-.")


def plan_file_names(stems: Iterable[str]) -> list[str]:
    """One ``.yaml`` file name per stem (an empty one is ``plan``), never two alike, not even
    on a file system that ignores case."""
    out: list[str] = []
    seen: set[str] = set()
    for text in stems:
        stem = text or "plan"
        name, n = f"{stem}.yaml", 1
        while name.casefold() in seen:
            n += 1
            name = f"{stem}-{n}.yaml"
        seen.add(name.casefold())
        out.append(name)
    return out

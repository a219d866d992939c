"""A cache of parsed, validated plans, keyed by the content hash of each file.

An optimisation only: a miss, a corrupt entry, an entry from another maltrace or Python
version, or a cache folder that another user owns or can write to, all mean "parse the file",
never an error. Entries are pickles, and unpickling runs code, so an entry is read only from a
folder this user owns and nobody else may write to, and only when it names the maltrace
version, Python version and content hash it was made for.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

from maltrace.load.models import Plan

FORMAT = 1


def _version_tag() -> str:
    import pydantic

    from maltrace._version import __version__

    py = f"{sys.implementation.name}{sys.version_info[0]}.{sys.version_info[1]}"
    return f"v{FORMAT}-maltrace{__version__}-{py}-pydantic{pydantic.VERSION}"


def default_cache_dir() -> Path:
    """``MALTRACE_CACHE_DIR``, else the platform's cache folder (XDG on Linux)."""
    override = os.environ.get("MALTRACE_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "maltrace" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "maltrace"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "maltrace"


def content_key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class PlanCache:
    """Get and put validated plans by the hash of their file's bytes."""

    def __init__(self, folder: Path | None = None) -> None:
        self.root = (folder or default_cache_dir()) / _version_tag()
        self._trusted: bool | None = None

    def _safe_folder(self) -> bool:
        """Only a folder of ours that nobody else can write to is read from."""
        if self._trusted is None:
            self._trusted = _owned_and_private(self.root) and _owned_and_private(self.root.parent)
        return self._trusted

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Plan | None:
        if not self._safe_folder():
            return None
        path = self._path(key)
        try:
            st = path.stat()
            if not _owned(st) or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return None
            entry: Any = pickle.loads(path.read_bytes())
        except Exception:  # a missing, unreadable or corrupt entry is a miss
            return None
        if (
            isinstance(entry, tuple)
            and len(entry) == 3
            and entry[0] == _version_tag()
            and entry[1] == key
            and isinstance(entry[2], Plan)
        ):
            return entry[2]
        return None

    def put(self, key: str, plan: Plan) -> None:
        try:
            folder = self._path(key).parent
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            for p in (self.root.parent, self.root, folder):
                if _owned(p.stat()):
                    os.chmod(p, 0o700)
            payload = pickle.dumps((_version_tag(), key, plan), protocol=pickle.HIGHEST_PROTOCOL)
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(payload)
            os.replace(tmp, self._path(key))
        except Exception:
            # A cache that cannot be written is no cache; the check goes on without it.
            return


def _owned(st: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or st.st_uid == getuid()


def _owned_and_private(path: Path) -> bool:
    try:
        st = path.stat()
    except OSError:
        return False
    return _owned(st) and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)

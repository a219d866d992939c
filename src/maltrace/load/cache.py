"""Caches of parsed plans (keyed by each file's content hash), of whole analyses (keyed by
the hashes of every file in a set) and of drawn pictures (keyed by what drew them).

An optimisation only: a miss, a corrupt entry, an entry from another maltrace, Python or
pydantic version (or from other maltrace source code, as in a development install), or a cache
folder that another user owns or can write to, all mean "do the work again", never an error.
Entries are pickles, and unpickling runs code, so an entry is read only from a folder this user
owns and nobody else may write to, and only when it names the version and key it was made for.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

from maltrace.load.models import Plan

FORMAT = 2


@functools.cache
def _code_fingerprint() -> str:
    # The package's own source: an edited checkout must not be served results of the old code.
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):
        with contextlib.suppress(OSError):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@functools.cache
def _version_tag() -> str:
    import pydantic

    from maltrace._version import __version__

    py = f"{sys.implementation.name}{sys.version_info[0]}.{sys.version_info[1]}"
    return f"v{FORMAT}-maltrace{__version__}-{_code_fingerprint()}-{py}-pydantic{pydantic.VERSION}"


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


class _Store:
    """Pickled entries by key, in a folder of this user's that nobody else can write to."""

    def __init__(self, folder: Path | None = None) -> None:
        self.root = (folder or default_cache_dir()) / _version_tag()
        self._trusted: bool | None = None

    def _path(self, key: str) -> Path:
        raise NotImplementedError

    def _safe_folder(self) -> bool:
        # Only a yes is remembered: a folder this process makes later is asked about again.
        if not self._trusted:
            self._trusted = _owned_and_private(self.root) and _owned_and_private(self.root.parent)
        return self._trusted

    def _read(self, key: str) -> Any:
        """The object stored under ``key``, or None: never an exception."""
        payload = self._read_bytes(key)
        if payload is None:
            return None
        try:
            return _load_entry(payload, key)
        except Exception:  # a corrupt entry is a miss
            return None

    def _read_bytes(self, key: str) -> bytes | None:
        """The bytes stored under ``key`` if this user alone can have written them, or None."""
        if not self._safe_folder():
            return None
        path = self._path(key)
        try:
            st = path.stat()
            if not _owned(st) or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return None
            if not _owned_and_private(path.parent):
                return None
            return path.read_bytes()
        except OSError:  # a missing or unreadable entry is a miss
            return None

    def dumps(self, key: str, obj: Any) -> bytes:
        """An entry's bytes, as ``write`` stores them and ``_load_entry`` reads them back."""
        return pickle.dumps((_version_tag(), key, obj), protocol=pickle.HIGHEST_PROTOCOL)

    def write(self, key: str, payload: bytes) -> None:
        try:
            path = self._path(key)
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            for p in (self.root.parent, self.root, path.parent):
                if _owned(p.stat()):
                    os.chmod(p, 0o700)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(payload)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except Exception:
            # A cache that cannot be written is no cache; the work goes on without it.
            return


def _load_entry(payload: bytes, key: str) -> Any:
    """The object in an entry's bytes if it was made by this very maltrace for ``key``."""
    entry: Any = pickle.loads(payload)
    if (
        isinstance(entry, tuple)
        and len(entry) == 3
        and entry[0] == _version_tag()
        and entry[1] == key
    ):
        return entry[2]
    return None


class PlanCache(_Store):
    """Validated plans by the hash of their file's bytes."""

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Plan | None:
        plan = self._read(key)
        return plan if isinstance(plan, Plan) else None

    def put(self, key: str, plan: Plan) -> None:
        self.write(key, self.dumps(key, plan))


class ResultCache(_Store):
    """Whole results by the key of a set (the hashes of all its files, see ``PlanFiles.key``).

    A set's result can be large (tens of MB for a whole county), so only the ``KEEP`` most
    recently used are kept.
    """

    KEEP = 8

    def _path(self, key: str) -> Path:
        return self.root / "sets" / f"{key}.pickle"

    def get(self, key: str) -> Any:
        found = self._read(key)
        if found is not None:
            with contextlib.suppress(OSError):
                os.utime(self._path(key))  # most recently used: kept longest
        return found

    def put(self, key: str, obj: Any) -> None:
        self.write(key, self.dumps(key, obj))
        with contextlib.suppress(OSError):
            entries = sorted(
                self._path(key).parent.glob("*.pickle"),
                key=lambda p: p.stat().st_mtime,
                reverse=True,
            )
            for old in entries[self.KEEP :]:
                old.unlink(missing_ok=True)


class PictureCache(_Store):
    """Pictures the layout program drew, by ``picture_key`` (the program, its options and the
    DOT): a report drawn again after a small change redraws only what changed. Raw bytes, not
    pickles; the ``KEEP`` most recently used are kept."""

    KEEP = 2000

    def _path(self, key: str) -> Path:
        return self.root / "pictures" / key

    def get(self, key: str) -> bytes | None:
        return self._read_bytes(key)

    def put(self, key: str, data: bytes) -> None:
        self.write(key, data)

    def prune(self) -> None:
        """Remove all but the ``KEEP`` most recently written entries."""
        with contextlib.suppress(OSError):
            folder = self.root / "pictures"
            entries = [e for e in os.scandir(folder) if not e.name.endswith(".tmp")]
            if len(entries) <= self.KEEP:
                return
            entries.sort(key=lambda e: e.stat().st_mtime_ns, reverse=True)
            for old in entries[self.KEEP :]:
                Path(old.path).unlink(missing_ok=True)


def picture_key(program: str, fmt: str, args: tuple[str, ...], dot: str) -> str:
    """What decides a drawing: the program (its path, size and time, so an upgrade is a new
    program), the output format and options, and the DOT."""
    try:
        st = os.stat(program)
        identity = f"{os.path.realpath(program)}|{st.st_size}|{st.st_mtime_ns}"
    except OSError:
        identity = program
    head = "\0".join((identity, fmt, *args)).encode("utf-8")
    return content_key(head + b"\0\0" + dot.encode("utf-8"))


def _owned(st: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or st.st_uid == getuid()


def _owned_and_private(path: Path) -> bool:
    try:
        st = path.stat()
    except OSError:
        return False
    return _owned(st) and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


class EmbeddingCache(_Store):
    """A sentence model's vectors by the hash of the model's name and the text: raw float32
    bytes, not pickles. Kept across maltrace versions (only the model and the text decide a
    vector), in ``embeddings/`` of the cache folder."""

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__(folder)
        self.root = (folder or default_cache_dir()) / "embeddings"

    @staticmethod
    def key(model: str, text: str) -> str:
        return content_key(f"{model}\0{text}".encode())

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / key

    def get_many(self, model: str, texts: list[str]) -> dict[str, Any]:
        """The vectors found for ``texts`` (a text missing or unreadable is left out)."""
        import numpy as np

        out: dict[str, Any] = {}
        for text in texts:
            data = self._read_bytes(self.key(model, text))
            if data and len(data) % 4 == 0:
                out[text] = np.frombuffer(data, dtype="<f4")
        return out

    def put_many(self, model: str, vectors: dict[str, Any]) -> None:
        import numpy as np

        for text, vector in vectors.items():
            self.write(self.key(model, text), np.asarray(vector, dtype="<f4").tobytes())

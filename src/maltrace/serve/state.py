"""What the server knows: the plan files as last read, their version, their analysis, the edits
made (for undo), and who listens for changes.

One lock orders every read of the folder and every write: an edit is checked against the files
as they are on disk at that moment (not as the watcher last saw them), so an edit made from a
stale page is refused, never written over someone else's.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from maltrace import api
from maltrace.api import EditRefused, LoadFailed
from maltrace.errors import MaltraceError

if TYPE_CHECKING:
    from maltrace.api import Analysis, FileEdit, PlanFiles

# Edits kept for undo (the last first); older ones are forgotten.
UNDO_DEPTH = 50


class Stale(MaltraceError):
    """The edit was made against ``base``, but the files are now at ``version`` (the page
    answers 409 and reloads)."""

    code = "stale"

    def __init__(self, version: str) -> None:
        super().__init__(version=version)
        self.version = version


@dataclass
class Snapshot:
    """The plan files at one version, and what was made of them. ``analysis`` is None when they
    do not load (``errors`` says why). ``memo`` keeps answers made from this version (JSON and
    pages), keyed by what was asked."""

    version: str
    files: dict[str, bytes]
    analysis: Analysis | None
    errors: LoadFailed | None
    memo: dict[tuple[Any, ...], Any] = field(default_factory=dict)

    def remember(self, key: tuple[Any, ...], make: Callable[[], Any]) -> Any:
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]


@dataclass(frozen=True)
class Outcome:
    version: str
    files: tuple[str, ...]


class ServeState:
    def __init__(self, paths: Sequence[str | Path], *, read_only: bool = False) -> None:
        self.paths = [Path(p) for p in paths]
        self.read_only = read_only
        self._lock = threading.RLock()
        self._undo: list[FileEdit] = []
        self._listeners: set[asyncio.Queue[str]] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self.snapshot = self._load()

    # -- reading ---------------------------------------------------------------------------

    def _load(self, found: PlanFiles | None = None) -> Snapshot:
        found = found or api.read_plans(self.paths)
        version = api.files_version(found)
        files = {str(p): d for p, d in zip(found.files, found.data, strict=True) if d is not None}
        try:
            analysis: Analysis | None = api.check_files(found)
            errors = None
        except LoadFailed as exc:
            analysis, errors = None, exc
        return Snapshot(version, files, analysis, errors)

    def refresh(self) -> bool:
        """Read the folder again; True when any byte changed (the listeners are told)."""
        with self._lock:
            found = api.read_plans(self.paths)
            if api.files_version(found) == self.snapshot.version:
                return False
            self.snapshot = self._load(found)
            version = self.snapshot.version
        self._notify(version)
        return True

    @property
    def version(self) -> str:
        return self.snapshot.version

    @property
    def writable(self) -> bool:
        return not self.read_only and self.snapshot.analysis is not None

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    # -- writing ---------------------------------------------------------------------------

    def edit(self, base: str, make: Callable[[Analysis], FileEdit | None]) -> Outcome:
        """Make the edit ``make`` plans on the current analysis, when ``base`` is the current
        version of the files on disk. Raises ``Stale`` or ``EditRefused``."""
        with self._lock:
            snap = self._current(base)
            if snap.analysis is None:
                raise EditRefused("load-errors")
            planned = make(snap.analysis)
            if planned is None:
                return Outcome(snap.version, ())
            if snap.files.get(str(planned.path)) != planned.before:
                self.refresh()
                raise Stale(self.snapshot.version)
            self._write(planned, api.write_edit)
            self._undo.append(planned)
            del self._undo[:-UNDO_DEPTH]
            self.refresh()
            return Outcome(self.snapshot.version, (str(planned.path),))

    def undo(self, base: str) -> Outcome:
        """Put back the bytes the last edit replaced, when its file is still as it left it."""
        with self._lock:
            self._current(base)
            if not self._undo:
                raise EditRefused("nothing-to-undo")
            last = self._undo[-1]
            self._write(last, api.undo_edit)
            self._undo.pop()
            self.refresh()
            return Outcome(self.snapshot.version, (str(last.path),))

    def _current(self, base: str) -> Snapshot:
        if self.read_only:
            raise EditRefused("read-only")
        self.refresh()
        if base != self.snapshot.version:
            raise Stale(self.snapshot.version)
        return self.snapshot

    def _write(self, edit: FileEdit, write: Callable[[FileEdit], Any]) -> None:
        result = write(edit)
        if result.status == "changed":
            self.refresh()
            raise Stale(self.snapshot.version)
        if result.status != "written":
            raise EditRefused("cannot-write", {"file": str(edit.path), "reason": result.reason})

    # -- listening -------------------------------------------------------------------------

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop

    def listen(self) -> asyncio.Queue[str]:
        queue: asyncio.Queue[str] = asyncio.Queue(maxsize=16)
        self._listeners.add(queue)
        return queue

    def unlisten(self, queue: asyncio.Queue[str]) -> None:
        self._listeners.discard(queue)

    def close_streams(self) -> None:
        """Tell every listener to end its stream (the server is stopping: open event streams
        would otherwise hold it until they are cut)."""
        self._notify("")

    def _notify(self, version: str) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        for queue in list(self._listeners):
            loop.call_soon_threadsafe(_offer, queue, version)

    def folders(self) -> list[Path]:
        """What the watcher watches: each folder given, and the folder of each file given."""
        out: list[Path] = []
        for p in self.paths:
            folder = p if p.is_dir() else p.parent
            resolved = folder.resolve()
            if resolved not in out:
                out.append(resolved)
        return out


def _offer(queue: asyncio.Queue[str], version: str) -> None:
    # A listener that does not keep up only needs the newest version.
    with contextlib.suppress(asyncio.QueueEmpty):
        while queue.full():
            queue.get_nowait()
    queue.put_nowait(version)

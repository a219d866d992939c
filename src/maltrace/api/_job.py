"""What every job shares: its paths as a list, and the one garbage-collector pause.

A job builds hundreds of thousands of objects that all live until it ends. Python's cyclic
collector would walk them again and again for nothing (357 kommunar: 4 s of 24), so it is off
for the whole job — one pause, here, rather than one per step. Reference counting still frees
what is dropped. A one-shot process (the command line) also freezes what the job built when it
ends, so the collector never walks it again; a long-lived one (the web app) must not, or every
analysis it replaces would stay in memory.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

PathsLike = Sequence[str | os.PathLike[str]] | str | os.PathLike[str]

# Set by the command line: it runs one job and exits.
ONE_SHOT = False


def as_paths(value: PathsLike | None, default: str = "plans") -> list[str | os.PathLike[str]]:
    if value is None:
        return [Path(default)]
    if isinstance(value, (str, os.PathLike)):
        return [value]
    return list(value) or [Path(default)]


@contextmanager
def job() -> Iterator[None]:
    """Run a job with the collector paused (see the module's docstring)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if ONE_SHOT:
            gc.freeze()
        if was_enabled:
            gc.enable()

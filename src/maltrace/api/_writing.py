"""What a job that writes files gives back, and how its failures to write are said."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from maltrace.errors import MaltraceError
from maltrace.i18n import Lang


@dataclass(frozen=True)
class Written:
    """The files a job wrote, and the job's language (to say so in)."""

    files: list[Path]
    lang: Lang


@contextmanager
def writing(output: str | os.PathLike[str], lang: Lang) -> Iterator[None]:
    """Errors while writing ``output`` in the job's language; a file that cannot be written
    (no such folder, no permission, a full disk) as a ``MaltraceError`` too."""
    try:
        yield
    except MaltraceError as exc:
        exc.lang = lang
        raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        error = MaltraceError("cannot-write", key="report.cannot_write", path=output, reason=reason)
        error.lang = lang
        raise error from None

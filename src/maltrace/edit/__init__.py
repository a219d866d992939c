"""The only code that writes into plan files: small in-place edits at recorded positions.

Everything else in a file stays byte for byte as it was (comments, order, quoting, blank
lines); a file that changed since it was read is never written; every write is whole (a temp
file, then a rename). ``edit`` reads ``load`` and ``analysis`` results; nothing renders here.
"""

from maltrace.edit.accept import (
    AcceptedLink,
    AcceptedRows,
    AcceptPlan,
    plan_accept_from,
    plan_accepted,
    read_accepted,
)
from maltrace.edit.relink import (
    ApplyResult,
    FileEdit,
    LinkEdit,
    RelinkPlan,
    apply_edits,
    apply_relink,
    plan_relink,
)

__all__ = [
    "AcceptPlan",
    "AcceptedLink",
    "AcceptedRows",
    "ApplyResult",
    "FileEdit",
    "LinkEdit",
    "RelinkPlan",
    "apply_edits",
    "apply_relink",
    "plan_accept_from",
    "plan_accepted",
    "plan_relink",
    "read_accepted",
]

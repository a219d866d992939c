"""``maltrace schema``: the JSON Schema of a plan file."""

from __future__ import annotations

import sys

from maltrace.cli._common import (
    app,
)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a plan file (for editors that check YAML as you type)."""
    import json

    from maltrace.load.models import json_schema

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")

"""The JSON Schema of a plan file, for editors that check YAML as you type.

Derived from the models (so keys added to them appear by themselves), then made to judge a file
as maltrace does: internal fields are left out, every text value may also be a number or a
boolean (maltrace reads ``id: 1.10`` and ``title: 2030`` as the text written), and every key
has a description in English with the nynorsk word beside it.
"""

from __future__ import annotations

from typing import Any

from maltrace.i18n import has, t
from maltrace.load.models import Plan

INTERNAL = ("line", "key_lines", "source")
_SCALAR = ["string", "number", "boolean"]


def _description(key: str) -> str | None:
    nn_word = t(f"excel.col.{key}", "nn") if has(f"excel.col.{key}") else None
    if has(f"schema.{key}"):
        en = t(f"schema.{key}", "en")
        nn = nn_word or t(f"schema.{key}", "nn")
        return f"{en} (nn: {nn})"
    return f"{key} (nn: {nn_word})" if nn_word else None


def _loosen(schema: Any) -> Any:
    """Text may be written as a number or boolean; maltrace keeps it as written."""
    if isinstance(schema, list):
        return [_loosen(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out = {k: _loosen(v) for k, v in schema.items()}
    if out.get("type") == "string" and out.get("format") == "date":
        # Editors treat ``format`` as a note only; the pattern makes them check it.
        out["pattern"] = r"^\d{4}-\d{2}-\d{2}$"
    elif out.get("type") == "string" and "format" not in out and "enum" not in out:
        out["type"] = list(_SCALAR)
    elif out.get("type") in ("number", "integer"):
        out["type"] = [out["type"], "string"]  # "85,5": maltrace reads a decimal comma too
    return out


def plan_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one plan file."""
    schema: dict[str, Any] = Plan.model_json_schema(by_alias=False, mode="validation")
    objects = [schema, *schema.get("$defs", {}).values()]
    for obj in objects:
        props = obj.get("properties")
        if not isinstance(props, dict):
            continue
        for key in INTERNAL:
            # ``source`` is internal on a plan (where it was read from), data on an indicator.
            if key != "source" or obj is schema:
                props.pop(key, None)
        for key, prop in props.items():
            prop.pop("title", None)
            text = _description(key)
            if text:
                prop["description"] = text
    schema = _loosen(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "maltrace plan file"
    schema["description"] = "One plan of a maltrace plan set; see the README, 'The plan files'."
    return schema

"""Excel import/export/template, maltrace init, schema descriptions (issue 13)."""

# key -> (nn, nb, en)
TEXTS: dict[str, tuple[str, str, str]] = {}

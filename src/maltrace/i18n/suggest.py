"""maltrace suggest: suggestion words (issue 14)."""

# key -> (nn, nb, en)
TEXTS: dict[str, tuple[str, str, str]] = {}

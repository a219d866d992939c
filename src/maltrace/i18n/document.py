"""Print-grade reports: Word/Excel/HTML page words, diagram splits, orphans in diagrams (issue 10)."""

# key -> (nn, nb, en)
TEXTS: dict[str, tuple[str, str, str]] = {}

"""maltrace diff and relink: change kinds, impact codes, their headings (issue 9)."""

# key -> (nn, nb, en)
TEXTS: dict[str, tuple[str, str, str]] = {}

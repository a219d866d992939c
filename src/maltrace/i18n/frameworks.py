"""Frameworks and ladders: framework words, SDG/LHL/BTH/NF2023 chapter words (issue 12)."""

# key -> (nn, nb, en)
TEXTS: dict[str, tuple[str, str, str]] = {}

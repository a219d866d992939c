"""maltrace status: tiltak status vocabulary, indicator states, måloppnåing (issue 11)."""

# key -> (nn, nb, en)
TEXTS: dict[str, tuple[str, str, str]] = {}

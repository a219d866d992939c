"""Print-grade reports: Word/Excel/HTML page words, diagram splits, orphans in diagrams (issue 10)."""

# key -> (nn, nb, en)
TEXTS: dict[str, tuple[str, str, str]] = {
    # ---- part B: orphans in the diagram, diagrams split per area, the clickable page ------
    "diagram.orphan": ("Utan spor oppover", "Uten spor oppover", "No trace upwards"),
    "diagram.legend.orphan": (
        "Utan spor oppover: følgjer ikkje opp noko mål eller nokon strategi (foreldrelaus)",
        "Uten spor oppover: følger ikke opp noe mål eller noen strategi (foreldreløs)",
        "No trace upwards: follows up no goal or strategy (orphan)",
    ),
}

"""Print-grade reports: Word/Excel/HTML page words, diagram splits, orphans in diagrams (issue 10).

Also the words of the ``control-character`` finding (text normalised at load time)."""

# key -> (nn, nb, en)
TEXTS: dict[str, tuple[str, str, str]] = {
    "finding.control-character": (
        "Teksten på denne lina har kontrollteikn som ikkje kan visast: {chars}. "
        "Dei står som synlege teikn i alt maltrace skriv.",
        "Teksten på denne linjen har kontrolltegn som ikke kan vises: {chars}. "
        "De står som synlige tegn i alt maltrace skriver.",
        "The text on this line holds control characters that cannot be shown: {chars}. "
        "They appear as visible symbols in everything maltrace writes.",
    ),
    "fix.control-character": (
        "Skriv teksten på nytt utan dei (ofte kjem dei med når ein kopierer frå Word eller PDF); "
        "bruk \\n i ein tekst i hermeteikn for eit linjeskift.",
        "Skriv teksten på nytt uten dem (ofte kommer de med når man kopierer fra Word eller PDF); "
        "bruk \\n i en tekst i anførselstegn for et linjeskift.",
        "Retype the text without them (they often come along when copying from Word or a PDF); "
        "use \\n inside a double-quoted text for a line break.",
    ),
}

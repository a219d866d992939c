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
    "doc.page_of": ("Side {page} av {pages}", "Side {page} av {pages}", "Page {page} of {pages}"),
    "doc.bad_template": (
        "Kan ikkje bruke {path} som Word-mal ({reason}). Gi ei .docx-fil, til dømes eit tomt "
        "dokument med stilane til kommunen.",
        "Kan ikke bruke {path} som Word-mal ({reason}). Gi en .docx-fil, for eksempel et tomt "
        "dokument med stilene til kommunen.",
        "Cannot use {path} as a Word template ({reason}). Give a .docx file, such as an empty "
        "document with the kommune's styles.",
    ),
    "doc.matrix_too_big": (
        "Sporingsmatrisa ({rows} mål × {columns} oppfølgingar) er for stor for sider; "
        "ho står i Excel-rapporten (maltrace report -o rapport.xlsx).",
        "Sporingsmatrisen ({rows} mål × {columns} oppfølginger) er for stor for sider; "
        "den står i Excel-rapporten (maltrace report -o rapport.xlsx).",
        "The trace matrix ({rows} goals × {columns} follow-ups) is too big for pages; "
        "it is in the Excel report (maltrace report -o report.xlsx).",
    ),
    "doc.template_only_docx": (
        "--template gjeld berre Word-rapportar (.docx), ikkje {suffix}.",
        "--template gjelder bare Word-rapporter (.docx), ikke {suffix}.",
        "--template applies to Word reports (.docx) only, not {suffix}.",
    ),
}

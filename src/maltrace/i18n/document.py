"""Print-grade reports: Word/Excel/HTML page words, diagram splits, orphans in diagrams.

Also the words of the ``control-character`` finding (text normalised at load time)."""

# key -> (nn, nb, en)
TEXTS: dict[str, tuple[str, str, str]] = {
    # ---- part B: orphans in the diagram, diagrams split per area, the clickable page ------
    "diagram.orphan": ("Utan spor oppover", "Uten spor oppover", "No trace upwards"),
    "diagram.justified": (
        "Grunngitt: ikkje følgd opp",
        "Begrunnet: ikke fulgt opp",
        "Justified: not followed up",
    ),
    "diagram.legend.justified": (
        "Grunngitt: ikkje følgd opp, og planen seier kvifor (grunnen står i boksen)",
        "Begrunnet: ikke fulgt opp, og planen sier hvorfor (grunnen står i boksen)",
        "Justified: not followed up, and the plan says why (the reason is in the box)",
    ),
    "diagram.legend.orphan": (
        "Utan spor oppover: følgjer ikkje opp noko mål eller nokon strategi",
        "Uten spor oppover: følger ikke opp noe mål eller noen strategi",
        "No trace upwards: follows up no goal or strategy (orphan)",
    ),
    "diagram.part_of": (
        "{heading} (del {part} av {parts})",
        "{heading} (del {part} av {parts})",
        "{heading} (part {part} of {parts})",
    ),
    "diagram.heading.plan_goals": (
        "Den raude tråden for måla i {plan}",
        "Den røde tråden for målene i {plan}",
        "The red thread of the goals of {plan}",
    ),
    "diagram.part_alt": (
        "Diagram: {heading}. Mål som ikkje er følgde opp, har stipla raud ramme.",
        "Diagram: {heading}. Mål som ikke er fulgt opp, har stiplet rød ramme.",
        "Diagram: {heading}. Goals not followed up have a dashed red frame.",
    ),
    "diagram.split_intro": (
        "Heile oversikta har {count:# boks|# boksar} og blir for lita til å lese på ei side, så den raude tråden står her med eitt diagram per satsingsområde.",
        "Hele oversikten har {count:# boks|# bokser} og blir for liten til å lese på en side, så den røde tråden står her med ett diagram per satsingsområde.",
        "The whole overview has {count:# box|# boxes} and would be too small to read on a page, so the red thread is shown here with one diagram per priority area.",
    ),
    "diagram.error.not_a_folder": (
        "{path} er ei fil, ikkje ei mappe. Med --split skriv maltrace éi fil per del i ei mappe: gi -o MAPPE/.",
        "{path} er en fil, ikke en mappe. Med --split skriver maltrace én fil per del i en mappe: gi -o MAPPE/.",
        "{path} is a file, not a folder. With --split maltrace writes one file per part into a folder: give -o FOLDER/.",
    ),
    "diagram.split_written": (
        "Skreiv {count:# diagram|# diagram} i {path}",
        "Skrev {count:# diagram|# diagrammer} i {path}",
        "Wrote {count:# diagram|# diagrams} in {path}",
    ),
    "diagram.error.split_alone": (
        "--split deler heile oversikta i delar; bruk han utan --plan, --goal og --area.",
        "--split deler hele oversikten i deler; bruk den uten --plan, --goal og --area.",
        "--split divides the whole overview into parts; use it without --plan, --goal and --area.",
    ),
    # ---- the clickable HTML page (render/html.py, templates/page.js) ----------------------
    "page.tools": ("Søk og markering", "Søk og markering", "Search and highlight"),
    "page.search": ("Søk i tabellane", "Søk i tabellene", "Search the tables"),
    "page.search_hint": (
        "Skriv ein id eller nokre ord; berre radene som inneheld alle orda, blir viste.",
        "Skriv en id eller noen ord; bare radene som inneholder alle ordene, blir vist.",
        "Type an id or some words; only the rows holding every word are shown.",
    ),
    "page.only_alert": (
        "Vis berre det som ikkje er følgt opp",
        "Vis bare det som ikke er fulgt opp",
        "Show only what is not followed up",
    ),
    "page.reset": ("Fjern markeringa", "Fjern markeringen", "Clear the highlight"),
    "page.hint": (
        "Klikk på (eller vel med Tab og trykk Enter på) eit mål, ein strategi eller eit tiltak – i diagrammet eller i ein tabell – for å sjå den raude tråden hans. Escape eller eit nytt klikk fjernar markeringa.",
        "Klikk på (eller velg med Tab og trykk Enter på) et mål, en strategi eller et tiltak – i diagrammet eller i en tabell – for å se den røde tråden. Escape eller et nytt klikk fjerner markeringen.",
        "Click (or Tab to and press Enter on) a goal, strategy or measure – in the diagram or in a table – to see its red thread. Escape or a second click clears it.",
    ),
    "page.selected": (
        "Den raude tråden for {node}: {count:# element er markert|# element er markerte}.",
        "Den røde tråden for {node}: {count:# element er markert|# elementer er markert}.",
        "The red thread of {node}: {count:# item highlighted|# items highlighted}.",
    ),
    "page.cleared": ("Markeringa er fjerna.", "Markeringen er fjernet.", "Highlight cleared."),
    "report.by_goal_plan": (
        "Oppfølgingsgraden tel alle måla i planane som skal følgjast opp: samfunnsdelen sine og dei kommunedelplanane set sjølve (dei skal handlingsdelen følgje opp). Tabellen viser kvar måla kjem frå; summen er talet over. Satsingsområda gjeld berre samfunnsdelen sine mål.",
        "Oppfølgingsgraden teller alle målene i planene som skal følges opp: samfunnsdelens og dem kommunedelplanene setter selv (dem skal handlingsdelen følge opp). Tabellen viser hvor målene kommer fra; summen er tallet over. Satsingsområdene gjelder bare samfunnsdelens mål.",
        "The coverage counts every goal of the plans to be followed up: the samfunnsdel's and those the kommunedelplanar set themselves (for the handlingsdel to follow up). The table shows where the goals come from; they add up to the figure above. The areas hold the samfunnsdel's goals only.",
    ),
    "report.alert_legend": (
        "Raude rader i tabellane: mål som ikkje er følgde opp, planar og satsingsområde med slike mål, det som ikkje har spor oppover, og feil i planfilene.",
        "Røde rader i tabellene: mål som ikke er fulgt opp, planer og satsingsområder med slike mål, det som ikke har spor oppover, og feil i planfilene.",
        "Red rows in the tables: goals not followed up, plans and areas with such goals, what has no trace upwards, and errors in the plan files.",
    ),
    "diagram.alt_counts": (
        "Mål i biletet: {goals}; strategiar og tiltak: {others}. Ikkje følgde opp: {missing}.",
        "Mål i bildet: {goals}; strategier og tiltak: {others}. Ikke fulgt opp: {missing}.",
        "Goals in the picture: {goals}; strategies and measures: {others}. Not followed up: {missing}.",
    ),
    "report.set_by": ("Mål sett i", "Mål satt i", "Goals set in"),
    "report.total": ("I alt", "I alt", "Total"),
    "report.appendix": (
        "Vedlegg {letter}: {heading}",
        "Vedlegg {letter}: {heading}",
        "Appendix {letter}: {heading}",
    ),
    "report.appendix_note": (
        "Detaljane står i vedlegga bak: {names}.",
        "Detaljene står i vedleggene bak: {names}.",
        "The details are in the appendices: {names}.",
    ),
    "page.no_match": ("Ingen treff.", "Ingen treff.", "No matches."),
    "page.rows": (
        "{shown} av {total:# rad|# rader} blir {shown:vist|viste}.",
        "{shown} av {total:# rad|# rader} vises.",
        "{shown} of {total:# row|# rows} shown.",
    ),
    "diagram.area_coverage": (
        "Oppfølgingsgrad i {area}: {percent} ({followed} av {total:# mål|# mål} i satsingsområdet er {followed:følgt|følgde} opp)",
        "Oppfølgingsgrad i {area}: {percent} ({followed} av {total:# mål|# mål} i satsingsområdet er fulgt opp)",
        "Coverage in {area}: {percent} ({followed} of {total:# goal|# goals} of the priority area followed up)",
    ),
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
        "Sporingsmatrisa ({rows:# mål|# mål} × {columns:# oppfølging|# oppfølgingar}) er for stor for sider; ho står i Excel-rapporten (maltrace report -o rapport.xlsx).",
        "Sporingsmatrisen ({rows:# mål|# mål} × {columns:# oppfølging|# oppfølginger}) er for stor for sider; den står i Excel-rapporten (maltrace report -o rapport.xlsx).",
        "The trace matrix ({rows:# goal|# goals} × {columns:# follow-up|# follow-ups}) is too big for pages; it is in the Excel report (maltrace report -o report.xlsx).",
    ),
    "doc.template_only_docx": (
        "--template gjeld berre Word-rapportar (.docx), ikkje {suffix}.",
        "--template gjelder bare Word-rapporter (.docx), ikke {suffix}.",
        "--template applies to Word reports (.docx) only, not {suffix}.",
    ),
}

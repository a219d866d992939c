"""maltrace status: tiltak status vocabulary, indicator states, måloppnåing."""

# key -> (nn, nb, en)
TEXTS: dict[str, tuple[str, str, str]] = {
    # ---- justified gaps (check, report) --------------------------------------------------
    "severity.info": ("merknad", "merknad", "note"),
    "finding.not-followed-up-justified": (
        "Målet {node} «{title}» ({plan}) er ikkje følgt opp, med grunngiving: {reason}",
        "Målet {node} «{title}» ({plan}) er ikke fulgt opp, med begrunnelse: {reason}",
        "Goal {node} “{title}” ({plan}) is not followed up, with the reason: {reason}",
    ),
    "fix.not-followed-up-justified": (
        "Ingenting å rette no. Målet tel framleis som ikkje følgt opp i oppfølgingsgraden; fjern grunngivinga («Grunn: ikkje følgd opp») når ein plan følgjer det opp.",
        "Ingenting å rette nå. Målet teller fortsatt som ikke fulgt opp i oppfølgingsgraden; fjern begrunnelsen («Grunn: ikke fulgt opp») når en plan følger det opp.",
        "Nothing to fix now. The goal still counts as not followed up in the coverage; remove reason_not_followed_up when a plan follows it up.",
    ),
    "finding.no-link-justified": (
        "{kind_word} {node} «{title}» ({plan}) har inga lenkje oppover, med grunngiving: {reason}",
        "{kind_word} {node} «{title}» ({plan}) har ingen lenke oppover, med begrunnelse: {reason}",
        "{kind_word} {node} “{title}” ({plan}) has no trace upwards, with the reason: {reason}",
    ),
    "fix.no-link-justified": (
        "Ingenting å rette. Fjern grunngivinga («Grunn: utan kopling») om {node} seinare skal følgje opp eit mål.",
        "Ingenting å rette. Fjern begrunnelsen («Grunn: uten kobling») om {node} senere skal følge opp et mål.",
        "Nothing to fix. Remove reason_no_link if {node} comes to follow up a goal.",
    ),
    "check.justified": (
        "Grunngjevne avvik (tel som ikkje følgde opp)",
        "Begrunnede avvik (teller som ikke fulgt opp)",
        "Justified gaps (counted as not followed up)",
    ),
    "check.summary_infos": (
        "Merknader (grunngjevne avvik): {infos}.",
        "Merknader (begrunnede avvik): {infos}.",
        "Notes (justified gaps): {infos}.",
    ),
    "col.reason": ("Grunngiving", "Begrunnelse", "Reason"),
    # ---- unknown tiltak status -------------------------------------------------------------
    "finding.unknown-status": (
        "Tiltaket {node} «{title}» har ein status maltrace ikkje kjenner: «{value}».",
        "Tiltaket {node} «{title}» har en status maltrace ikke kjenner: «{value}».",
        "Measure {node} “{title}” has a status maltrace does not know: “{value}”.",
    ),
    "fix.unknown-status": (
        "Skriv ein av: ikkje starta, pågår, fullført, utsett, avlyst. Til no tel han som ukjend.",
        "Skriv en av: ikke startet, pågår, fullført, utsatt, avlyst. Inntil videre teller den "
        "som ukjent.",
        "Write one of: not started, ongoing, done, postponed, cancelled. Until then it counts as "
        "unknown.",
    ),
    # ---- measurements CSV (load errors, exit 2) ---------------------------------------------
    "load.measurements_unreadable": (
        "Kan ikkje lese fila med måletal «{path}» som planen viser til i measurements ({reason}). "
        "Sjekk namnet; stien er relativ til planfila.",
        "Kan ikke lese filen med måltall «{path}» som planen viser til i measurements ({reason}). "
        "Sjekk navnet; stien er relativ til planfilen.",
        "Cannot read the measurements file “{path}” the plan names ({reason}). Check the name; "
        "the path is relative to the plan file.",
    ),
    "load.measurements_columns": (
        "Rada har {found} kolonnar; kvar rad skal ha tre: indikator;år;verdi.",
        "Raden har {found} kolonner; hver rad skal ha tre: indikator;år;verdi.",
        "The row has {found} columns; every row needs three: indicator;year;value.",
    ),
    "load.measurements_unknown_indicator": (
        "Ingen indikator har ID-en «{indicator}».{hint} Bruk ID-en frå indicators i planen.",
        "Ingen indikator har ID-en «{indicator}».{hint} Bruk ID-en fra indicators i planen.",
        "No indicator has the id “{indicator}”.{hint} Use an id from the plan's indicators.",
    ),
    "load.measurements_bad_year": (
        "«{value}» er ikkje eit årstal. Skriv året med fire siffer, til dømes 2025.",
        "«{value}» er ikke et årstall. Skriv året med fire sifre, for eksempel 2025.",
        "“{value}” is not a year. Write the year with four digits, such as 2025.",
    ),
    "load.measurements_bad_value": (
        "«{value}» er ikkje eit tal. Skriv til dømes 72,5 eller 1250 (utan eining).",
        "«{value}» er ikke et tall. Skriv for eksempel 72,5 eller 1250 (uten enhet).",
        "“{value}” is not a number. Write, say, 72.5 or 1250 (no unit).",
    ),
    "load.measurements_duplicate": (
        "{indicator} har alt ein verdi for {year} (linje {other_line}). Behald berre éin.",
        "{indicator} har allerede en verdi for {year} (linje {other_line}). Behold bare én.",
        "{indicator} already has a value for {year} (line {other_line}). Keep only one.",
    ),
    # ---- status codes and indicator states ---------------------------------------------------
    "st.code.not-started": ("ikkje starta", "ikke startet", "not started"),
    "st.code.ongoing": ("pågår", "pågår", "ongoing"),
    "st.code.done": ("fullført", "fullført", "done"),
    "st.code.postponed": ("utsett", "utsatt", "postponed"),
    "st.code.cancelled": ("avlyst", "avlyst", "cancelled"),
    "st.code.unknown": ("ukjend", "ukjent", "unknown"),
    "st.code.none": ("ikkje oppgitt", "ikke oppgitt", "not given"),
    "st.overdue": ("over fristen", "over fristen", "overdue"),
    "st.state.reached": ("nådd", "nådd", "reached"),
    "st.state.on-track": ("i rute", "i rute", "on track"),
    "st.state.behind": ("på etterskot", "på etterskudd", "behind"),
    "st.state.no-data": ("utan tal", "uten tall", "no data"),
    "st.direction.up": ("høgare er betre", "høyere er bedre", "higher is better"),
    "st.direction.down": ("lågare er betre", "lavere er bedre", "lower is better"),
    # ---- maltrace status: text and report ----------------------------------------------------
    "st.title": ("Måloppnåing", "Måloppnåelse", "Goal achievement"),
    "st.today": ("Per {date}", "Per {date}", "As of {date}"),
    "st.headline": (
        "Tiltak: {total}. Fullført {done}, pågår {ongoing}, ikkje starta {not_started}, "
        "utsett {postponed}, avlyst {cancelled}. Over fristen: {overdue}.",
        "Tiltak: {total}. Fullført {done}, pågår {ongoing}, ikke startet {not_started}, "
        "utsatt {postponed}, avlyst {cancelled}. Over fristen: {overdue}.",
        "Measures: {total}. Done {done}, ongoing {ongoing}, not started {not_started}, "
        "postponed {postponed}, cancelled {cancelled}. Overdue: {overdue}.",
    ),
    "st.headline_other": (
        "Utan kjend status: {unknown:# ukjend|# ukjende}, {none:# ikkje oppgitt|# ikkje oppgitt}.",
        "Uten kjent status: {unknown:# ukjent|# ukjente}, {none:# ikke oppgitt|# ikke oppgitt}.",
        "Without a known status: {unknown:# unknown|# unknown}, {none:# not given|# not given}.",
    ),
    "st.indicators_headline": (
        "Indikatorar: {total}. Nådd {reached}, i rute {on_track}, på etterskot {behind}, "
        "utan tal {no_data}.",
        "Indikatorer: {total}. Nådd {reached}, i rute {on_track}, på etterskudd {behind}, "
        "uten tall {no_data}.",
        "Indicators: {total}. Reached {reached}, on track {on_track}, behind {behind}, "
        "no data {no_data}.",
    ),
    "st.section.summary": ("Samandrag", "Sammendrag", "Summary"),
    "st.section.indicators": ("Indikatorar", "Indikatorer", "Indicators"),
    "st.section.goals": (
        "Mål: tiltak og indikatorar",
        "Mål: tiltak og indikatorer",
        "Goals: measures and indicators",
    ),
    "st.section.overdue": ("Tiltak over fristen", "Tiltak over fristen", "Overdue measures"),
    "st.section.tiltak": ("Alle tiltak", "Alle tiltak", "All measures"),
    "st.section.per_plan": ("Tiltak per plan", "Tiltak per plan", "Measures per plan"),
    "st.section.per_area": (
        "Tiltak per satsingsområde",
        "Tiltak per satsingsområde",
        "Measures per priority area",
    ),
    "st.section.justified": (
        "Grunngjevne avvik",
        "Begrunnede avvik",
        "Justified gaps",
    ),
    "st.section.findings": ("Funn", "Funn", "Findings"),
    "st.section.charts": ("Utvikling", "Utvikling", "Trends"),
    "st.none_overdue": (
        "Ingen tiltak er over fristen.",
        "Ingen tiltak er over fristen.",
        "No measure is overdue.",
    ),
    "st.none_indicators": (
        "Ingen mål har indikatorar.",
        "Ingen mål har indikatorer.",
        "No goal has indicators.",
    ),
    "st.none_tiltak": ("Planane har ingen tiltak.", "Planene har ingen tiltak.", "No measures."),
    "st.none_justified": (
        "Ingen grunngjevne avvik.",
        "Ingen begrunnede avvik.",
        "No justified gaps.",
    ),
    "st.none_findings": ("Ingen funn.", "Ingen funn.", "No findings."),
    "st.alert_legend": (
        "Raude rader i tabellane: indikatorar og mål på etterskot, mål med tiltak over fristen, tiltak over fristen og feil i planfilene.",
        "Røde rader i tabellene: indikatorer og mål på etterskudd, mål med tiltak over fristen, tiltak over fristen og feil i planfilene.",
        "Red rows in the tables: indicators and goals behind, goals with overdue measures, overdue measures and errors in the plan files.",
    ),
    "st.fail_on": (
        "Feilar fordi {what}.",
        "Feiler fordi {what}.",
        "Failing because {what}.",
    ),
    "st.fail_on.behind": (
        "{count:# indikator er|# indikatorar er} på etterskot",
        "{count:# indikator er|# indikatorer er} på etterskudd",
        "{count:# indicator is|# indicators are} behind",
    ),
    "st.fail_on.overdue": (
        "{count:# tiltak er|# tiltak er} over fristen",
        "{count:# tiltak er|# tiltak er} over fristen",
        "{count:# measure is|# measures are} overdue",
    ),
    "st.bad_today": (
        "--today må vere ein dato som 2025-06-30, ikkje «{value}».",
        "--today må være en dato som 2025-06-30, ikke «{value}».",
        "--today must be a date such as 2025-06-30, not “{value}”.",
    ),
    # columns
    "st.col.id": ("ID", "ID", "ID"),
    "st.col.indicator": ("Indikator", "Indikator", "Indicator"),
    "st.col.goal": ("Mål", "Mål", "Goal"),
    "st.col.unit": ("Eining", "Enhet", "Unit"),
    "st.col.baseline": ("Utgangspunkt", "Utgangspunkt", "Baseline"),
    "st.col.target": ("Målverdi", "Målverdi", "Target"),
    "st.col.latest": ("Siste", "Siste", "Latest"),
    "st.col.expected": ("Venta no", "Ventet nå", "Expected"),
    "st.col.state": ("Tilstand", "Tilstand", "State"),
    "st.col.status": ("Status", "Status", "Status"),
    "st.col.due": ("Frist", "Frist", "Due"),
    "st.col.responsible": ("Ansvar", "Ansvar", "Responsible"),
    "st.col.overdue": ("Over fristen", "Over fristen", "Overdue"),
    "st.col.total": ("Tiltak", "Tiltak", "Measures"),
    "st.col.plan": ("Plan", "Plan", "Plan"),
    "st.col.area": ("Satsingsområde", "Satsingsområde", "Area"),
    "st.col.title": ("Tittel", "Tittel", "Title"),
    "st.col.cost": ("Kostnad (kr)", "Kostnad (kr)", "Cost (NOK)"),
    "st.col.year": ("År", "År", "Year"),
    "st.col.value": ("Verdi", "Verdi", "Value"),
    "st.col.line": ("Rett linje", "Rett linje", "Straight line"),
    # charts
    "st.chart.values": ("Målt", "Målt", "Measured"),
    "st.chart.target": ("Målverdi", "Målverdi", "Target"),
    "st.chart.line": (
        "Rett linje frå utgangspunkt til mål",
        "Rett linje fra utgangspunkt til mål",
        "Straight line from baseline to target",
    ),
    "st.chart.alt": (
        "Utvikling for {id} {title}: {state}",
        "Utvikling for {id} {title}: {state}",
        "Trend of {id} {title}: {state}",
    ),
    "st.chart.failed": (
        "Kunne ikkje teikne diagrammet: {reason}",
        "Kunne ikke tegne diagrammet: {reason}",
        "Could not draw the chart: {reason}",
    ),
    # diagram marks: signs the bundled Arimo font has (it lacks ✓ and ⚠), never colour alone
    "st.mark.done": ("√ fullført", "√ fullført", "√ done"),
    "st.mark.overdue": ("! over fristen", "! over fristen", "! overdue"),
    "st.mark.cancelled": ("– avlyst", "– avlyst", "– cancelled"),
    "st.mark.postponed": ("… utsett", "… utsatt", "… postponed"),
}

"""The descriptions of a plan file's keys that editors show (the JSON Schema)."""

# Descriptions of the keys of a plan file, shown by editors (JSON Schema); the schema gives the
# English text with the nynorsk word beside it. Keys without an entry get their label only.
TEXTS: dict[str, tuple[str, str, str]] = {
    "schema.plan": (
        "Om planen: id, type, tittel og kva planar han følgjer",
        "Om planen: id, type, tittel og hvilke planer den følger",
        "About the plan: id, type, title and which plans it follows",
    ),
    "schema.areas": (
        "Satsingsområde eller innsatsområde",
        "Satsingsområder eller innsatsområder",
        "Priority areas (satsingsområde / innsatsområde)",
    ),
    "schema.goals": (
        "Mål: hovudmål, og delmål under dei",
        "Mål: hovedmål, og delmål under dem",
        "Goals: main goals, and sub-goals under them",
    ),
    "schema.strategies": (
        "Strategiar (og delstrategiar)",
        "Strategier (og delstrategier)",
        "Strategies (and sub-strategies)",
    ),
    "schema.measures": ("Tiltak", "Tiltak", "Measures (tiltak)"),
    "schema.id": (
        "Id, unik i heile planverket, t.d. KPS-1.2",
        "Id, unik i hele planverket, f.eks. KPS-1.2",
        "Id, unique in the whole plan set, e.g. KPS-1.2",
    ),
    "schema.type": ("Plantype", "Plantype", "Plan type"),
    "schema.title": (
        "Tittel, slik han står i planen",
        "Tittel, slik den står i planen",
        "Title, as written in the plan",
    ),
    "schema.municipality": ("Kommunen", "Kommunen", "The municipality"),
    "schema.language": (
        "Språket i planen: nn, nb eller en",
        "Språket i planen: nn, nb eller en",
        "The plan's language: nn, nb or en",
    ),
    "schema.status": (
        "Status, fritekst (utkast, høyring, vedteken; for tiltak: pågår, fullført …)",
        "Status, fritekst (utkast, høring, vedtatt; for tiltak: pågår, fullført …)",
        "Status, free text (draft, consultation, adopted; for measures: ongoing, done …)",
    ),
    "schema.date": ("Dato, ÅÅÅÅ-MM-DD", "Dato, ÅÅÅÅ-MM-DD", "Date, YYYY-MM-DD"),
    "schema.follows": (
        "Planane som denne planen følgjer opp (id-ane deira)",
        "Planene som denne planen følger opp (id-ene deres)",
        "The plans this plan follows up (their ids)",
    ),
    "schema.relevant_goals": (
        "Måla (eller områda) i planane han følgjer som denne planen svarar for",
        "Målene (eller områdene) i planene den følger som denne planen svarer for",
        "The goals (or areas) of the followed plans this plan answers for",
    ),
    "schema.description": (
        "Skildring, fritekst",
        "Beskrivelse, fritekst",
        "Description, free text",
    ),
    "schema.tags": ("Stikkord", "Stikkord", "Tags"),
    "schema.follows_up": (
        "Id-ane til måla eller strategiane i ein plan som blir følgd, som denne noden følgjer opp",
        "Id-ene til målene eller strategiene i en plan som følges, som denne noden følger opp",
        "Ids of the goals or strategies in a followed plan that this node follows up",
    ),
    "schema.responsible": (
        "Ansvar (eining eller rolle)",
        "Ansvar (enhet eller rolle)",
        "Responsible (unit or role)",
    ),
    "schema.items": (
        "Punkta i eit rammeverk (type: rammeverk), med punkt under punkt",
        "Punktene i et rammeverk (type: rammeverk), med punkter under punkter",
        "The items of a framework (type: rammeverk), items nested under items",
    ),
    "schema.frameworks": (
        "Rammeverka planen rapporterer mot (t.d. sdg)",
        "Rammeverkene planen rapporterer mot (f.eks. sdg)",
        "The frameworks this plan reports against (e.g. sdg)",
    ),
    "schema.ordered": (
        "Eit rammeverk der punkta øvst er trinn i ei trapp, lågaste først",
        "Et rammeverk der punktene øverst er trinn i en trapp, laveste først",
        "A framework whose top items are the steps of a ladder, lowest first",
    ),
    "schema.reference": (
        "Kvar teksten i rammeverket kjem frå",
        "Hvor teksten i rammeverket kommer fra",
        "Where the framework's texts come from",
    ),
    "schema.colour": ("Farge, #RRGGBB", "Farge, #RRGGBB", "Colour, #RRGGBB"),
    "schema.contributes_to": (
        "Punkt i rammeverk som denne noden bidreg til (t.d. SDG-3.4)",
        "Punkter i rammeverk som denne noden bidrar til (f.eks. SDG-3.4)",
        "Framework items this node contributes to (e.g. SDG-3.4)",
    ),
    "schema.indicators": (
        "Indikatorar (styringsindikatorar) for målet",
        "Indikatorer (styringsindikatorer) for målet",
        "Indicators of the goal (styringsindikator)",
    ),
    "schema.unit": ("Eining, t.d. %", "Enhet, f.eks. %", "Unit, e.g. %"),
    "schema.direction": (
        "Retning: up (meir er betre) eller down",
        "Retning: up (mer er bedre) eller down",
        "Direction: up (more is better) or down",
    ),
    "schema.baseline": (
        "Utgangspunkt: år og verdi",
        "Utgangspunkt: år og verdi",
        "Baseline: year and value",
    ),
    "schema.target": (
        "Målverdi: år og verdi",
        "Målverdi: år og verdi",
        "Target: year and value",
    ),
    "schema.values": ("Verdiar per år", "Verdier per år", "Values by year"),
    "schema.year": ("År", "År", "Year"),
    "schema.value": ("Verdi", "Verdi", "Value"),
    "schema.source": ("Kjelde", "Kilde", "Source"),
    "schema.cost": (
        "Kostnad per år (år: beløp)",
        "Kostnad per år (år: beløp)",
        "Cost by year (year: amount)",
    ),
    "schema.measurements": (
        "CSV-fil med måletal (indikator;år;verdi)",
        "CSV-fil med måletall (indikator;år;verdi)",
        "CSV file of measurements (indicator;year;value)",
    ),
    "schema.reason_not_followed_up": (
        "Grunngiving når målet med vilje ikkje blir følgt opp i denne planen",
        "Begrunnelse når målet med vilje ikke følges opp i denne planen",
        "Why the goal is on purpose not followed up in this plan",
    ),
    "schema.reason_no_link": (
        "Grunngiving når noden med vilje ikkje har kopling oppover",
        "Begrunnelse når noden med vilje ikke har kobling oppover",
        "Why the node on purpose has no link upwards",
    ),
    "schema.due": (
        "Frist eller år, fritekst",
        "Frist eller år, fritekst",
        "Due date or year, free text",
    ),
}

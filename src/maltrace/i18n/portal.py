"""Plan-portal records (maal.json, plan.json, kpi.json): import, export and their faults."""

# key -> (nn, nb, en)
TEXTS: dict[str, tuple[str, str, str]] = {
    "portal.record": ("{file}, post {index}", "{file}, post {index}", "{file}, record {index}"),
    # -- faults: the record still placed -------------------------------------------------------
    "portal.fault.own_parent": (
        "er sin eigen overordna (maalOverordnet er eigen maalID); lagd øvst i «{plan}». Rett overordna i Dataverse.",
        "er sin egen overordnede (maalOverordnet er egen maalID); lagt øverst i «{plan}». Rett overordnet i Dataverse.",
        "is its own parent (maalOverordnet is its own maalID); placed at the top of “{plan}”. Correct the parent in Dataverse.",
    ),
    "portal.fault.no_parent": (
        "har ingen overordna; lagd øvst i «{plan}», og check syner om han manglar oppfølging.",
        "har ingen overordnet; lagt øverst i «{plan}», og check viser om den mangler oppfølging.",
        "has no parent; placed at the top of “{plan}”, and check shows whether it follows up nothing.",
    ),
    "portal.fault.cycle": (
        "overordna går i ring ({loop}); ringen er broten her, og posten er lagd øvst i «{plan}».",
        "overordnet går i ring ({loop}); ringen er brutt her, og posten er lagt øverst i «{plan}».",
        "its parents go round in a loop ({loop}); the loop is cut here and the record placed at the top of “{plan}”.",
    ),
    "portal.fault.missing_parent": (
        "overordna {parent} finst ikkje i maal.json; lagd øvst i «{plan}».",
        "overordnet {parent} finnes ikke i maal.json; lagt øverst i «{plan}».",
        "its parent {parent} is not in maal.json; placed at the top of “{plan}”.",
    ),
    "portal.fault.parent_not_placed": (
        "overordna {parent} kunne ikkje plasserast (sjå han i lista); lagd øvst i «{plan}».",
        "overordnet {parent} kunne ikke plasseres (se den i listen); lagt øverst i «{plan}».",
        "its parent {parent} could not be placed (see it in the list); placed at the top of “{plan}”.",
    ),
    "portal.fault.level_mismatch": (
        "kan ikkje stå under {parent} «{parent_title}» (nivået passar ikkje); lagd øvst i «{plan}» og følgjer han opp.",
        "kan ikke stå under {parent} «{parent_title}» (nivået passer ikke); lagt øverst i «{plan}» og følger den opp.",
        "cannot sit under {parent} “{parent_title}” (the levels do not fit); placed at the top of “{plan}”, following it up.",
    ),
    "portal.fault.duplicate_title": (
        "har same tittel som {other} i «{plan}»; begge er tekne med.",
        "har samme tittel som {other} i «{plan}»; begge er tatt med.",
        "has the same title as {other} in “{plan}”; both are kept.",
    ),
    "portal.fault.no_plan_parent": (
        "har ingen plan (maalPlan er tom); lagd i «{plan}», planen til overordna.",
        "har ingen plan (maalPlan er tom); lagt i «{plan}», planen til overordnet.",
        "has no plan (maalPlan is empty); placed in “{plan}”, its parent's plan.",
    ),
    "portal.fault.unknown_plan_parent": (
        "planen {guid_plan} finst ikkje i plan.json; lagd i «{plan}», planen til overordna.",
        "planen {guid_plan} finnes ikke i plan.json; lagt i «{plan}», planen til overordnet.",
        "its plan {guid_plan} is not in plan.json; placed in “{plan}”, its parent's plan.",
    ),
    "portal.fault.unknown_plan_type": (
        "planTyper {code} er ukjend; lest som temaplan. Gje koden i ei kodefil (--codes).",
        "planTyper {code} er ukjent; lest som temaplan. Gi koden i en kodefil (--codes).",
        "planTyper {code} is unknown; read as a temaplan. Give the code in a code file (--codes).",
    ),
    "portal.fault.reserved_tag": (
        "emneknaggen #{tag} merkjer visjonen til planen og er teken bort her (posten er ikkje ein visjon).",
        "emneknaggen #{tag} merker visjonen til planen og er tatt bort her (posten er ikke en visjon).",
        "the tag #{tag} marks the plan's vision and was left out here (the record is not a vision).",
    ),
    "portal.fault.kpi_moved_up": (
        "høyrer til {goal} «{goal_title}», som er ein strategi; indikatoren står på målet over ({above}).",
        "hører til {goal} «{goal_title}», som er en strategi; indikatoren står på målet over ({above}).",
        "belongs to {goal} “{goal_title}”, a strategy; the indicator sits on the goal above ({above}).",
    ),
    # -- faults: the record not placed ---------------------------------------------------------
    "portal.fault.no_plan": (
        "ikkje plassert: posten har ingen plan og ingen overordna med plan. Gje han ein plan i Dataverse.",
        "ikke plassert: posten har ingen plan og ingen overordnet med plan. Gi den en plan i Dataverse.",
        "not placed: the record has no plan and no parent with a plan. Give it a plan in Dataverse.",
    ),
    "portal.fault.unknown_plan": (
        "ikkje plassert: planen {guid_plan} finst ikkje i plan.json, og ingen overordna har ein plan.",
        "ikke plassert: planen {guid_plan} finnes ikke i plan.json, og ingen overordnet har en plan.",
        "not placed: its plan {guid_plan} is not in plan.json, and no parent has a plan.",
    ),
    "portal.fault.unknown_level": (
        "ikkje plassert: maalType {code} er ukjend. Gje koden i ei kodefil (--codes).",
        "ikke plassert: maalType {code} er ukjent. Gi koden i en kodefil (--codes).",
        "not placed: maalType {code} is unknown. Give the code in a code file (--codes).",
    ),
    "portal.fault.bad_record": (
        "ikkje plassert: feltet {field} manglar eller har feil form.",
        "ikke plassert: feltet {field} mangler eller har feil form.",
        "not placed: the field {field} is missing or of the wrong shape.",
    ),
    "portal.fault.duplicate_id": (
        "ikkje plassert: same maalID som ein post før; den første er teken med.",
        "ikke plassert: samme maalID som en post før; den første er tatt med.",
        "not placed: the same maalID as an earlier record; the first one is kept.",
    ),
    "portal.fault.bad_plan": (
        "ikkje lesen: feltet {field} manglar eller har feil form.",
        "ikke lest: feltet {field} mangler eller har feil form.",
        "not read: the field {field} is missing or of the wrong shape.",
    ),
    "portal.fault.duplicate_plan": (
        "ikkje lesen: same planID som ein plan før; den første er teken med.",
        "ikke lest: samme planID som en plan før; den første er tatt med.",
        "not read: the same planID as an earlier plan; the first one is kept.",
    ),
    "portal.fault.bad_kpi": (
        "ikkje plassert: feltet {field} manglar eller har feil form.",
        "ikke plassert: feltet {field} mangler eller har feil form.",
        "not placed: the field {field} is missing or of the wrong shape.",
    ),
    "portal.fault.kpi_no_goal": (
        "ikkje plassert: målet {goal} finst ikkje (eller kunne ikkje plasserast).",
        "ikke plassert: målet {goal} finnes ikke (eller kunne ikke plasseres).",
        "not placed: the goal {goal} does not exist (or could not be placed).",
    ),
    "portal.fault.kpi_not_goal": (
        "ikkje plassert: {goal} «{goal_title}» er ikkje eit mål og står ikkje under eit mål.",
        "ikke plassert: {goal} «{goal_title}» er ikke et mål og står ikke under et mål.",
        "not placed: {goal} “{goal_title}” is not a goal and sits under no goal.",
    ),
    "portal.fault.kpi_no_values": (
        "ikkje plassert: ingen mål (target) eller ingen verdiar for regionen {region}.",
        "ikke plassert: ingen mål (target) eller ingen verdier for regionen {region}.",
        "not placed: no target, or no values for the region {region}.",
    ),
    # -- whole files ---------------------------------------------------------------------------
    "portal.unreadable": (
        "{file}: {reason}. Ingenting er skrive.",
        "{file}: {reason}. Ingenting er skrevet.",
        "{file}: {reason}. Nothing was written.",
    ),
    "portal.unreadable_at": (
        "{file}:{line}:{column}: ikkje gyldig JSON ({reason}). Ingenting er skrive.",
        "{file}:{line}:{column}: ikke gyldig JSON ({reason}). Ingenting er skrevet.",
        "{file}:{line}:{column}: not valid JSON ({reason}). Nothing was written.",
    ),
    "portal.not_portal": (
        "{folder} er ei mappe utan maal.json og plan.json. Gje ei arbeidsbok (.xlsx), ei CSV-fil eller ei mappe med data frå planportalen.",
        "{folder} er en mappe uten maal.json og plan.json. Gi en arbeidsbok (.xlsx), en CSV-fil eller en mappe med data fra planportalen.",
        "{folder} is a folder without maal.json and plan.json. Give a workbook (.xlsx), a CSV file or a folder of plan-portal data.",
    ),
    "portal.map_bad": (
        "Kodefila {path} kan ikkje brukast: {reason}",
        "Kodefilen {path} kan ikke brukes: {reason}",
        "The code file {path} cannot be used: {reason}",
    ),
    "portal.nothing": (
        "Ingen post i {folder} kunne plasserast i ein plan; ingenting er skrive.",
        "Ingen post i {folder} kunne plasseres i en plan; ingenting er skrevet.",
        "No record in {folder} could be placed in a plan; nothing was written.",
    ),
    # -- the command's report ------------------------------------------------------------------
    "portal.cli.read": (
        "Las planportal-data i {folder}: {plans:# plan|# planar}, {count:# post|# postar}.",
        "Leste planportal-data i {folder}: {plans:# plan|# planer}, {count:# post|# poster}.",
        "Read plan-portal data in {folder}: {plans:# plan|# plans}, {count:# record|# records}.",
    ),
    "portal.cli.plan_line": (
        "  {file}: «{title}», {nodes:# post|# postar}",
        "  {file}: «{title}», {nodes:# post|# poster}",
        "  {file}: “{title}”, {nodes:# record|# records}",
    ),
    "portal.cli.placed_with_faults": (
        "Plassert, men med feil ({count}):",
        "Plassert, men med feil ({count}):",
        "Placed, with faults ({count}):",
    ),
    "portal.cli.not_placed": (
        "Ikkje plassert ({count}); ingenting av desse er skrive:",
        "Ikke plassert ({count}); ingenting av disse er skrevet:",
        "Not placed ({count}); nothing of these was written:",
    ),
    "portal.comment.source": (
        "Frå planportalen (plan.json, planID {guid}). Id-ane er GUID-ane frå Dataverse.",
        "Fra planportalen (plan.json, planID {guid}). Id-ene er GUID-ene fra Dataverse.",
        "From the plan portal (plan.json, planID {guid}). The ids are the GUIDs from Dataverse.",
    ),
    "portal.comment.valid_to": (
        "Gjeld til {valid_to}.",
        "Gjelder til {valid_to}.",
        "Valid to {valid_to}.",
    ),
    "portal.comment.case": (
        "Vedteke i sak {case}.",
        "Vedtatt i sak {case}.",
        "Adopted in case {case}.",
    ),
    # -- export --------------------------------------------------------------------------------
    "portal.cli.exported": (
        "Skreiv {plans:# plan|# planar}, {count:# post|# postar} og {indicators:# indikator|# indikatorar} til {folder} (maal.json, plan.json, kpi.json).",
        "Skrev {plans:# plan|# planer}, {count:# post|# poster} og {indicators:# indikator|# indikatorer} til {folder} (maal.json, plan.json, kpi.json).",
        "Wrote {plans:# plan|# plans}, {count:# record|# records} and {indicators:# indicator|# indicators} to {folder} (maal.json, plan.json, kpi.json).",
    ),
    "portal.bad_format": (
        "--format {format}: skriv xlsx eller portal.",
        "--format {format}: skriv xlsx eller portal.",
        "--format {format}: write xlsx or portal.",
    ),
    "portal.export.extra_follows": (
        "{plan} {node}: følgjer opp {count}; portalen har plass til éin overordna, så berre {kept} er med.",
        "{plan} {node}: følger opp {count}; portalen har plass til én overordnet, så bare {kept} er med.",
        "{plan} {node}: follows up {count}; the portal holds one parent, so only {kept} is kept.",
    ),
}
TEXTS["source.portal_unreadable"] = (
    "Planportal-dataa kan ikkje lesast: {file}: {reason}",
    "Planportal-dataene kan ikke leses: {file}: {reason}",
    "The plan-portal data cannot be read: {file}: {reason}",
)

# -- plan-file keys an indicator from KOSTRA or SSB holds (descriptions in the JSON Schema) -------
TEXTS.update(
    {
        "schema.region": (
            "regionen verdiane gjeld (kommunenummer, t.d. 1127)",
            "regionen verdiene gjelder (kommunenummer, f.eks. 1127)",
            "the region the values are for (a kommune number, e.g. 1127)",
        ),
        "schema.comparisons": (
            "samanlikning",
            "sammenligning",
            "other regions' series beside the indicator: the country, the KOSTRA group, neighbours",
        ),
        "schema.ssb": (
            "SSB-tabell",
            "SSB-tabell",
            "where SSB's Statistikkbanken keeps the values: table, contents code, region, transform",
        ),
        "schema.label": ("namn", "navn", "the region's name as planners read it"),
        "schema.group": (
            "gruppe",
            "gruppe",
            "municipality, county, country, kostra (a KOSTRA group) or other",
        ),
        "schema.table": ("tabell", "tabell", "SSB's table number (12222)"),
        "schema.contents": (
            "statistikkvariabel",
            "statistikkvariabel",
            "SSB's contents code (ContentsCode, e.g. KOSandelevspesu0000)",
        ),
        "schema.transform": (
            "omrekning",
            "omregning",
            "how SSB's number becomes the indicator's: 100 - x",
        ),
    }
)

# -- the indicator chart's comparison lines ----------------------------------------------------
TEXTS.update(
    {
        "st.chart.neighbours": ("Andre kommunar", "Andre kommuner", "Other kommunar"),
    }
)

# -- SSB's JSON-stat datasets as measurements (load errors: file, indicator, what to do) --------
TEXTS.update(
    {
        "load.jsonstat_not_json": (
            "SSB-fila «{path}» for indikatoren {indicator} kan ikkje lesast ({reason}). Hent ho på nytt.",
            "SSB-filen «{path}» for indikatoren {indicator} kan ikke leses ({reason}). Hent den på nytt.",
            "The SSB file “{path}” for the indicator {indicator} cannot be read ({reason}). Fetch it again.",
        ),
        "load.jsonstat_not_dataset": (
            "SSB-fila «{path}» for indikatoren {indicator} er ikkje eit JSON-stat 2.0-datasett. Be API-et om format json-stat2.",
            "SSB-filen «{path}» for indikatoren {indicator} er ikke et JSON-stat 2.0-datasett. Be API-et om format json-stat2.",
            "The SSB file “{path}” for the indicator {indicator} is not a JSON-stat 2.0 dataset. Ask the API for format json-stat2.",
        ),
        "load.jsonstat_bad_transform": (
            "Indikatoren {indicator}: omrekninga «{transform}» er ukjend; skriv «100 - x» eller ingenting.",
            "Indikatoren {indicator}: omregningen «{transform}» er ukjent; skriv «100 - x» eller ingenting.",
            "The indicator {indicator}: the transform “{transform}” is unknown; write “100 - x” or nothing.",
        ),
        "load.jsonstat_no_dimension": (
            "SSB-fila «{path}» har ingen dimensjon {dimension}, som indikatoren {indicator} treng.",
            "SSB-filen «{path}» har ingen dimensjon {dimension}, som indikatoren {indicator} trenger.",
            "The SSB file “{path}” has no dimension {dimension}, which the indicator {indicator} needs.",
        ),
        "load.jsonstat_no_category": (
            "SSB-fila «{path}» har ikkje {dimension} = {wanted} (indikatoren {indicator}). Finst: {codes}.",
            "SSB-filen «{path}» har ikke {dimension} = {wanted} (indikatoren {indicator}). Finnes: {codes}.",
            "The SSB file “{path}” has no {dimension} = {wanted} (the indicator {indicator}). There are: {codes}.",
        ),
        "load.jsonstat_choose_category": (
            "Indikatoren {indicator}: SSB-fila «{path}» har fleire {dimension} ({codes}); vel éin under ssb.select.",
            "Indikatoren {indicator}: SSB-filen «{path}» har flere {dimension} ({codes}); velg én under ssb.select.",
            "The indicator {indicator}: the SSB file “{path}” has several {dimension} ({codes}); pick one under ssb.select.",
        ),
        "schema.select": (
            "utval",
            "utvalg",
            "for another dimension of the SSB table, the category to take (Kjonn: '0')",
        ),
    }
)

# -- maltrace indicators fetch ------------------------------------------------------------------
TEXTS.update(
    {
        "ssb.fetch.offline": (
            "Fekk ikkje kontakt med SSB ({url}): {reason}. Er maskina på nett? Prøv igjen seinare, eller lagra svaret frå API-et som ssb-<tabell>.json sjølv.",
            "Fikk ikke kontakt med SSB ({url}): {reason}. Er maskinen på nett? Prøv igjen senere, eller lagre svaret fra API-et som ssb-<tabell>.json selv.",
            "Could not reach SSB ({url}): {reason}. Is this machine online? Try again later, or save the API's answer as ssb-<table>.json yourself.",
        ),
        "ssb.fetch.http": (
            "SSB svarte {status} på {url}. Sjekk tabellnummeret og kodane under ssb i planfila.",
            "SSB svarte {status} på {url}. Sjekk tabellnummeret og kodene under ssb i planfilen.",
            "SSB answered {status} to {url}. Check the table number and the codes under ssb in the plan file.",
        ),
        "ssb.fetch.bad_answer": (
            "Svaret frå {url} er ikkje JSON-stat; ingenting er skrive for tabellen.",
            "Svaret fra {url} er ikke JSON-stat; ingenting er skrevet for tabellen.",
            "The answer from {url} is not JSON-stat; nothing was written for the table.",
        ),
        "ssb.fetch.wrote": (
            "Skreiv {path} (tabell {table}, for {indicators})",
            "Skrev {path} (tabell {table}, for {indicators})",
            "Wrote {path} (table {table}, for {indicators})",
        ),
        "ssb.fetch.none": (
            "Ingen indikator har ssb: ingenting å hente.",
            "Ingen indikator har ssb: ingenting å hente.",
            "No indicator has ssb: nothing to fetch.",
        ),
    }
)

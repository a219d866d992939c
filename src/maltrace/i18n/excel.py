"""Excel import, export and template: sheet names, column headers, problems and messages."""

# key -> (nn, nb, en)
TEXTS: dict[str, tuple[str, str, str]] = {
    # Sheet names and column headers of the workbook layout.
    "excel.sheet.plans": ("Planar", "Planer", "Plans"),
    "excel.sheet.nodes": ("Nodar", "Noder", "Nodes"),
    "excel.sheet.help": ("Rettleiing", "Veiledning", "Instructions"),
    "excel.col.plan": ("Plan", "Plan", "Plan"),
    "excel.col.id": ("Id", "Id", "Id"),
    "excel.col.type": ("Type", "Type", "Type"),
    "excel.col.title": ("Tittel", "Tittel", "Title"),
    "excel.col.parent": ("Ligg under", "Ligger under", "Parent"),
    "excel.col.description": ("Skildring", "Beskrivelse", "Description"),
    "excel.col.tags": ("Stikkord", "Stikkord", "Tags"),
    "excel.col.follows_up": ("Følgjer opp", "Følger opp", "Follows up"),
    "excel.col.responsible": ("Ansvar", "Ansvar", "Responsible"),
    "excel.col.due": ("Frist", "Frist", "Due"),
    "excel.col.status": ("Status", "Status", "Status"),
    "excel.col.municipality": ("Kommune", "Kommune", "Municipality"),
    "excel.col.language": ("Språk", "Språk", "Language"),
    "excel.col.date": ("Dato", "Dato", "Date"),
    "excel.col.follows": ("Følgjer planar", "Følger planer", "Follows plans"),
    "excel.col.relevant_goals": ("Relevante mål", "Relevante mål", "Relevant goals"),
    "excel.col.areas": ("Satsingsområde", "Satsingsområder", "Areas"),
    "excel.col.goals": ("Mål", "Mål", "Goals"),
    "excel.col.strategies": ("Strategiar", "Strategier", "Strategies"),
    "excel.col.measures": ("Tiltak", "Tiltak", "Measures"),
    "excel.col.contributes_to": ("Bidreg til", "Bidrar til", "Contributes to"),
    "excel.col.frameworks": ("Rammeverk", "Rammeverk", "Frameworks"),
    "excel.col.reason_not_followed_up": (
        "Grunn: ikkje følgd opp",
        "Grunn: ikke fulgt opp",
        "Reason not followed up",
    ),
    "excel.col.reason_no_link": (
        "Grunn: utan kopling",
        "Grunn: uten kobling",
        "Reason for no link",
    ),
    "excel.kinds": (
        "satsingsområde, mål, strategi, tiltak (og punkt i eit rammeverk)",
        "satsingsområde, mål, strategi, tiltak (og punkt i et rammeverk)",
        "area, goal, strategy, measure (or satsingsområde, mål, strategi, tiltak), and item in a framework",
    ),
    "excel.kind.item": ("punkt", "punkt", "item"),
    "excel.col.cost": ("Kostnad (år: beløp)", "Kostnad (år: beløp)", "Cost (year: amount)"),
    "excel.col.measurements": (
        "Måletal (CSV-fil)",
        "Måletall (CSV-fil)",
        "Measurements (CSV file)",
    ),
    # Sheet Indikatorar: one row per indicator of a goal.
    "excel.sheet.indicators": ("Indikatorar", "Indikatorer", "Indicators"),
    "excel.col.goal": ("Mål", "Mål", "Goal"),
    "excel.col.unit": ("Eining", "Enhet", "Unit"),
    "excel.col.direction": ("Retning", "Retning", "Direction"),
    "excel.col.baseline_year": ("Utgangspunkt: år", "Utgangspunkt: år", "Baseline year"),
    "excel.col.baseline_value": ("Utgangspunkt: verdi", "Utgangspunkt: verdi", "Baseline value"),
    "excel.col.target_year": ("Målår", "Målår", "Target year"),
    "excel.col.target_value": ("Målverdi", "Målverdi", "Target value"),
    "excel.col.values": ("Verdiar (år: verdi)", "Verdier (år: verdi)", "Values (year: value)"),
    "excel.col.source": ("Kjelde", "Kilde", "Source"),
    "excel.direction.up": ("høgare er betre", "høyere er bedre", "higher is better"),
    "excel.direction.down": ("lågare er betre", "lavere er bedre", "lower is better"),
    "excel.directions": (
        "høgare er betre, lågare er betre (eller opp, ned)",
        "høyere er bedre, lavere er bedre (eller opp, ned)",
        "higher is better, lower is better (or up, down)",
    ),
    "excel.problem.unknown_goal": (
        "{id} er ikkje id-en til eit mål i arket Nodar; skriv id-en til målet indikatoren høyrer til.{hint}",
        "{id} er ikke id-en til et mål i arket Noder; skriv id-en til målet indikatoren hører til.{hint}",
        "{id} is not the id of a goal in the sheet Nodes; give the id of the goal the indicator belongs to.{hint}",
    ),
    "excel.problem.not_a_goal": (
        "{id} er ikkje eit mål, men av typen {kind}; ein indikator høyrer til eit mål",
        "{id} er ikke et mål, men av typen {kind}; en indikator hører til et mål",
        "{id} is not a goal but of type {kind}; an indicator belongs to a goal",
    ),
    "excel.problem.goal_other_plan": (
        "målet {goal} høyrer til planen {plan}, ikkje {own}; rett plan-cella eller la ho stå tom",
        "målet {goal} hører til planen {plan}, ikke {own}; rett plan-cellen eller la den stå tom",
        "the goal {goal} belongs to the plan {plan}, not {own}; correct the plan cell or leave it empty",
    ),
    "excel.problem.duplicate_indicator": (
        "indikatoren {id} står før, i {other}; gi kvar indikator ein eigen id",
        "indikatoren {id} står før, i {other}; gi hver indikator en egen id",
        "the indicator {id} is listed before, in {other}; give each indicator an id of its own",
    ),
    "excel.problem.bad_direction": (
        "ukjend retning «{value}». Bruk ein av: {choices}.{hint}",
        "ukjent retning «{value}». Bruk en av: {choices}.{hint}",
        "unknown direction “{value}”. Use one of: {choices}.{hint}",
    ),
    "excel.problem.bad_number": (
        "{key}: «{value}» er ikkje eit tal; skriv eit tal som 12,5 eller 12.5",
        "{key}: «{value}» er ikke et tall; skriv et tall som 12,5 eller 12.5",
        "{key}: “{value}” is not a number; write a number such as 12.5 or 12,5",
    ),
    "excel.problem.bad_year": (
        "{key}: «{value}» er ikkje eit årstal; skriv eit år som 2024",
        "{key}: «{value}» er ikke et årstall; skriv et år som 2024",
        "{key}: “{value}” is not a year; write a year such as 2024",
    ),
    "excel.problem.bad_pair": (
        "{key}: «{value}» er ikkje «år: verdi»; skriv t.d. «2020: 12,5; 2021: 13»",
        "{key}: «{value}» er ikke «år: verdi»; skriv f.eks. «2020: 12,5; 2021: 13»",
        "{key}: “{value}” is not “year: value”; write e.g. “2020: 12.5; 2021: 13”",
    ),
    "excel.problem.year_twice": (
        "{key}: året {year} står to gonger; behald berre éin verdi",
        "{key}: året {year} står to ganger; behold bare én verdi",
        "{key}: the year {year} is given twice; keep only one value",
    ),
    "excel.cli.measurements_elsewhere": (
        "Merk: planen {plan} les måletal frå {file}, som ikkje ligg i {folder}. Stien er relativ til plan-fila: kopier CSV-fila dit, eller rett «Måletal (CSV-fil)» i Planar.",
        "Merk: planen {plan} leser måletall fra {file}, som ikke ligger i {folder}. Stien er relativ til plan-filen: kopier CSV-filen dit, eller rett «Måletall (CSV-fil)» i Planer.",
        "Note: the plan {plan} reads measurements from {file}, which is not in {folder}. The path is relative to the plan file: copy the CSV file there, or correct “Measurements (CSV file)” in Plans.",
    ),
    "excel.col.colour": ("Farge", "Farge", "Colour"),
    "excel.col.ordered": ("Ordna (trapp)", "Ordnet (trapp)", "Ordered (ladder)"),
    "excel.col.reference": ("Kjelde", "Kilde", "Reference"),
    "excel.col.items": ("Punkt", "Punkter", "Items"),
    "excel.problem.item_outside_framework": (
        "eit punkt høyrer berre heime i ein plan av typen rammeverk; vel ein annan type, eller flytt rada til rammeverket",
        "et punkt hører bare hjemme i en plan av typen rammeverk; velg en annen type, eller flytt raden til rammeverket",
        "an item belongs in a plan of type rammeverk only; pick another type, or move the row to the framework",
    ),
    "excel.problem.node_in_framework": (
        "eit rammeverk har berre punkt, ikkje {kind}; skriv «punkt» som type, eller flytt rada til ein annan plan",
        "et rammeverk har bare punkt, ikke {kind}; skriv «punkt» som type, eller flytt raden til en annen plan",
        "a framework holds items only, not a {kind}; write “item” as the type, or move the row to another plan",
    ),
    "excel.problem.ordered_outside_framework": (
        "berre eit rammeverk (ei trapp) kan vere ordna; la cella stå tom, eller set type rammeverk",
        "bare et rammeverk (en trapp) kan være ordnet; la cellen stå tom, eller sett type rammeverk",
        "only a framework (a ladder) can be ordered; leave the cell empty, or set the type to rammeverk",
    ),
    # Problems in a workbook: "Nodar!C14: <message>".
    "excel.problem.unreadable": (
        "kan ikkje lese fila ({reason})",
        "kan ikke lese filen ({reason})",
        "cannot read the file ({reason})",
    ),
    "excel.problem.not_a_workbook": (
        "fila er ikkje ei Excel-arbeidsbok (.xlsx): {reason}. Lagre ho som .xlsx i Excel eller LibreOffice",
        "filen er ikke en Excel-arbeidsbok (.xlsx): {reason}. Lagre den som .xlsx i Excel eller LibreOffice",
        "the file is not an Excel workbook (.xlsx): {reason}. Save it as .xlsx in Excel or LibreOffice",
    ),
    "excel.problem.not_utf8": (
        "fila er ikkje UTF-8 (byte {position}); lagre ho som «CSV UTF-8»",
        "filen er ikke UTF-8 (byte {position}); lagre den som «CSV UTF-8»",
        "the file is not UTF-8 (byte {position}); save it as “CSV UTF-8”",
    ),
    "excel.problem.too_large": (
        "fila er over {mb} MB og blir ikkje lesen; del ho opp",
        "filen er over {mb} MB og blir ikke lest; del den opp",
        "the file is over {mb} MB and is not read; split it",
    ),
    "excel.problem.too_large_unpacked": (
        "arbeidsboka pakkar seg ut til over {mb} MB og blir ikkje lesen; del ho opp",
        "arbeidsboken pakker seg ut til over {mb} MB og blir ikke lest; del den opp",
        "the workbook unpacks to over {mb} MB and is not read; split it",
    ),
    "excel.problem.zip_bomb": (
        "delen {part} pakkar seg ut til {ratio} gonger storleiken sin (ei «zip-bombe»?); fila blir ikkje lesen",
        "delen {part} pakker seg ut til {ratio} ganger størrelsen sin (en «zip-bombe»?); filen blir ikke lest",
        "the part {part} unpacks to {ratio} times its size (a zip bomb?); the file is not read",
    ),
    "excel.problem.external_links": (
        "arbeidsboka lenkjer til andre filer (eksterne lenkjer); bryt lenkjene (Data → Rediger lenkjer) og prøv igjen",
        "arbeidsboken lenker til andre filer (eksterne lenker); bryt lenkene (Data → Rediger koblinger) og prøv igjen",
        "the workbook links to other files (external links); break the links (Data → Edit Links) and try again",
    ),
    "excel.problem.hidden_sheet": (
        "arket er gøymt; vis det (eller slett det), så du ser alt som blir importert",
        "arket er skjult; vis det (eller slett det), så du ser alt som blir importert",
        "the sheet is hidden; unhide it (or delete it) so you see all that is imported",
    ),
    "excel.problem.empty": (
        "arbeidsboka har ingen planar og ingen nodar; fyll ut arka Planar og Nodar først",
        "arbeidsboken har ingen planer og ingen noder; fyll ut arkene Planer og Noder først",
        "the workbook holds no plans and no nodes; fill in the sheets Plans and Nodes first",
    ),
    "excel.problem.sheet_twice": (
        "arbeidsboka har to slike ark; slå dei saman til eitt",
        "arbeidsboken har to slike ark; slå dem sammen til ett",
        "the workbook has two such sheets; merge them into one",
    ),
    "excel.problem.missing_sheet": (
        "arbeidsboka har ikkje arket {sheet} (ark funne: {found}); bruk malen frå «maltrace template»",
        "arbeidsboken har ikke arket {sheet} (ark funnet: {found}); bruk malen fra «maltrace template»",
        "the workbook has no sheet {sheet} (sheets found: {found}); use the template from “maltrace template”",
    ),
    "excel.problem.merged": (
        "samanslåtte celler; del dei opp, så kvar rad har sin eigen verdi",
        "sammenslåtte celler; del dem opp, så hver rad har sin egen verdi",
        "merged cells; unmerge them so each row has its own value",
    ),
    "excel.problem.formula": (
        "ein formel ({formula}); skriv inn sjølve verdien: ein plan skal ikkje endre seg når arket blir rekna om",
        "en formel ({formula}); skriv inn selve verdien: en plan skal ikke endre seg når arket regnes om",
        "a formula ({formula}); type the value itself: a plan must not change when a sheet recalculates",
    ),
    "excel.problem.cell_too_long": (
        "cella har over {max:# teikn|# teikn}",
        "cellen har over {max:# tegn|# tegn}",
        "the cell holds over {max:# character|# characters}",
    ),
    "excel.problem.too_many_rows": (
        "arket har over {max:# rad|# rader}; del arbeidsboka opp",
        "arket har over {max:# rad|# rader}; del arbeidsboken opp",
        "the sheet has over {max:# row|# rows}; split the workbook",
    ),
    "excel.problem.too_many_columns": (
        "arket har over {max:# kolonne|# kolonnar}; det som står til høgre for dei blir ikkje lese",
        "arket har over {max:# kolonne|# kolonner}; det som står til høyre for dem blir ikke lest",
        "the sheet has over {max:# column|# columns}; what is right of them is not read",
    ),
    "excel.problem.unknown_column": (
        "ukjend kolonne «{header}». Kolonnar: {allowed}.{hint}",
        "ukjent kolonne «{header}». Kolonner: {allowed}.{hint}",
        "unknown column “{header}”. Columns: {allowed}.{hint}",
    ),
    "excel.problem.column_twice": (
        "kolonnen «{header}» står òg i {other}; fjern den eine",
        "kolonnen «{header}» står også i {other}; fjern den ene",
        "the column “{header}” is also in {other}; remove one",
    ),
    "excel.problem.missing_column": (
        "arket manglar kolonnen {key}; legg han til i første rad",
        "arket mangler kolonnen {key}; legg den til i første rad",
        "the sheet has no column {key}; add it to the first row",
    ),
    "excel.problem.missing_value": (
        "{key} manglar; fyll ut cella",
        "{key} mangler; fyll ut cellen",
        "{key} missing; fill in the cell",
    ),
    "excel.problem.duplicate_id": (
        "id {id} er brukt før, i {other}; gi kvar rad ein eigen id",
        "id {id} er brukt før, i {other}; gi hver rad en egen id",
        "id {id} is used before, in {other}; give each row an id of its own",
    ),
    "excel.problem.duplicate_plan": (
        "planen {id} står før, i {other}; éi rad per plan",
        "planen {id} står før, i {other}; én rad per plan",
        "the plan {id} is listed before, in {other}; one row per plan",
    ),
    "excel.problem.unknown_plan": (
        "planen {id} står ikkje i arket Planar. Planar: {plans}.{hint}",
        "planen {id} står ikke i arket Planer. Planer: {plans}.{hint}",
        "the plan {id} is not in the sheet Plans. Plans: {plans}.{hint}",
    ),
    "excel.problem.unknown_type": (
        "ukjend type «{value}». Bruk ein av: {choices}.{hint}",
        "ukjent type «{value}». Bruk en av: {choices}.{hint}",
        "unknown type “{value}”. Use one of: {choices}.{hint}",
    ),
    "excel.problem.unknown_parent": (
        "{id} finst ikkje som id i arket; skriv id-en til noden denne rada ligg under, eller la cella stå tom.{hint}",
        "{id} finnes ikke som id i arket; skriv id-en til noden denne raden ligger under, eller la cellen stå tom.{hint}",
        "{id} is not an id in the sheet; give the id of the node this row sits under, or leave the cell empty.{hint}",
    ),
    "excel.problem.parent_other_plan": (
        "{id} høyrer til planen {plan}, ikkje {own}; ein node kan berre liggje under ein node i same plan (bruk «følgjer opp» for koplingar mellom planar)",
        "{id} hører til planen {plan}, ikke {own}; en node kan bare ligge under en node i samme plan (bruk «følger opp» for koblinger mellom planer)",
        "{id} belongs to the plan {plan}, not {own}; a node can only sit under a node of its own plan (use “follows up” for links between plans)",
    ),
    "excel.problem.under_measure": (
        "{id} er eit tiltak, og ingenting kan liggje under eit tiltak; legg rada under ein strategi eller eit mål",
        "{id} er et tiltak, og ingenting kan ligge under et tiltak; legg raden under en strategi eller et mål",
        "{id} is a measure, and nothing can sit under a measure; put the row under a strategy or a goal",
    ),
    "excel.problem.nesting": (
        "ein node av typen {kind} kan ikkje liggje under {parent}",
        "en node av typen {kind} kan ikke ligge under {parent}",
        "a {kind} cannot sit under a {parent}",
    ),
    "excel.problem.nesting_top": (
        "ein node av typen {kind} kan ikkje stå øvst i planen; fyll ut «ligg under»",
        "en node av typen {kind} kan ikke stå øverst i planen; fyll ut «ligger under»",
        "a {kind} cannot stand at the top of the plan; fill in “parent”",
    ),
    "excel.problem.parent_loop": (
        "rada ligg under {id}, som (gjennom andre rader) ligg under denne rada; bryt ringen",
        "raden ligger under {id}, som (gjennom andre rader) ligger under denne raden; bryt ringen",
        "the row sits under {id}, which (through other rows) sits under this row; break the loop",
    ),
    "excel.problem.key_not_allowed": (
        "{key} høyrer ikkje til i ein plan",
        "{key} hører ikke hjemme i en plan",
        "{key} does not belong in a plan",
    ),
    "excel.problem.key_not_for_kind": (
        "{key} kan ikkje fyllast ut for {kind}; la cella stå tom. Det som gjeld {kind}: {allowed}",
        "{key} kan ikke fylles ut for {kind}; la cellen stå tom. Det som gjelder {kind}: {allowed}",
        "{key} cannot be given for a {kind}; leave the cell empty. Keys of a {kind}: {allowed}",
    ),
    "excel.problem.bad_plan_type": (
        "ukjend plantype; bruk ein av: {choices}",
        "ukjent plantype; bruk en av: {choices}",
        "unknown plan type; use one of: {choices}",
    ),
    "excel.problem.bad_value": ("{key} {problem}", "{key} {problem}", "{key} {problem}"),
    # Export.
    "excel.export.no_column": (
        "{where} har {key}, som arbeidsboka ikkje har kolonne for; eksporten ville mista det, så ingenting er skrive",
        "{where} har {key}, som arbeidsboken ikke har kolonne for; eksporten ville mistet det, så ingenting er skrevet",
        "{where} has {key}, which the workbook has no column for; export would lose it, so nothing was written",
    ),
    "excel.export.indicator_twice": (
        "indikatoren {where} (under målet {key}) har same id som ein indikator i {other}; gi kvar indikator ein eigen id (måletal blir kopla til indikatorar med id-en)",
        "indikatoren {where} (under målet {key}) har samme id som en indikator i {other}; gi hver indikator en egen id (måletall kobles til indikatorer med id-en)",
        "the indicator {where} (under the goal {key}) has the same id as an indicator in {other}; give each indicator an id of its own (measurements are matched to indicators by id)",
    ),
    "excel.export.separator": (
        "{key} i {where} har verdien «{value}» med komma, semikolon eller linjeskift, som skil verdiar i ei celle; endre verdien",
        "{key} i {where} har verdien «{value}» med komma, semikolon eller linjeskift, som skiller verdier i en celle; endre verdien",
        "{key} of {where} holds “{value}” with a comma, semicolon or line break, which separate values in a cell; change the value",
    ),
    "excel.export.too_long": (
        "{key} i {where} har over {max:# teikn|# teikn}, meir enn ei Excel-celle rommar",
        "{key} i {where} har over {max:# tegn|# tegn}, mer enn en Excel-celle rommer",
        "{key} of {where} holds over {max:# character|# characters}, more than an Excel cell holds",
    ),
    # Template.
    "excel.template.title": (
        "Slik fyller du ut arbeidsboka for maltrace",
        "Slik fyller du ut arbeidsboken for maltrace",
        "How to fill in the workbook for maltrace",
    ),
    "excel.template.help": (
        "Arket Planar: éi rad per plan. Id (kort, unik, t.d. KPS), type (samfunnsplan, kommunedelplan, handlingsdel, temaplan) og tittel må fyllast ut.\n"
        "«Følgjer planar»: id-ane til planane denne planen følgjer opp (t.d. KPS). «Relevante mål»: måla i dei planane som denne planen svarar for.\n"
        "Arket Nodar: éi rad per satsingsområde, mål, strategi eller tiltak, i den rekkjefølgja dei står i planen.\n"
        "Plan: id-en til planen rada høyrer til. Id: unik i heile planverket (t.d. KPS-1.2). Type: vel frå lista. Tittel: teksten slik han står i planen.\n"
        "«Ligg under»: id-en til noden rada ligg under (eit delmål under hovudmålet, ein strategi under målet). Tom: øvst i planen.\n"
        "«Følgjer opp»: id-ane til måla eller strategiane i ein annan plan som rada følgjer opp. Fleire id-ar: skil dei med komma, semikolon eller linjeskift.\n"
        "Arket Indikatorar: éi rad per indikator. Mål: id-en til målet i Nodar. Utgangspunkt og mål: eit år og ein verdi kvar. «Verdiar»: «2023: 64; 2024: 67,5». Retning: vel frå lista.\n"
        "Skriv verdiar, ikkje formlar: ein plan skal ikkje endre seg når arket blir rekna om. Ikkje slå saman celler.\n"
        "Når arbeidsboka er utfylt: maltrace import arbeidsbok.xlsx -o plans/  og så  maltrace check plans/",
        "Arket Planer: én rad per plan. Id (kort, unik, f.eks. KPS), type (samfunnsplan, kommunedelplan, handlingsdel, temaplan) og tittel må fylles ut.\n"
        "«Følger planer»: id-ene til planene denne planen følger opp (f.eks. KPS). «Relevante mål»: målene i de planene som denne planen svarer for.\n"
        "Arket Noder: én rad per satsingsområde, mål, strategi eller tiltak, i den rekkefølgen de står i planen.\n"
        "Plan: id-en til planen raden hører til. Id: unik i hele planverket (f.eks. KPS-1.2). Type: velg fra listen. Tittel: teksten slik den står i planen.\n"
        "«Ligger under»: id-en til noden raden ligger under (et delmål under hovedmålet, en strategi under målet). Tom: øverst i planen.\n"
        "«Følger opp»: id-ene til målene eller strategiene i en annen plan som raden følger opp. Flere id-er: skill dem med komma, semikolon eller linjeskift.\n"
        "Arket Indikatorer: én rad per indikator. Mål: id-en til målet i Noder. Utgangspunkt og mål: et år og en verdi hver. «Verdier»: «2023: 64; 2024: 67,5». Retning: velg fra listen.\n"
        "Skriv verdier, ikke formler: en plan skal ikke endre seg når arket regnes om. Ikke slå sammen celler.\n"
        "Når arbeidsboken er utfylt: maltrace import arbeidsbok.xlsx -o plans/  og så  maltrace check plans/",
        "Sheet Plans: one row per plan. Id (short, unique, e.g. KPS), type (samfunnsplan, kommunedelplan, handlingsdel, temaplan) and title are required.\n"
        "“Follows plans”: the ids of the plans this plan follows up (e.g. KPS). “Relevant goals”: the goals of those plans that this plan answers for.\n"
        "Sheet Nodes: one row per area, goal, strategy or measure, in the order they stand in the plan.\n"
        "Plan: the id of the plan the row belongs to. Id: unique in the whole plan set (e.g. KPS-1.2). Type: pick from the list. Title: the text as in the plan.\n"
        "“Parent”: the id of the node the row sits under (a sub-goal under its main goal, a strategy under its goal). Empty: top of the plan.\n"
        "“Follows up”: the ids of the goals or strategies in another plan that the row follows up. Several ids: separate them with commas, semicolons or line breaks.\n"
        "Sheet Indicators: one row per indicator. Goal: the id of the goal in Nodes. Baseline and target: a year and a value each. “Values”: “2023: 64; 2024: 67.5”. Direction: pick from the list.\n"
        "Type values, not formulas: a plan must not change when a sheet recalculates. Do not merge cells.\n"
        "When the workbook is filled in: maltrace import workbook.xlsx -o plans/  and then  maltrace check plans/",
    ),
    "excel.template.type_error": (
        "Vel ein av: {choices}",
        "Velg en av: {choices}",
        "Pick one of: {choices}",
    ),
    # Commands.
    "excel.cli.problems": (
        "{file}: {count:# problem|# problem}; ingenting er skrive.",
        "{file}: {count:# problem|# problemer}; ingenting er skrevet.",
        "{file}: {count:# problem|# problems}; nothing was written.",
    ),
    "excel.cli.exists": (
        "{path} finst frå før; bruk --force for å skrive over",
        "{path} finnes fra før; bruk --force for å skrive over",
        "{path} exists; use --force to write over it",
    ),
    "excel.cli.imported": (
        "Skreiv {count:# planfil|# planfiler} til {folder}: {files}",
        "Skrev {count:# planfil|# planfiler} til {folder}: {files}",
        "Wrote {count:# plan file|# plan files} to {folder}: {files}",
    ),
    "excel.cli.next_check": (
        "Neste steg: maltrace check {folder}",
        "Neste steg: maltrace check {folder}",
        "Next: maltrace check {folder}",
    ),
    "excel.cli.exported": (
        "Skreiv {plans:# plan|# planar}, {nodes:# node|# nodar} og {indicators:# indikator|# indikatorar} til {path}",
        "Skrev {plans:# plan|# planer}, {nodes:# node|# noder} og {indicators:# indikator|# indikatorer} til {path}",
        "Wrote {plans:# plan|# plans}, {nodes:# node|# nodes} and {indicators:# indicator|# indicators} to {path}",
    ),
    "excel.cli.export_refused": (
        "{count:# verdi får|# verdiar får} ikkje plass i arbeidsboka; ingenting er skrive.",
        "{count:# verdi får|# verdier får} ikke plass i arbeidsboken; ingenting er skrevet.",
        "{count:# value does|# values do} not fit the workbook; nothing was written.",
    ),
    "excel.cli.template": (
        "Skreiv malen til {path}. Fyll ut arka {plans} og {nodes}, og køyr: maltrace import {path} -o plans/",
        "Skrev malen til {path}. Fyll ut arkene {plans} og {nodes}, og kjør: maltrace import {path} -o plans/",
        "Wrote the template to {path}. Fill in the sheets {plans} and {nodes}, then run: maltrace import {path} -o plans/",
    ),
    "excel.cli.csv_needs_plan": (
        "ei CSV-fil held éin plan: gi --plan-id, --plan-type og --plan-title",
        "en CSV-fil holder én plan: gi --plan-id, --plan-type og --plan-title",
        "a CSV file holds one plan: give --plan-id, --plan-type and --plan-title",
    ),
    "excel.cli.bad_suffix": (
        "{path}: ukjend filtype; bruk .xlsx eller .csv",
        "{path}: ukjent filtype; bruk .xlsx eller .csv",
        "{path}: unknown file type; use .xlsx or .csv",
    ),
    "excel.cli.schema": (
        "Skreiv JSON-skjemaet til {path}",
        "Skrev JSON-skjemaet til {path}",
        "Wrote the JSON Schema to {path}",
    ),
    "excel.cli.protected": (
        "{path} er ei planfil som blir lesen; vel eit anna namn",
        "{path} er en planfil som blir lest; velg et annet navn",
        "{path} is a plan file being read; choose another name",
    ),
}

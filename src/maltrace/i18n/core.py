"""Words of the core commands: kinds, check, load errors, findings, diagram, report."""

# key -> (nn, nb, en)
TEXTS: dict[str, tuple[str, str, str]] = {
    # ---- plan and node kinds -------------------------------------------------------------
    "kind.area": ("satsingsområde", "satsingsområde", "priority area"),
    "kind.goal": ("mål", "mål", "goal"),
    "kind.strategy": ("strategi", "strategi", "strategy"),
    "kind.measure": ("tiltak", "tiltak", "measure"),
    "plantype.samfunnsplan": (
        "kommuneplanen sin samfunnsdel",
        "kommuneplanens samfunnsdel",
        "municipal master plan, social element",
    ),
    "plantype.kommunedelplan": ("kommunedelplan", "kommunedelplan", "sector plan"),
    "plantype.handlingsdel": ("handlingsdel", "handlingsdel", "action programme"),
    "plantype.temaplan": ("temaplan", "temaplan", "thematic plan"),
    # ---- check: headings and labels ------------------------------------------------------
    "check.headline": (
        "Oppfølgingsgrad: {percent} ({followed} av {total:# mål|# mål} er {followed:følgt|følgde} opp)",
        "Oppfølgingsgrad: {percent} ({followed} av {total:# mål|# mål} er fulgt opp)",
        "Coverage: {percent} ({followed} of {total:# goal|# goals} followed up)",
    ),
    "check.headline_plan": (
        "{plan}: oppfølgingsgrad {percent} ({followed} av {total:# relevant mål|# relevante mål} er {followed:følgt|følgde} opp)",
        "{plan}: oppfølgingsgrad {percent} ({followed} av {total:# relevant mål|# relevante mål} er fulgt opp)",
        "{plan}: coverage {percent} ({followed} of {total:# relevant goal|# relevant goals} followed up)",
    ),
    "check.no_goals_in_scope": (
        "Ingen plan i settet følgjer opp ein annan plan, så ingen mål er å rekne oppfølginga av.",
        "Ingen plan i settet følger opp en annen plan, så ingen mål er å regne oppfølgingen av.",
        "No plan in the set follows another plan, so there are no goals to measure follow-up of.",
    ),
    "check.all_followed": (
        "Den raude tråden held: alle måla er følgde opp.",
        "Den røde tråden holder: alle målene er fulgt opp.",
        "The red thread holds: every goal is followed up.",
    ),
    "check.per_plan": ("Oppfølging per plan", "Oppfølging per plan", "Follow-up per plan"),
    "check.per_area": (
        "Oppfølging per satsingsområde",
        "Oppfølging per satsingsområde",
        "Follow-up per priority area",
    ),
    "check.uncovered": (
        "Mål som ikkje er følgde opp",
        "Mål som ikke er fulgt opp",
        "Goals not followed up",
    ),
    "check.orphans": (
        "Utan spor oppover",
        "Uten spor oppover",
        "No trace upwards (orphans)",
    ),
    "check.findings": ("Funn", "Funn", "Findings"),
    "check.no_findings": ("Ingen funn.", "Ingen funn.", "No findings."),
    "check.see_uncovered": (
        "{count:Målet som ikkje er følgt opp, står|Dei # måla som ikkje er følgde opp, står} i tabellen over.",
        "{count:Målet som ikke er fulgt opp, står|De # målene som ikke er fulgt opp, står} i tabellen over.",
        "{count:The goal not followed up is|The # goals not followed up are} listed in the table above.",
    ),
    "check.summary_counts": (
        "Feil: {errors}. Åtvaringar: {warnings}.",
        "Feil: {errors}. Advarsler: {warnings}.",
        "Errors: {errors}. Warnings: {warnings}.",
    ),
    "check.fail_under": (
        "Oppfølgingsgraden {percent} er under kravet på {required}.",
        "Oppfølgingsgraden {percent} er under kravet på {required}.",
        "Coverage {percent} is below the required {required}.",
    ),
    "check.load_failed": (
        "Kunne ikkje lese planane ({count:# feil|# feil}). {count:Rett feilen|Rett feila} og køyr på nytt.",
        "Kunne ikke lese planene ({count:# feil|# feil}). {count:Rett feilen|Rett feilene} og kjør på nytt.",
        "Could not load the plans ({count:# error|# errors}). {count:Fix it|Fix them} and run again.",
    ),
    "cli.unknown_plan": (
        "Ingen plan med ID-en «{plan}» i settet.{hint} Planane er: {plans}.",
        "Ingen plan med ID-en «{plan}» i settet.{hint} Planene er: {plans}.",
        "No plan with the id “{plan}” in the set.{hint} The plans are: {plans}.",
    ),
    "col.id": ("ID", "ID", "ID"),
    "col.title": ("Tittel", "Tittel", "Title"),
    "col.plan": ("Plan", "Plan", "Plan"),
    "col.area": ("Satsingsområde", "Satsingsområde", "Area"),
    "col.kind": ("Type", "Type", "Kind"),
    "col.relevant": ("Relevante mål", "Relevante mål", "Relevant goals"),
    "col.goals": ("Mål", "Mål", "Goals"),
    "col.followed_up": ("Følgde opp", "Fulgt opp", "Followed up"),
    "col.coverage": ("Oppfølgingsgrad", "Oppfølgingsgrad", "Coverage"),
    "col.followed_up_by": ("Følgt opp av", "Fulgt opp av", "Followed up by"),
    "col.severity": ("Alvor", "Alvor", "Severity"),
    "col.code": ("Kode", "Kode", "Code"),
    "col.where": ("Stad", "Sted", "Where"),
    "col.message": ("Melding", "Melding", "Message"),
    "col.status": ("Status", "Status", "Status"),
    "col.date": ("Dato", "Dato", "Date"),
    "severity.error": ("feil", "feil", "error"),
    "severity.warning": ("åtvaring", "advarsel", "warning"),
    "status.followed_up": ("Følgd opp", "Fulgt opp", "Followed up"),
    "status.not_followed_up": ("Ikkje følgd opp", "Ikke fulgt opp", "Not followed up"),
    # A text already in the reader's language (a figure's failure, said where it happened).
    "word.verbatim": ("{text}", "{text}", "{text}"),
    "word.none": ("(ingen)", "(ingen)", "(none)"),
    "word.fix": ("Slik rettar du det", "Slik retter du det", "How to fix"),
    "word.did_you_mean": (
        "Meinte du «{suggestion}»?",
        "Mente du «{suggestion}»?",
        "Did you mean “{suggestion}”?",
    ),
    # ---- load errors (exit 2) ------------------------------------------------------------
    "load.unreadable": (
        "Kan ikkje lese fila: {reason}.",
        "Kan ikke lese filen: {reason}.",
        "Cannot read the file: {reason}.",
    ),
    "load.not_found": (
        "Finst ikkje: {path}. Sjekk stien.",
        "Finnes ikke: {path}. Sjekk stien.",
        "Does not exist: {path}. Check the path.",
    ),
    "load.no_files": (
        "Fann ingen planfiler (*.yaml, *.yml) i {path}.",
        "Fant ingen planfiler (*.yaml, *.yml) i {path}.",
        "Found no plan files (*.yaml, *.yml) in {path}.",
    ),
    "load.not_utf8": (
        "Fila er ikkje UTF-8 (ugyldig byte ved posisjon {position}). Lagre ho som UTF-8 i "
        "redigeringsprogrammet.",
        "Filen er ikke UTF-8 (ugyldig byte ved posisjon {position}). Lagre den som UTF-8 i "
        "redigeringsprogrammet.",
        "The file is not UTF-8 (invalid byte at position {position}). Save it as UTF-8 in your "
        "editor.",
    ),
    "load.empty_file": (
        "Fila er tom. Ei planfil startar med «plan:» med id, type og title.",
        "Filen er tom. En planfil starter med «plan:» med id, type og title.",
        "The file is empty. A plan file starts with “plan:” holding id, type and title.",
    ),
    "load.not_a_mapping": (
        "Øvst i fila må det stå nøklar (plan:, areas:, goals: …), ikkje {found}.",
        "Øverst i filen må det stå nøkler (plan:, areas:, goals: …), ikke {found}.",
        "The top level of the file must be keys (plan:, areas:, goals: …), not {found}.",
    ),
    "load.too_large": (
        "Fila er {size} MB; maltrace les ikkje planfiler over {limit} MB. Del planen i fleire filer.",
        "Filen er {size} MB; maltrace leser ikke planfiler over {limit} MB. Del planen i flere filer.",
        "The file is {size} MB; maltrace reads no plan file over {limit} MB. Split the plan into "
        "several files.",
    ),
    "load.too_deep": (
        "Strukturen er nøsta for djupt (over {limit:# nivå|# nivå}). Sjekk innrykk og klammer.",
        "Strukturen er nøstet for dypt (over {limit:# nivå|# nivåer}). Sjekk innrykk og klammer.",
        "The structure is nested too deeply (over {limit:# level|# levels}). Check indentation and brackets.",
    ),
    "load.too_many_nodes": (
        "Fila blåser seg opp til over {limit:# verdi|# verdiar} (truleg alias/anker i løkke). Skriv verdiane ut i staden for å bruke &anker og *alias.",
        "Filen blåser seg opp til over {limit:# verdi|# verdier} (trolig alias/anker i løkke). Skriv verdiene ut i stedet for å bruke &anker og *alias.",
        "The file expands to over {limit:# value|# values} (likely aliases/anchors in a loop). Write the values out instead of using &anchors and *aliases.",
    ),
    "load.yaml_syntax": (
        "YAML-feil: {problem}. Sjekk innrykk, kolon og hermeteikn på denne lina eller lina før.",
        "YAML-feil: {problem}. Sjekk innrykk, kolon og anførselstegn på denne linjen eller linjen "
        "før.",
        "YAML error: {problem}. Check indentation, colons and quotes on this line or the one before.",
    ),
    "load.multiple_documents": (
        "Fila har fleire YAML-dokument (---). Ha éin plan per fil.",
        "Filen har flere YAML-dokumenter (---). Ha én plan per fil.",
        "The file holds several YAML documents (---). Keep one plan per file.",
    ),
    "load.yaml_tag": (
        "YAML-merket {tag} er ikkje tillate i planfiler. Fjern det.",
        "YAML-merket {tag} er ikke tillatt i planfiler. Fjern det.",
        "The YAML tag {tag} is not allowed in plan files. Remove it.",
    ),
    "load.duplicate_key": (
        "Nøkkelen «{key}» står to gonger (òg på line {other_line}). Berre éin kan gjelde; slå dei "
        "saman.",
        "Nøkkelen «{key}» står to ganger (også på linje {other_line}). Bare én kan gjelde; slå dem "
        "sammen.",
        "The key “{key}” is given twice (also on line {other_line}). Only one can count; merge them.",
    ),
    "load.unknown_key": (
        "Ukjend nøkkel «{key}» i {where}.{hint} Gyldige nøklar: {allowed}.",
        "Ukjent nøkkel «{key}» i {where}.{hint} Gyldige nøkler: {allowed}.",
        "Unknown key “{key}” in {where}.{hint} Valid keys: {allowed}.",
    ),
    "load.missing_key": (
        "{where} manglar «{key}». Legg han til.",
        "{where} mangler «{key}». Legg den til.",
        "{where} lacks “{key}”. Add it.",
    ),
    "load.bad_value": (
        "Ugyldig verdi for «{key}» i {where}: {problem}",
        "Ugyldig verdi for «{key}» i {where}: {problem}",
        "Invalid value for “{key}” in {where}: {problem}",
    ),
    "load.duplicate_id": (
        "ID-en «{id}» er brukt fleire stader: {places}. Kvar ID må vere unik i heile settet.",
        "ID-en «{id}» er brukt flere steder: {places}. Hver ID må være unik i hele settet.",
        "The id “{id}” is used in several places: {places}. Every id must be unique in the set.",
    ),
    "load.duplicate_plan": (
        "Plan-ID-en «{id}» er brukt av fleire planar: {places}. Gi kvar plan sin eigen ID.",
        "Plan-ID-en «{id}» er brukt av flere planer: {places}. Gi hver plan sin egen ID.",
        "The plan id “{id}” is used by several plans: {places}. Give each plan its own id.",
    ),
    "problem.text": ("skal vere tekst", "skal være tekst", "must be text"),
    "problem.empty": ("kan ikkje vere tom", "kan ikke være tom", "must not be empty"),
    "problem.list": (
        "skal vere ei liste ([a, b] eller liner som byrjar med «- »)",
        "skal være en liste ([a, b] eller linjer som begynner med «- »)",
        "must be a list ([a, b] or lines starting with “- ”)",
    ),
    "problem.mapping": (
        "skal vere nøklar og verdiar (id:, title: …)",
        "skal være nøkler og verdier (id:, title: …)",
        "must be keys and values (id:, title: …)",
    ),
    "problem.date": (
        "skal vere ein dato som 2022-05-19",
        "skal være en dato som 2022-05-19",
        "must be a date like 2022-05-19",
    ),
    "problem.choice": (
        "skal vere ein av: {choices}",
        "skal være en av: {choices}",
        "must be one of: {choices}",
    ),
    "problem.other": ("{detail}", "{detail}", "{detail}"),
    "load.where_top": ("toppnivået", "toppnivået", "the top level"),
    "load.where_plan": ("plan:", "plan:", "plan:"),
    "load.where_node": ("{kind} {id}", "{kind} {id}", "{kind} {id}"),
    "load.where_node_noid": ("{kind} nr. {index}", "{kind} nr. {index}", "{kind} no. {index}"),
    # ---- findings ------------------------------------------------------------------------
    "finding.not-followed-up": (
        "Målet {node} «{title}» ({plan}) er ikkje følgt opp av nokon plan som følgjer {plan}.",
        "Målet {node} «{title}» ({plan}) er ikke fulgt opp av noen plan som følger {plan}.",
        "Goal {node} “{title}” ({plan}) is not followed up by any plan that follows {plan}.",
    ),
    "fix.not-followed-up": (
        "Skriv {node} under «Følgjer opp» på ein strategi eller eit mål i ein plan som følgjer {plan}, eller grunngi kvifor målet ikkje skal følgjast opp.",
        "Skriv {node} under «Følger opp» på en strategi eller et mål i en plan som følger {plan}, eller begrunn hvorfor målet ikke skal følges opp.",
        "Add {node} to follows_up of a strategy or goal in a plan that follows {plan}, or state why the goal is not to be followed up.",
    ),
    "finding.dangling-link": (
        "{node} viser til «{target}» under «Følgjer opp», men den ID-en finst ikkje.",
        "{node} viser til «{target}» under «Følger opp», men den ID-en finnes ikke.",
        "{node} refers to “{target}” in follows_up, but that id does not exist.",
    ),
    "fix.dangling-link": (
        "Rett ID-en (skrivefeil?) eller fjern lenkja.",
        "Rett ID-en (skrivefeil?) eller fjern lenken.",
        "Correct the id (a typo?) or remove the link.",
    ),
    "finding.link-outside-followed": (
        "{node} følgjer opp {target} i planen {target_plan}, men {plan} følgjer ikkje {target_plan}.",
        "{node} følger opp {target} i planen {target_plan}, men {plan} følger ikke {target_plan}.",
        "{node} follows up {target} in plan {target_plan}, but {plan} does not follow {target_plan}.",
    ),
    "fix.link-outside-followed": (
        "Legg {target_plan} til under «Følgjer planar» for {plan}, eller vis til eit mål i ein plan {plan} følgjer.",
        "Legg {target_plan} til under «Følger planer» for {plan}, eller vis til et mål i en plan {plan} følger.",
        "Add {target_plan} to “follows” of {plan}, or link to a goal in a plan that {plan} follows.",
    ),
    "finding.link-to-area": (
        "{node} viser til satsingsområdet {target}; «Følgjer opp» skal vise til mål eller strategiar.",
        "{node} viser til satsingsområdet {target}; «Følger opp» skal vise til mål eller strategier.",
        "{node} links to the priority area {target}; follows_up must name goals or strategies.",
    ),
    "fix.link-to-area": (
        "Vis til dei måla i {target} som {node} følgjer opp.",
        "Vis til de målene i {target} som {node} følger opp.",
        "Name the goals in {target} that {node} follows up.",
    ),
    "finding.link-to-measure": (
        "{node} viser til tiltaket {target}; «Følgjer opp» skal vise til mål eller strategiar.",
        "{node} viser til tiltaket {target}; «Følger opp» skal vise til mål eller strategier.",
        "{node} links to the measure {target}; follows_up must name goals or strategies.",
    ),
    "fix.link-to-measure": (
        "Vis til strategien eller målet over {target}.",
        "Vis til strategien eller målet over {target}.",
        "Name the strategy or goal above {target}.",
    ),
    "finding.dangling-relevant-goal": (
        "«Relevante mål» i {plan} viser til «{target}», men den ID-en finst ikkje.",
        "«Relevante mål» i {plan} viser til «{target}», men den ID-en finnes ikke.",
        "relevant_goals of {plan} names “{target}”, but that id does not exist.",
    ),
    "fix.dangling-relevant-goal": (
        "Rett ID-en (skrivefeil?) eller fjern han frå «Relevante mål».",
        "Rett ID-en (skrivefeil?) eller fjern den fra «Relevante mål».",
        "Correct the id (a typo?) or remove it from relevant_goals.",
    ),
    "finding.relevant-goal-outside-followed": (
        "«Relevante mål» i {plan} viser til {target} i {target_plan}, men {plan} følgjer ikkje {target_plan}.",
        "«Relevante mål» i {plan} viser til {target} i {target_plan}, men {plan} følger ikke {target_plan}.",
        "relevant_goals of {plan} names {target} in {target_plan}, but {plan} does not follow {target_plan}.",
    ),
    "fix.relevant-goal-outside-followed": (
        "Legg {target_plan} til under «Følgjer planar», eller fjern {target} frå «Relevante mål».",
        "Legg {target_plan} til under «Følger planer», eller fjern {target} fra «Relevante mål».",
        "Add {target_plan} to “follows”, or remove {target} from relevant_goals.",
    ),
    "finding.relevant-goal-wrong-kind": (
        "«Relevante mål» i {plan} viser til {target}, som er {kind}, ikkje mål eller satsingsområde.",
        "«Relevante mål» i {plan} viser til {target}, som er {kind}, ikke mål eller satsingsområde.",
        "relevant_goals of {plan} names {target}, which is a {kind}, not a goal or area.",
    ),
    "fix.relevant-goal-wrong-kind": (
        "Vis til måla eller satsingsområda planen svarar for.",
        "Vis til målene eller satsingsområdene planen svarer for.",
        "Name the goals or areas the plan answers for.",
    ),
    "finding.unknown-plan": (
        "{plan} seier at han følgjer «{target}», men ingen plan i settet har den ID-en.",
        "{plan} sier at den følger «{target}», men ingen plan i settet har den ID-en.",
        "{plan} says it follows “{target}”, but no plan in the set has that id.",
    ),
    "fix.unknown-plan": (
        "Rett plan-ID-en, eller ta med planfila til {target} i settet.",
        "Rett plan-ID-en, eller ta med planfilen til {target} i settet.",
        "Correct the plan id, or include the plan file of {target} in the set.",
    ),
    "finding.follows-cycle": (
        "Planane følgjer kvarandre i ring: {cycle}.",
        "Planene følger hverandre i ring: {cycle}.",
        "The plans follow each other in a circle: {cycle}.",
    ),
    "fix.follows-cycle": (
        "Ein plan følgjer opp planar over seg; fjern planen under frå «Følgjer planar» i den øvste planen.",
        "En plan følger opp planer over seg; fjern planen under fra «Følger planer» i den øverste planen.",
        "A plan follows up the plans above it; remove “follows” from the top plan.",
    ),
    "finding.orphan": (
        "{kind_word} {node} «{title}» ({plan}) har inga lenkje oppover: verken det eller nivåa over følgjer opp noko mål eller nokon strategi.",
        "{kind_word} {node} «{title}» ({plan}) har ingen lenke oppover: verken det eller nivåene over følger opp noe mål eller noen strategi.",
        "{kind_word} {node} “{title}” ({plan}) has no trace upwards (no follows_up here or on the levels above).",
    ),
    "fix.orphan": (
        "Skriv målet eller strategien som blir følgd opp, under «Følgjer opp», eller plasser {node} under eit mål som har lenkje.",
        "Skriv målet eller strategien som blir fulgt opp, under «Følger opp», eller plasser {node} under et mål som har lenke.",
        "Add follows_up naming the goal or strategy it serves, or place {node} under a goal that has a link.",
    ),
    "finding.goal-without-strategy": (
        "Målet {node} «{title}» ({plan}) har verken strategiar eller noko som følgjer det opp.",
        "Målet {node} «{title}» ({plan}) har verken strategier eller noe som følger det opp.",
        "Goal {node} “{title}” ({plan}) has neither strategies nor anything following it up.",
    ),
    "fix.goal-without-strategy": (
        "Skriv strategiar under målet, eller la handlingsdelen følgje det opp.",
        "Skriv strategier under målet, eller la handlingsdelen følge det opp.",
        "Write strategies under the goal, or let the action programme follow it up.",
    ),
    # ---- diagram (maltrace diagram; render/diagram.py) -----------------------------------
    "diagram.heading.overview": (
        "Den raude tråden – oversikt",
        "Den røde tråden – oversikt",
        "The red thread – overview",
    ),
    "diagram.heading.plan": (
        "Den raude tråden – {plan}",
        "Den røde tråden – {plan}",
        "The red thread – {plan}",
    ),
    "diagram.heading.goal": (
        "Den raude tråden for mål {goal}",
        "Den røde tråden for mål {goal}",
        "The red thread of goal {goal}",
    ),
    "diagram.heading.area": (
        "Den raude tråden for satsingsområde {area}",
        "Den røde tråden for satsingsområde {area}",
        "The red thread of priority area {area}",
    ),
    "diagram.plan_line": (
        "{id}: {title} ({when})",
        "{id}: {title} ({when})",
        "{id}: {title} ({when})",
    ),
    "diagram.plan_line_undated": ("{id}: {title}", "{id}: {title}", "{id}: {title}"),
    "diagram.goal_line": ("{id} er {status}.", "{id} er {status}.", "{id} is {status}."),
    "diagram.legend": ("Teiknforklaring", "Tegnforklaring", "Legend"),
    "diagram.legend.link": (
        "følgjer opp (pila peikar på det som blir følgt opp)",
        "følger opp (pila peker på det som blir fulgt opp)",
        "follows up (the arrow points to what is followed up)",
    ),
    "diagram.legend.group": (
        "Delmål, strategiar og tiltak står under det dei høyrer til, i same ramme.",
        "Delmål, strategier og tiltak står under det de hører til, i samme ramme.",
        "Sub-goals, strategies and measures stand under what they belong to, in one frame.",
    ),
    "diagram.empty": (
        "Ingen mål å vise: ingen plan i utvalet følgjer opp ein annan plan.",
        "Ingen mål å vise: ingen plan i utvalget følger opp en annen plan.",
        "No goals to show: no plan in the selection follows up another plan.",
    ),
    "diagram.too_large": (
        "Diagrammet har {count:# boks|# boksar} og blir vanskeleg å lese på papir. Vel ein del med --plan ID eller --area ID (til dømes --area {example}).",
        "Diagrammet har {count:# boks|# bokser} og blir vanskelig å lese på papir. Velg en del med --plan ID eller --area ID (for eksempel --area {example}).",
        "The diagram has {count:# box|# boxes} and will be hard to read on paper. Pick a part with --plan ID or --area ID (for example --area {example}).",
    ),
    "diagram.written": ("Skreiv {path}", "Skrev {path}", "Wrote {path}"),
    "diagram.too_tall": (
        "Diagrammet blir {height} cm høgt: på ei A4-side må det skalerast ned til {percent}, og teksten blir liten. Del det i éi fil per satsingsområde med --split area -o MAPPE/, eller vel ein del med --plan ID eller --area ID.",
        "Diagrammet blir {height} cm høyt: på en A4-side må det skaleres ned til {percent}, og teksten blir liten. Del det i én fil per satsingsområde med --split area -o MAPPE/, eller velg en del med --plan ID eller --area ID.",
        "The diagram is {height} cm tall: on an A4 page it must be scaled down to {percent}, and the text gets small. Split it into one file per priority area with --split area -o FOLDER/, or pick a part with --plan ID or --area ID.",
    ),
    "diagram.too_tall_part": (
        "Diagrammet blir {height} cm høgt: på ei A4-side må det skalerast ned til {percent}, og teksten blir liten. Vel ein mindre del, til dømes eitt mål med --goal ID.",
        "Diagrammet blir {height} cm høyt: på en A4-side må det skaleres ned til {percent}, og teksten blir liten. Velg en mindre del, for eksempel ett mål med --goal ID.",
        "The diagram is {height} cm tall: on an A4 page it must be scaled down to {percent}, and the text gets small. Pick a smaller part, for example one goal with --goal ID.",
    ),
    "diagram.scaled": (
        "Diagrammet måtte skalerast ned til {percent} for å få plass på {width} cm, og teksten blir liten. Vel ein del med --plan ID eller --area ID, eller gi meir plass med --width-cm.",
        "Diagrammet måtte skaleres ned til {percent} for å få plass på {width} cm, og teksten blir liten. Velg en del med --plan ID eller --area ID, eller gi mer plass med --width-cm.",
        "The diagram had to be scaled down to {percent} to fit {width} cm, and the text gets small. Pick a part with --plan ID or --area ID, or give it more room with --width-cm.",
    ),
    "diagram.error.unknown_plan": (
        "Fann ingen plan med id «{id}». Planane er: {known}.",
        "Fant ingen plan med id «{id}». Planene er: {known}.",
        "No plan with id “{id}”. The plans are: {known}.",
    ),
    "diagram.error.unknown_goal": (
        "Fann ikkje noko mål med id «{id}».",
        "Fant ikke noe mål med id «{id}».",
        "No goal with id “{id}”.",
    ),
    "diagram.error.unknown_area": (
        "Fann ikkje noko satsingsområde med id «{id}».",
        "Fant ikke noe satsingsområde med id «{id}».",
        "No priority area with id “{id}”.",
    ),
    "diagram.error.wrong_kind": (
        "«{id}» er av typen «{kind}», ikkje «{expected}».",
        "«{id}» er av typen «{kind}», ikke «{expected}».",
        "“{id}” is of the kind “{kind}”, not “{expected}”.",
    ),
    "diagram.error.one_view": (
        "Vel berre éin av --plan, --goal og --area.",
        "Velg bare én av --plan, --goal og --area.",
        "Choose only one of --plan, --goal and --area.",
    ),
    "diagram.error.view_needs_id": (
        "Visinga «{view}» treng ein id: --{view} ID.",
        "Visningen «{view}» trenger en id: --{view} ID.",
        "The view “{view}” needs an id: --{view} ID.",
    ),
    "diagram.error.bad_format": (
        "Kan ikkje lage filer av typen «{suffix}». Bruk .svg, .png, .pdf eller .dot, eller -o - for DOT på skjermen.",
        "Kan ikke lage filer av typen «{suffix}». Bruk .svg, .png, .pdf eller .dot, eller -o - for DOT på skjermen.",
        "Cannot write “{suffix}” files. Use .svg, .png, .pdf or .dot, or -o - for DOT on standard output.",
    ),
    "diagram.error.bad_width": (
        "Breidda må vere mellom {low} og {high} cm.",
        "Bredden må være mellom {low} og {high} cm.",
        "The width must be between {low} and {high} cm.",
    ),
    "diagram.error.pure_not_found": (
        "Fann ikkje teikneprogrammet {program}, som kjem med maltrace. Installer maltrace på nytt (pip install maltrace), eller vis til ein Graphviz med --dot PATH.",
        "Fant ikke tegneprogrammet {program}, som kommer med maltrace. Installer maltrace på nytt (pip install maltrace), eller vis til en Graphviz med --dot PATH.",
        "The drawing program {program}, which comes with maltrace, was not found. Reinstall maltrace (pip install maltrace), or point to a Graphviz with --dot PATH.",
    ),
    "diagram.error.program_not_found": (
        "Fann ikkje Graphviz-programmet «{program}» (frå --dot eller MALTRACE_DOT).",
        "Fant ikke Graphviz-programmet «{program}» (fra --dot eller MALTRACE_DOT).",
        "The Graphviz program “{program}” (from --dot or MALTRACE_DOT) was not found.",
    ),
    "diagram.error.program_failed": (
        "Teikneprogrammet {program} feila: {detail}",
        "Tegneprogrammet {program} feilet: {detail}",
        "The drawing program {program} failed: {detail}",
    ),
    "diagram.error.timeout": (
        "Teikneprogrammet {program} brukte meir enn {seconds:# sekund|# sekund} og vart stoppa. Vel ein mindre del med --plan eller --area.",
        "Tegneprogrammet {program} brukte mer enn {seconds:# sekund|# sekunder} og ble stoppet. Velg en mindre del med --plan eller --area.",
        "The drawing program {program} took more than {seconds:# second|# seconds} and was stopped. Pick a smaller part with --plan or --area.",
    ),
    "diagram.error.protected": (
        "Vil ikkje skrive over planfila {path}. Vel eit anna filnamn.",
        "Vil ikke skrive over planfilen {path}. Velg et annet filnavn.",
        "Refusing to write over the plan file {path}. Choose another file name.",
    ),
    # ---- end of diagram ------------------------------------------------------------------
    # ---- report (render/report_model.py and the format renderers) -----------------------------
    "report.title": ("Oppfølging av planane", "Oppfølging av planene", "Follow-up of the plans"),
    "report.title_plan": (
        "Oppfølging i {plan}: {title}",
        "Oppfølging i {plan}: {title}",
        "Follow-up in {plan}: {title}",
    ),
    "report.generated": (
        "Laga med maltrace {date}.",
        "Laget med maltrace {date}.",
        "Made with maltrace on {date}.",
    ),
    "report.toc": ("Innhald", "Innhold", "Contents"),
    "report.summary": ("Samandrag", "Sammendrag", "Summary"),
    "report.plans": ("Planane", "Planene", "The plans"),
    "report.diagram": ("Den raude tråden", "Den røde tråden", "The red thread"),
    "report.diagram_alt": (
        "Diagram over korleis planane følgjer opp måla; mål som ikkje er følgde opp, har stipla raud ramme.",
        "Diagram over hvordan planene følger opp målene; mål som ikke er fulgt opp, har stiplet rød ramme.",
        "Diagram of how the plans follow up the goals; goals not followed up have a dashed red frame.",
    ),
    "report.goal_table": (
        "Oppfølging av kvart mål",
        "Oppfølging av hvert mål",
        "Follow-up of each goal",
    ),
    "report.through_delmal": (
        "(gjennom delmåla)",
        "(gjennom delmålene)",
        "(through its sub-goals)",
    ),
    "report.links": ("Lenkjer", "Lenker", "Links"),
    "report.matrix": ("Sporingsmatrise", "Sporingsmatrise", "Trace matrix"),
    "report.coverage_sheet": ("Oppfølgingsgrad", "Oppfølgingsgrad", "Coverage"),
    "report.findings_sheet": ("Funn", "Funn", "Findings"),
    "report.none_uncovered": (
        "Alle måla er følgde opp.",
        "Alle målene er fulgt opp.",
        "Every goal is followed up.",
    ),
    "report.none_orphans": (
        "Alt i planane som følgjer opp, har spor oppover.",
        "Alt i planene som følger opp, har spor oppover.",
        "Everything in the following plans traces upwards.",
    ),
    "report.none_links": ("Ingen lenkjer.", "Ingen lenker.", "No links."),
    "report.no_diagram": (
        "Diagrammet kunne ikkje teiknast: {reason}",
        "Diagrammet kunne ikke tegnes: {reason}",
        "The diagram could not be drawn: {reason}",
    ),
    "report.diagram_file": (
        "Diagrammet ligg i fila {file}.",
        "Diagrammet ligger i filen {file}.",
        "The diagram is in the file {file}.",
    ),
    "report.wrote": ("Skreiv {path}", "Skrev {path}", "Wrote {path}"),
    "report.bad_format": (
        "Ukjend rapportformat «{suffix}». Bruk .md, .html, .docx, .xlsx eller .csv.",
        "Ukjent rapportformat «{suffix}». Bruk .md, .html, .docx, .xlsx eller .csv.",
        "Unknown report format “{suffix}”. Use .md, .html, .docx, .xlsx or .csv.",
    ),
    "report.protected": (
        "Skriv ikkje over planfila {path}. Vel eit anna filnamn for rapporten.",
        "Skriver ikke over planfilen {path}. Velg et annet filnavn for rapporten.",
        "Will not write over the plan file {path}. Choose another file name for the report.",
    ),
    "report.cannot_write": (
        "Kunne ikkje skrive {path}: {reason}",
        "Kunne ikke skrive {path}: {reason}",
        "Could not write {path}: {reason}",
    ),
    "col.from": ("Frå", "Fra", "From"),
    "col.from_title": ("Frå (tittel)", "Fra (tittel)", "From (title)"),
    "col.from_plan": ("Frå plan", "Fra plan", "From plan"),
    "col.to": ("Følgjer opp", "Følger opp", "Follows up"),
    "report.overall_kind": ("Samla", "Samlet", "Overall"),
    "report.overall_id": ("Alle", "Alle", "All"),
    "col.to_title": ("Følgjer opp (tittel)", "Følger opp (tittel)", "Follows up (title)"),
    "col.to_plan": ("I plan", "I plan", "In plan"),
    "col.type": ("Plantype", "Plantype", "Plan type"),
    "col.file": ("Fil", "Fil", "File"),
    "col.line": ("Line", "Linje", "Line"),
    "col.fix": ("Slik rettar du det", "Slik retter du det", "How to fix"),
    "col.goal": ("Mål", "Mål", "Goal"),
}

"""maltrace suggest: suggestion words."""

# key -> (nn, nb, en)
TEXTS: dict[str, tuple[str, str, str]] = {
    "suggest.kind.orphan": ("utan spor opp", "uten spor opp", "no trace up"),
    "suggest.kind.not-followed-up": ("ikkje følgd opp", "ikke fulgt opp", "not followed up"),
    "suggest.heading.orphan": (
        "{node} ({plan}) har ikkje spor opp: «{title}». Kan følgje opp:",
        "{node} ({plan}) har ikke spor opp: «{title}». Kan følge opp:",
        "{node} ({plan}) has no trace up: “{title}”. May follow up:",
    ),
    "suggest.heading.not-followed-up": (
        "Målet {node} ({plan}) er ikkje følgt opp: «{title}». Kanskje blir det følgt opp av:",
        "Målet {node} ({plan}) er ikke fulgt opp: «{title}». Kanskje blir det fulgt opp av:",
        "Goal {node} ({plan}) is not followed up: “{title}”. It may be followed up by:",
    ),
    "suggest.no_candidates": (
        "Ingen kandidatar: ingen ord til felles med noko aktuelt.",
        "Ingen kandidater: ingen ord til felles med noe aktuelt.",
        "No candidates: no words in common with anything that could be linked.",
    ),
    "suggest.matched": ("ord: {words}", "ord: {words}", "words: {words}"),
    "suggest.like": (
        "liknar {like}, som alt følgjer opp dette",
        "ligner {like}, som allerede følger opp dette",
        "reads like {like}, which already follows it up",
    ),
    "suggest.legend": (
        "Treff frå 0 til 1. Ord: a/b er same ord i to former (bustad/bolig), a ~ b er ord om "
        "same emne, (ord) i parentes står over noden (målet eller satsingsområdet han høyrer til).",
        "Treff fra 0 til 1. Ord: a/b er samme ord i to former (bustad/bolig), a ~ b er ord om "
        "samme emne, (ord) i parentes står over noden (målet eller satsingsområdet den hører til).",
        "Scores from 0 to 1. Words: a/b is one word in two forms (bustad/bolig), a ~ b are words "
        "on one topic, (word) in brackets is written above the node (its goal or area).",
    ),
    "suggest.nothing": (
        "Ingenting å foreslå: alt har spor opp, og alle mål er følgde opp.",
        "Ingenting å foreslå: alt har spor opp, og alle mål er fulgt opp.",
        "Nothing to suggest: everything has a trace up and every goal is followed up.",
    ),
    "suggest.node_traced": (
        "{node} har spor opp og er ikkje eit mål som manglar oppfølging; ingenting å foreslå.",
        "{node} har spor opp og er ikke et mål som mangler oppfølging; ingenting å foreslå.",
        "{node} has a trace up and is not a goal without follow-up; nothing to suggest.",
    ),
    "suggest.unknown_node": (
        "Ingen node med ID-en «{node}» i settet.{hint}",
        "Ingen node med ID-en «{node}» i settet.{hint}",
        "No node with the id “{node}” in the set.{hint}",
    ),
    "suggest.summary": (
        "{count:# forslag|# forslag}. Dette er framlegg ut frå orda, ikkje lenkjer: ein person avgjer, og skriv lenkja inn i planfila.",
        "{count:# forslag|# forslag}. Dette er forslag ut fra ordene, ikke lenker: en person avgjør, og skriver lenken inn i planfilen.",
        "{count:# suggestion|# suggestions}. These are proposals from the words, not links: a person decides, and writes the link into the plan file.",
    ),
    "suggest.bad_format": (
        "Ukjend filformat «{suffix}». Bruk .xlsx, .json, .md, .html eller .docx.",
        "Ukjent filformat «{suffix}». Bruk .xlsx, .json, .md, .html eller .docx.",
        "Unknown file format “{suffix}”. Use .xlsx, .json, .md, .html or .docx.",
    ),
    "suggest.sheet": ("Forslag", "Forslag", "Suggestions"),
    "suggest.title": (
        "Forslag til lenkjer i den raude tråden",
        "Forslag til lenker i den røde tråden",
        "Suggested links in the red thread",
    ),
    "suggest.col.node": ("Node", "Node", "Node"),
    "suggest.col.kind": ("Kvifor", "Hvorfor", "Why"),
    "suggest.col.plan": ("Plan", "Plan", "Plan"),
    "suggest.col.title": ("Tittel", "Tittel", "Title"),
    "suggest.col.rank": ("Nr.", "Nr.", "Rank"),
    "suggest.col.candidate": ("Kandidat", "Kandidat", "Candidate"),
    "suggest.col.candidate_plan": ("Kandidat i plan", "Kandidat i plan", "Candidate plan"),
    "suggest.col.candidate_title": ("Kandidat, tittel", "Kandidat, tittel", "Candidate title"),
    "suggest.col.score": ("Treff (0–1)", "Treff (0–1)", "Score (0–1)"),
    "suggest.col.matched": ("Ord til felles", "Ord til felles", "Words in common"),
    "suggest.col.like": (
        "Liknar (følgjer alt opp)",
        "Ligner (følger allerede opp)",
        "Reads like (already follows up)",
    ),
    "suggest.col.follower": ("Følgjer opp (node)", "Følger opp (node)", "Follower (node)"),
    "suggest.col.target": ("Blir følgd opp (mål)", "Blir fulgt opp (mål)", "Followed up (target)"),
    "suggest.col.accept": (
        "Godta (skriv x)",
        "Godta (skriv x)",
        "Accept (write x)",
    ),
    # -- reading by meaning (the optional sentence model) ---------------------------------------
    "suggest.by_meaning": ("liknar i meining", "ligner i mening", "alike in meaning"),
    "suggest.engine": ("Rangert etter {engine}.", "Rangert etter {engine}.", "Ranked by {engine}."),
    "suggest.engine.words": ("ord", "ord", "words"),
    "suggest.engine.meaning": (
        "meining (ein setningsmodell)",
        "mening (en setningsmodell)",
        "meaning (a sentence model)",
    ),
    "suggest.engine.both": (
        "ord og meining (ein setningsmodell)",
        "ord og mening (en setningsmodell)",
        "words and meaning (a sentence model)",
    ),
    "suggest.meaning.missing": (
        "rangerer etter ord: setningsmodellen er ikkje installert (pip install 'maltrace[meaning]')",
        "rangerer etter ord: setningsmodellen er ikke installert (pip install 'maltrace[meaning]')",
        "ranking by words: the sentence model is not installed (pip install 'maltrace[meaning]')",
    ),
    "suggest.meaning.failed": (
        "rangerer etter ord: setningsmodellen kunne ikkje lastast her ({reason})",
        "rangerer etter ord: setningsmodellen kunne ikke lastes her ({reason})",
        "ranking by words: the sentence model could not be loaded here ({reason})",
    ),
    "suggest.meaning.too_big": (
        "rangerer etter ord: settet har {nodes} nodar, over {limit}, og å lese alle etter meining ville ta for lang tid",
        "rangerer etter ord: settet har {nodes} noder, over {limit}, og å lese alle etter mening ville ta for lang tid",
        "ranking by words: the set has {nodes} nodes, over {limit}, and reading them all by meaning would take too long",
    ),
    "suggest.summary_meaning": (
        "{count} forslag. Dette er framlegg ut frå ord og meining, ikkje lenkjer: ein person "
        "avgjer, og lenkja blir skriven inn i `follows_up` i planfila.",
        "{count} forslag. Dette er forslag ut fra ord og mening, ikke lenker: en person avgjør, "
        "og lenken skrives inn i `follows_up` i planfilen.",
        "{count} suggestions. These are proposals from words and meaning, not links: a person "
        "decides, and writes the link into `follows_up` in the plan file.",
    ),
    "suggest.col.engine": ("Rangert etter", "Rangert etter", "Ranked by"),
    "suggest.col.meaning": ("Meining", "Mening", "Meaning"),
    # -- suggest --apply-from: the accepted rows written into the plans ------------------------
    # Problems in the workbook: "Forslag!M5: <message>".
    "excel.problem.not_suggestions": (
        "arbeidsboka er ikkje ei forslagsliste frå «maltrace suggest -o» (ikkje noko ark {sheet}; ark funne: {found}). Lag ho med «maltrace suggest PLANAR -o forslag.xlsx»",
        "arbeidsboken er ikke en forslagsliste fra «maltrace suggest -o» (ikke noe ark {sheet}; ark funnet: {found}). Lag den med «maltrace suggest PLANER -o forslag.xlsx»",
        "the workbook is not a list of suggestions from “maltrace suggest -o” (no sheet {sheet}; sheets found: {found}). Make one with “maltrace suggest PLANS -o suggestions.xlsx”",
    ),
    "excel.problem.suggest_column_missing": (
        "arket manglar kolonnen «{column}» som «maltrace suggest -o» skriv; lag arbeidsboka på nytt og merk radene der",
        "arket mangler kolonnen «{column}» som «maltrace suggest -o» skriver; lag arbeidsboken på nytt og merk radene der",
        "the sheet has no column “{column}”, which “maltrace suggest -o” writes; make the workbook again and mark the rows there",
    ),
    "excel.problem.accept_word": (
        "«{value}» i godta-kolonnen: skriv x (eller ja, yes, 1, ✓) for å godta lenkja, eller la cella stå tom",
        "«{value}» i godta-kolonnen: skriv x (eller ja, yes, 1, ✓) for å godta lenken, eller la cellen stå tom",
        "“{value}” in the accept column: write x (or ja, yes, 1, ✓) to accept the link, or leave the cell empty",
    ),
    "excel.problem.accept_no_candidate": (
        "rada har ingen kandidat å godta; la godta-cella stå tom",
        "raden har ingen kandidat å godta; la godta-cellen stå tom",
        "the row has no candidate to accept; leave the accept cell empty",
    ),
    "excel.problem.accept_mismatch": (
        "lenkja {follower} → {target} passar ikkje med noden {node} og kandidaten {candidate} i same rad; set cellene tilbake, eller lag arbeidsboka på nytt",
        "lenken {follower} → {target} passer ikke med noden {node} og kandidaten {candidate} i samme rad; sett cellene tilbake, eller lag arbeidsboken på nytt",
        "the link {follower} → {target} does not match the node {node} and the candidate {candidate} on the same row; put the cells back, or make the workbook again",
    ),
    "excel.problem.accept_unknown": (
        "ingen node med ID-en «{id}» i planane no.{hint}",
        "ingen node med ID-en «{id}» i planene nå.{hint}",
        "no node with the id “{id}” in the plans now.{hint}",
    ),
    "excel.problem.accept_invalid": (
        "{follower} kan ikkje følgje opp {target}: {why}",
        "{follower} kan ikke følge opp {target}: {why}",
        "{follower} cannot follow up {target}: {why}",
    ),
    "excel.problem.accept_unsafe": (
        "follows_up til {follower} i {file} (linje {line}) er ikkje skriven som ei liste maltrace kan leggje til i; skriv {target} inn for hand",
        "follows_up til {follower} i {file} (linje {line}) er ikke skrevet som en liste maltrace kan legge til i; skriv {target} inn for hånd",
        "the follows_up of {follower} in {file} (line {line}) is not written as a list maltrace can add to; write {target} in by hand",
    ),
    "excel.problem.accept_no_file": (
        "planfila til {follower} ({file}) kunne ikkje lesast; lenkja kan ikkje skrivast",
        "planfilen til {follower} ({file}) kunne ikke leses; lenken kan ikke skrives",
        "the plan file of {follower} ({file}) could not be read; the link cannot be written",
    ),
    "suggest.apply.why.link-to-self": (
        "ein node kan ikkje følgje opp seg sjølv",
        "en node kan ikke følge opp seg selv",
        "a node cannot follow up itself",
    ),
    "suggest.apply.why.link-to-area": (
        "{target} er eit satsingsområde; vel eit mål eller ein strategi under det",
        "{target} er et satsingsområde; velg et mål eller en strategi under det",
        "{target} is an area; choose a goal or strategy under it",
    ),
    "suggest.apply.why.link-to-measure": (
        "{target} er eit tiltak, og berre mål og strategiar blir følgde opp",
        "{target} er et tiltak, og bare mål og strategier blir fulgt opp",
        "{target} is a tiltak (measure), and only goals and strategies are followed up",
    ),
    "suggest.apply.why.link-outside-followed": (
        "planen {plan} følgjer ikkje planen {target_plan}; legg {target_plan} til i «follows» i planhovudet først",
        "planen {plan} følger ikke planen {target_plan}; legg {target_plan} til i «follows» i planhodet først",
        "the plan {plan} does not follow the plan {target_plan}; add {target_plan} to “follows” in the plan header first",
    ),
    # Messages of the command.
    "suggest.apply.problems": (
        "{file}: {count:# problem|# problem}. Ingenting er skrive inn i planane; rett arbeidsboka (eller planane) og køyr på nytt.",
        "{file}: {count:# problem|# problemer}. Ingenting er skrevet inn i planene; rett arbeidsboken (eller planene) og kjør på nytt.",
        "{file}: {count:# problem|# problems}. Nothing was written into the plans; fix the workbook (or the plans) and run again.",
    ),
    "suggest.apply.already": (
        "Rad {row}: {follower} følgjer alt opp {target}; hoppa over.",
        "Rad {row}: {follower} følger allerede opp {target}; hoppet over.",
        "Row {row}: {follower} already follows up {target}; skipped.",
    ),
    "suggest.apply.nothing": (
        "Ingen rader er merkte i godta-kolonnen; ingenting å skrive.",
        "Ingen rader er merket i godta-kolonnen; ingenting å skrive.",
        "No row is marked in the accept column; nothing to write.",
    ),
    "suggest.apply.all_there": (
        "Alle dei godtekne lenkjene står alt i planane; ingenting å skrive.",
        "Alle de godtatte lenkene står allerede i planene; ingenting å skrive.",
        "Every accepted link is in the plans already; nothing to write.",
    ),
    "suggest.apply.dry_run": (
        "Lenkjer som kan skrivast inn: {count}, i filer: {files}. Ingenting er skrive; køyr same kommando med --apply for å skrive.",
        "Lenker som kan skrives inn: {count}, i filer: {files}. Ingenting er skrevet; kjør samme kommando med --apply for å skrive.",
        "Links that can be written: {count}, in files: {files}. Nothing was written; run the same command with --apply to write.",
    ),
    "suggest.apply.applied": (
        "Skreiv inn {count} av dei godtekne lenkjene i {path}.",
        "Skrev inn {count} av de godtatte lenkene i {path}.",
        "Wrote {count} of the accepted links into {path}.",
    ),
    "suggest.apply.changed_since": (
        "{path} er endra sidan maltrace las fila; ho er ikkje skriven. Køyr kommandoen på nytt.",
        "{path} er endret siden maltrace leste filen; den er ikke skrevet. Kjør kommandoen på nytt.",
        "{path} changed since maltrace read it; it was not written. Run the command again.",
    ),
    "suggest.apply.bad_usage": (
        "--apply-from kan ikkje brukast saman med --output, --node, --plan eller --format json.",
        "--apply-from kan ikke brukes sammen med --output, --node, --plan eller --format json.",
        "--apply-from cannot be used with --output, --node, --plan or --format json.",
    ),
    "suggest.apply.needs_from": (
        "--apply skriv lenkjene frå ei arbeidsbok: bruk det saman med --apply-from FIL.xlsx.",
        "--apply skriver lenkene fra en arbeidsbok: bruk det sammen med --apply-from FIL.xlsx.",
        "--apply writes the links from a workbook: use it with --apply-from FILE.xlsx.",
    ),
}

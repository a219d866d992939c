"""maltrace serve: the words of the web page, its edits and its refusals."""

# key -> (nn, nb, en)
TEXTS: dict[str, tuple[str, str, str]] = {
    # ---- the page ----------------------------------------------------------------------------
    "serve.title": ("Den raude tråden", "Den røde tråden", "The red thread"),
    "serve.nav": ("Visingar", "Visninger", "Views"),
    "serve.nav.map": ("Plankart", "Plankart", "Plan map"),
    "serve.nav.status": ("Status", "Status", "Status"),
    "serve.nav.frameworks": ("Rammeverk", "Rammeverk", "Frameworks"),
    "serve.nav.diff": ("Endringar", "Endringer", "Changes"),
    "serve.lang": ("Språk", "Språk", "Language"),
    "serve.lang.nn": ("nynorsk", "nynorsk", "Nynorsk"),
    "serve.lang.nb": ("bokmål", "bokmål", "Bokmål"),
    "serve.lang.en": ("English", "English", "English"),
    "serve.search": ("Søk", "Søk", "Search"),
    "serve.search_hint": (
        "Ein id eller nokre ord frå tittelen",
        "En id eller noen ord fra tittelen",
        "An id or some words of the title",
    ),
    "serve.only_alert": (
        "Berre det som ikkje er følgt opp",
        "Bare det som ikke er fulgt opp",
        "Only what is not followed up",
    ),
    "serve.filter_plan": ("Plan", "Plan", "Plan"),
    "serve.filter_area": ("Satsingsområde", "Satsingsområde", "Area"),
    "serve.all": ("alle", "alle", "all"),
    "serve.apply_filter": ("Vis", "Vis", "Show"),
    "serve.clear_filter": ("Vis alt", "Vis alt", "Show all"),
    "serve.filtered": (
        "{shown} av {total:# element|# element} passar til søket.",
        "{shown} av {total:# element|# elementer} passer til søket.",
        "{shown} of {total:# item matches|# items match}.",
    ),
    "serve.col.followed": ("Samfunnsdelen", "Samfunnsdelen", "The samfunnsdel"),
    "serve.col.following": (
        "Kommunedelplanar og temaplanar",
        "Kommunedelplaner og temaplaner",
        "Sector and thematic plans",
    ),
    "serve.col.measures": ("Handlingsdelen", "Handlingsdelen", "The handlingsdel"),
    "serve.items": (
        "{count:# element|# element}",
        "{count:# element|# elementer}",
        "{count:# item|# items}",
    ),
    "serve.alert.uncovered": ("ikkje følgt opp", "ikke fulgt opp", "not followed up"),
    "serve.alert.justified": ("grunngitt", "begrunnet", "justified"),
    "serve.alert.orphan": ("utan spor oppover", "uten spor oppover", "no trace upwards"),
    "serve.in_thread": ("i den raude tråden", "i den røde tråden", "in the red thread"),
    "serve.selected": ("valt", "valgt", "selected"),
    "serve.map_hint": (
        "Vel eit mål, ein strategi eller eit tiltak for å sjå den raude tråden og detaljane. "
        "Tastatur: Tab til elementet og Enter; / søkjer; Escape lukkar panelet.",
        "Velg et mål, en strategi eller et tiltak for å se den røde tråden og detaljene. "
        "Tastatur: Tab til elementet og Enter; / søker; Escape lukker panelet.",
        "Choose a goal, strategy or measure to see its red thread and details. "
        "Keyboard: Tab to it and press Enter; / searches; Escape closes the panel.",
    ),
    "serve.per_area": ("Per satsingsområde", "Per satsingsområde", "Per area"),
    "serve.more_findings": (
        "… og {count:# funn|# funn} til (sjå maltrace check).",
        "… og {count:# funn|# funn} til (se maltrace check).",
        "… and {count:# more finding|# more findings} (see maltrace check).",
    ),
    "serve.load_errors": (
        "Planane kunne ikkje lesast; sida er skrivebeskytta til feila er retta:",
        "Planene kunne ikke leses; siden er skrivebeskyttet til feilene er rettet:",
        "The plans could not be loaded; the page is read-only until the errors are fixed:",
    ),
    "serve.no_js": (
        "Sida kan lesast utan JavaScript; for å endre planane trengst JavaScript.",
        "Siden kan leses uten JavaScript; for å endre planene trengs JavaScript.",
        "The page reads without JavaScript; editing the plans needs JavaScript.",
    ),
    # ---- the panel ---------------------------------------------------------------------------
    "serve.panel": ("Detaljar", "Detaljer", "Details"),
    "serve.panel.close": ("Lukk", "Lukk", "Close"),
    "serve.panel.follows_up": ("Følgjer opp", "Følger opp", "Follows up"),
    "serve.panel.followed_by": ("Følgt opp av", "Fulgt opp av", "Followed up by"),
    "serve.panel.children": ("Under", "Under", "Below"),
    "serve.panel.parent": ("Høyrer til", "Hører til", "Belongs to"),
    "serve.panel.due": ("Frist", "Frist", "Due"),
    "serve.panel.responsible": ("Ansvar", "Ansvar", "Responsible"),
    "serve.panel.where": ("Fil og line", "Fil og linje", "File and line"),
    "serve.panel.findings": ("Funn", "Funn", "Findings"),
    "serve.panel.indicators": ("Indikatorar", "Indikatorer", "Indicators"),
    "serve.panel.reason": ("Grunngiving", "Begrunnelse", "Reason"),
    "serve.panel.none": ("ingen", "ingen", "none"),
    "serve.panel.thread": (
        "Den raude tråden: {count:# element er markert|# element er markerte}.",
        "Den røde tråden: {count:# element er markert|# elementer er markert}.",
        "The red thread: {count:# item highlighted|# items highlighted}.",
    ),
    "serve.panel.diagram": ("Diagram for målet", "Diagram for målet", "The goal's diagram"),
    # ---- editing -----------------------------------------------------------------------------
    "serve.edit": ("Endre", "Endre", "Edit"),
    "serve.edit.add_link": (
        "Legg til oppfølging av",
        "Legg til oppfølging av",
        "Add a follow-up of",
    ),
    "serve.edit.add_hint": (
        "Id-en til eit mål eller ein strategi; forslaga kjem først.",
        "Id-en til et mål eller en strategi; forslagene kommer først.",
        "The id of a goal or strategy; the suggestions come first.",
    ),
    "serve.edit.add": ("Legg til", "Legg til", "Add"),
    "serve.edit.remove": ("Fjern {id}", "Fjern {id}", "Remove {id}"),
    "serve.edit.suggested": ("Forslag", "Forslag", "Suggestions"),
    "serve.edit.status": ("Status for tiltaket", "Status for tiltaket", "The measure's status"),
    "serve.edit.save_status": ("Lagre status", "Lagre status", "Save status"),
    "serve.edit.reason": ("Grunngiving", "Begrunnelse", "Reason"),
    "serve.edit.reason_hint.reason_not_followed_up": (
        "Kvifor målet med vilje ikkje blir følgt opp (tom: ingen grunngiving).",
        "Hvorfor målet med vilje ikke blir fulgt opp (tom: ingen begrunnelse).",
        "Why the goal is deliberately not followed up (empty: no reason).",
    ),
    "serve.edit.reason_hint.reason_no_link": (
        "Kvifor dette med vilje ikkje følgjer opp noko (tom: ingen grunngiving).",
        "Hvorfor dette med vilje ikke følger opp noe (tom: ingen begrunnelse).",
        "Why this deliberately follows up nothing (empty: no reason).",
    ),
    "serve.edit.save_reason": ("Lagre grunngivinga", "Lagre begrunnelsen", "Save the reason"),
    "serve.edit.undo": ("Angre siste endring", "Angre siste endring", "Undo the last edit"),
    "serve.edit.saved": ("Lagra i {files}.", "Lagret i {files}.", "Saved in {files}."),
    "serve.edit.unchanged": (
        "Ingenting å endre: verdien er der alt.",
        "Ingenting å endre: verdien er der allerede.",
        "Nothing to change: the value is there already.",
    ),
    "serve.edit.undone": ("Angra i {files}.", "Angret i {files}.", "Undone in {files}."),
    "serve.edit.updated": (
        "Plan-filene er endra; sida viser det nye.",
        "Planfilene er endret; siden viser det nye.",
        "The plan files changed; the page shows the new state.",
    ),
    "serve.edit.read_only": (
        "Skrivebeskytta: endringar er slått av.",
        "Skrivebeskyttet: endringer er slått av.",
        "Read-only: editing is off.",
    ),
    # ---- refusals (the API's 4xx, with code) -------------------------------------------------
    "serve.refused.stale": (
        "Plan-filene er endra sidan sida vart lasta (i ein editor, av git eller på ei anna side). Ingenting er skrive; sida viser no det nye, prøv igjen.",
        "Planfilene er endret siden siden ble lastet (i en editor, av git eller på en annen side). Ingenting er skrevet; siden viser nå det nye, prøv igjen.",
        "The plan files changed since the page was loaded (in an editor, by git or on another page). Nothing was written; the page now shows the new state, try again.",
    ),
    "serve.refused.unknown-node": (
        "Fann ingen node med id {id}.{hint}",
        "Fant ingen node med id {id}.{hint}",
        "No node has the id {id}.{hint}",
    ),
    "serve.refused.unknown-target": (
        "Fann ingen node med id {id} å følgje opp.{hint}",
        "Fant ingen node med id {id} å følge opp.{hint}",
        "No node to follow up has the id {id}.{hint}",
    ),
    "serve.refused.invalid-link": (
        "{follower} kan ikkje følgje opp {target}: {why}.",
        "{follower} kan ikke følge opp {target}: {why}.",
        "{follower} cannot follow up {target}: {why}.",
    ),
    "serve.refused.cycle": (
        "{follower} kan ikkje følgje opp {target}: {target} fører alt tilbake til {follower}, så tråden ville gå i ring.",
        "{follower} kan ikke følge opp {target}: {target} fører allerede tilbake til {follower}, så tråden ville gå i ring.",
        "{follower} cannot follow up {target}: {target} already leads back to {follower}, so the thread would go round in a circle.",
    ),
    "serve.refused.not-linked": (
        "{node} følgjer ikkje opp {target}; ingenting å fjerne.",
        "{node} følger ikke opp {target}; ingenting å fjerne.",
        "{node} does not follow up {target}; nothing to remove.",
    ),
    "serve.refused.unsafe": (
        "maltrace kan ikkje gjere denne endringa trygt i {file} (line {line}); gjer ho i ein editor.",
        "maltrace kan ikke gjøre denne endringen trygt i {file} (linje {line}); gjør den i en editor.",
        "maltrace cannot make this edit safely in {file} (line {line}); make it in an editor.",
    ),
    "serve.refused.cannot-read": (
        "Kan ikkje lese {file}: {reason}.",
        "Kan ikke lese {file}: {reason}.",
        "Cannot read {file}: {reason}.",
    ),
    "serve.refused.cannot-write": (
        "Kan ikkje skrive {file}: {reason}. Ingenting er endra.",
        "Kan ikke skrive {file}: {reason}. Ingenting er endret.",
        "Cannot write {file}: {reason}. Nothing was changed.",
    ),
    "serve.refused.not-a-measure": (
        "{node} er ikkje eit tiltak; berre tiltak har status.",
        "{node} er ikke et tiltak; bare tiltak har status.",
        "{node} is not a measure; only measures have a status.",
    ),
    "serve.refused.bad-status": (
        "Ukjend status {status}; vel ein av: {known}.",
        "Ukjent status {status}; velg en av: {known}.",
        "Unknown status {status}; choose one of: {known}.",
    ),
    "serve.refused.too-long": (
        "Teksten er for lang ({length} teikn; høgst {limit}).",
        "Teksten er for lang ({length} tegn; høyst {limit}).",
        "The text is too long ({length} characters; at most {limit}).",
    ),
    "serve.refused.nothing-to-undo": (
        "Ingen endring å angre.",
        "Ingen endring å angre.",
        "No edit to undo.",
    ),
    "serve.refused.read-only": (
        "Serveren er skrivebeskytta; ingenting er skrive.",
        "Serveren er skrivebeskyttet; ingenting er skrevet.",
        "The server is read-only; nothing was written.",
    ),
    "serve.refused.load-errors": (
        "Planane har feil som hindrar lesing; rett dei i ein editor først.",
        "Planene har feil som hindrer lesing; rett dem i en editor først.",
        "The plans have errors that stop them loading; fix them in an editor first.",
    ),
    "serve.refused.forbidden": (
        "Ikkje tillate: sida manglar nøkkelen (token) eller kjem frå ein annan stad.",
        "Ikke tillatt: siden mangler nøkkelen (token) eller kommer fra et annet sted.",
        "Forbidden: the request lacks the token or comes from another origin.",
    ),
    "serve.refused.bad-host": (
        "Ukjent vertsnamn i førespurnaden.",
        "Ukjent vertsnavn i forespørselen.",
        "Unknown host name in the request.",
    ),
    "serve.refused.bad-request": (
        "Førespurnaden kan ikkje lesast: {detail}.",
        "Forespørselen kan ikke leses: {detail}.",
        "The request cannot be read: {detail}.",
    ),
    "serve.refused.too-large": (
        "Førespurnaden er for stor (høgst {limit:# byte|# byte}).",
        "Forespørselen er for stor (høyst {limit:# byte|# byte}).",
        "The request is too large (at most {limit:# byte|# bytes}).",
    ),
    "serve.refused.not-found": ("Fann ikkje sida.", "Fant ikke siden.", "Not found."),
    "serve.refused.internal": (
        "Noko gjekk gale i serveren; ingenting er skrive. Sjå terminalen der maltrace serve køyrer.",
        "Noe gikk galt i serveren; ingenting er skrevet. Se terminalen der maltrace serve kjører.",
        "Something went wrong in the server; nothing was written. See the terminal running maltrace serve.",
    ),
    # ---- the command -------------------------------------------------------------------------
    "serve.cli.missing": (
        "maltrace serve treng nettsidepakkane: pip install 'maltrace[serve]'",
        "maltrace serve trenger nettsidepakkene: pip install 'maltrace[serve]'",
        "maltrace serve needs the web packages: pip install 'maltrace[serve]'",
    ),
    "serve.cli.listening": (
        "Opne {url} i nettlesaren (Ctrl-C stoppar serveren).",
        "Åpne {url} i nettleseren (Ctrl-C stopper serveren).",
        "Open {url} in the browser (Ctrl-C stops the server).",
    ),
    "serve.cli.exposed": (
        "Åtvaring: serveren lyttar på {host}, ikkje berre på denne maskina. Alle som når adressa og har nøkkelen, kan endre planane; set han bak kommunen sin omvende proxy med innlogging.",
        "Advarsel: serveren lytter på {host}, ikke bare på denne maskinen. Alle som når adressen og har nøkkelen, kan endre planene; sett den bak kommunens omvendte proxy med innlogging.",
        "Warning: the server listens on {host}, not only on this machine. Anyone who reaches it and has the token can edit the plans; put it behind the kommune's reverse proxy with login.",
    ),
    "serve.cli.port_in_use": (
        "Porten {port} er i bruk; vel ein annan med --port.",
        "Porten {port} er i bruk; velg en annen med --port.",
        "Port {port} is in use; choose another with --port.",
    ),
    "serve.cli.cannot_listen": (
        "Kan ikkje lytte på {host}:{port}: {reason}.",
        "Kan ikke lytte på {host}:{port}: {reason}.",
        "Cannot listen on {host}:{port}: {reason}.",
    ),
    "serve.cli.token_file": (
        "Kan ikkje lese nøkkelfila {path}: {reason}.",
        "Kan ikke lese nøkkelfilen {path}: {reason}.",
        "Cannot read the token file {path}: {reason}.",
    ),
    "serve.cli.no_plans": (
        "Fann ingen plan-filer (*.yaml) i {paths}.",
        "Fant ingen planfiler (*.yaml) i {paths}.",
        "No plan files (*.yaml) found in {paths}.",
    ),
    "serve.cli.load_errors": (
        "Planane har feil; sida viser dei og er skrivebeskytta til dei er retta.",
        "Planene har feil; siden viser dem og er skrivebeskyttet til de er rettet.",
        "The plans have errors; the page shows them and is read-only until they are fixed.",
    ),
}

"""maltrace diff and relink: change kinds, impact codes, their headings."""

# key -> (nn, nb, en)
TEXTS: dict[str, tuple[str, str, str]] = {
    # -- reading a side from git ---------------------------------------------------------------
    "source.no_git": (
        "Fann ikkje programmet git. Installer git, eller gje mapper i staden for REV:STI.",
        "Fant ikke programmet git. Installer git, eller gi mapper i stedet for REV:STI.",
        "The git program was not found. Install git, or give folders instead of REV:PATH.",
    ),
    "source.no_repo": (
        "{folder} ligg ikkje i eit git-repository, så REV:STI kan ikkje lesast. Gå til mappa med planane, eller gje mapper.",
        "{folder} ligger ikke i et git-repository, så REV:STI kan ikke leses. Gå til mappen med planene, eller gi mapper.",
        "{folder} is not inside a git repository, so REV:PATH cannot be read. Change to the plans' folder, or give folders.",
    ),
    "source.unknown_rev": (
        "Git kjenner ikkje revisjonen «{rev}». Sjå `git log --oneline` eller `git tag` for namn som finst.",
        "Git kjenner ikke revisjonen «{rev}». Se `git log --oneline` eller `git tag` for navn som finnes.",
        "Git does not know the revision “{rev}”. See `git log --oneline` or `git tag` for names that exist.",
    ),
    "source.unknown_path": (
        "Stien «{path}» finst ikkje i revisjonen «{rev}». Stien er rekna frå toppen av repositoryet (eller frå denne mappa med ./).",
        "Stien «{path}» finnes ikke i revisjonen «{rev}». Stien regnes fra toppen av repositoryet (eller fra denne mappen med ./).",
        "The path “{path}” does not exist at revision “{rev}”. The path counts from the top of the repository (or from this folder with ./).",
    ),
    "source.git_failed": (
        "Git svarte med ein feil: {reason}",
        "Git svarte med en feil: {reason}",
        "Git answered with an error: {reason}",
    ),
    "source.one_revision": (
        "«{spec}»: ei side av diff-en er anten éin REV:STI eller mapper og filer, ikkje begge.",
        "«{spec}»: en side av diff-en er enten én REV:STI eller mapper og filer, ikke begge.",
        "“{spec}”: one side of the diff is either one REV:PATH or folders and files, not both.",
    ),
    # -- change kinds ----------------------------------------------------------------------------
    "change.added": ("lagt til", "lagt til", "added"),
    "change.removed": ("fjerna", "fjernet", "removed"),
    "change.reworded": ("omformulert", "omformulert", "reworded"),
    "change.renumbered": ("nytt nummer", "nytt nummer", "renumbered"),
    "change.moved": ("flytta", "flyttet", "moved"),
    "change.header": (
        "planopplysning endra",
        "planopplysning endret",
        "plan header changed",
    ),
    "kind.plan": ("plan", "plan", "plan"),
    "change.reused_id": (
        "ID-en høyrde til eit anna mål før: «{old_title}»",
        "ID-en hørte til et annet mål før: «{old_title}»",
        "the id belonged to another node before: “{old_title}”",
    ),
    "change.renumbered_from": ("var {old_id}", "var {old_id}", "was {old_id}"),
    "change.moved_from": (
        "frå {old} til {new}",
        "fra {old} til {new}",
        "from {old} to {new}",
    ),
    "change.top": ("toppnivå", "toppnivå", "top level"),
    "change.description": (
        "skildringa er endra",
        "beskrivelsen er endret",
        "the description changed",
    ),
    "change.none": ("(ingen)", "(ingen)", "(none)"),
    "change.quoted": ("«{text}»", "«{text}»", "“{text}”"),
    # -- impact ------------------------------------------------------------------------------------
    "impact.target-removed": (
        "{node} følgjer opp {target} («{title}»), som er fjerna.",
        "{node} følger opp {target} («{title}»), som er fjernet.",
        "{node} follows up {target} (“{title}”), which was removed.",
    ),
    "impact_fix.target-removed": (
        "Vel målet {node} no skal følgje opp, eller fjern lenkja. Dette må ein person avgjere.",
        "Velg målet {node} nå skal følge opp, eller fjern lenken. Dette må en person avgjøre.",
        "Choose the goal {node} should follow up now, or remove the link. A person must decide.",
    ),
    "impact.target-renumbered": (
        "{node} følgjer opp {target} («{title}»), men det målet har no ID-en {suggestion}.",
        "{node} følger opp {target} («{title}»), men det målet har nå ID-en {suggestion}.",
        "{node} follows up {target} (“{title}”), but that goal now has the id {suggestion}.",
    ),
    "impact_fix.target-renumbered": (
        "Skriv {suggestion} i staden for {target} (`maltrace relink` gjer det for deg).",
        "Skriv {suggestion} i stedet for {target} (`maltrace relink` gjør det for deg).",
        "Write {suggestion} instead of {target} (`maltrace relink` does it for you).",
    ),
    "impact.target-reworded": (
        "{node} følgjer opp {target}, som har fått ny tekst: «{title}».",
        "{node} følger opp {target}, som har fått ny tekst: «{title}».",
        "{node} follows up {target}, whose text changed: “{title}”.",
    ),
    "impact_fix.target-reworded": (
        "Les den nye teksten og sjå om {node} framleis følgjer opp {target}.",
        "Les den nye teksten og se om {node} fortsatt følger opp {target}.",
        "Read the new text and check that {node} still follows up {target}.",
    ),
    "impact.new-goal-not-followed-up": (
        "Det nye målet {node} («{title}») er ikkje følgt opp.",
        "Det nye målet {node} («{title}») er ikke fulgt opp.",
        "The new goal {node} (“{title}”) is not followed up.",
    ),
    "impact_fix.new-goal-not-followed-up": (
        "Skriv {node} under «Følgjer opp» på ein strategi eller eit mål i ein plan som følgjer opp, eller avgjer at ingen plan skal.",
        "Skriv {node} under «Følger opp» på en strategi eller et mål i en plan som følger opp, eller avgjør at ingen plan skal.",
        "Add {node} to follows_up of a strategy or goal in a following plan, or decide that no plan will.",
    ),
    "impact.goal-lost-follow-up": (
        "Målet {node} («{title}») var følgt opp før, men er det ikkje lenger.",
        "Målet {node} («{title}») var fulgt opp før, men er det ikke lenger.",
        "The goal {node} (“{title}”) was followed up before, but is not any more.",
    ),
    "impact_fix.goal-lost-follow-up": (
        "Ein strategi eller lenkje som følgde opp {node}, er borte eller peikar feil. Legg inn lenkja att der ho høyrer heime.",
        "En strategi eller lenke som fulgte opp {node}, er borte eller peker feil. Legg inn lenken igjen der den hører hjemme.",
        "A strategy or link that followed up {node} is gone or points wrong. Put the link back where it belongs.",
    ),
    "impact_word.target-removed": ("målet er fjerna", "målet er fjernet", "target removed"),
    "impact_word.target-renumbered": (
        "målet har nytt nummer",
        "målet har nytt nummer",
        "target renumbered",
    ),
    "impact_word.target-reworded": (
        "målet har ny tekst",
        "målet har ny tekst",
        "target reworded",
    ),
    "impact_word.new-goal-not-followed-up": (
        "nytt mål ikkje følgt opp",
        "nytt mål ikke fulgt opp",
        "new goal not followed up",
    ),
    "impact_word.goal-lost-follow-up": (
        "mål miste oppfølginga",
        "mål mistet oppfølgingen",
        "goal lost its follow-up",
    ),
    # -- the change list ---------------------------------------------------------------------------
    "diff.title": (
        "Endringar frå {old} til {new}",
        "Endringer fra {old} til {new}",
        "Changes from {old} to {new}",
    ),
    "diff.title_plan": (
        "Endringar i {title}",
        "Endringer i {title}",
        "Changes in {title}",
    ),
    "diff.version_changed": (
        "{plan}: {old} → {new}",
        "{plan}: {old} → {new}",
        "{plan}: {old} → {new}",
    ),
    "diff.version_same": (
        "{plan}: {when} (uendra)",
        "{plan}: {when} (uendret)",
        "{plan}: {when} (unchanged)",
    ),
    "diff.version_added": (
        "{plan}: ny plan, {when}",
        "{plan}: ny plan, {when}",
        "{plan}: new plan, {when}",
    ),
    "diff.version_removed": (
        "{plan}: fjerna (var {when})",
        "{plan}: fjernet (var {when})",
        "{plan}: removed (was {when})",
    ),
    "diff.no_when": ("utan status og dato", "uten status og dato", "no status or date"),
    "diff.sources": (
        "Samanlikna: {old} → {new}",
        "Sammenlignet: {old} → {new}",
        "Compared: {old} → {new}",
    ),
    "diff.coverage_line": (
        "Oppfølgingsgrad: {before} → {after} ({followed_before} av {goals_before} → {followed_after} av {goals_after:# mål|# mål})",
        "Oppfølgingsgrad: {before} → {after} ({followed_before} av {goals_before} → {followed_after} av {goals_after:# mål|# mål})",
        "Coverage: {before} → {after} ({followed_before} of {goals_before} → {followed_after} of {goals_after:# goal|# goals})",
    ),
    "diff.changes_heading": ("Endringar", "Endringer", "Changes"),
    "diff.summary_heading": ("Samandrag", "Sammendrag", "Summary"),
    "diff.diagram_heading": (
        "Den raude tråden etter endringane",
        "Den røde tråden etter endringene",
        "The red thread after the changes",
    ),
    "diff.impact_heading": (
        "Dette må følgjast opp",
        "Dette må følges opp",
        "What needs action",
    ),
    "diff.coverage_heading": (
        "Oppfølgingsgrad før og etter",
        "Oppfølgingsgrad før og etter",
        "Coverage before and after",
    ),
    "diff.per_plan_heading": (
        "Oppfølgingsgrad per plan, før og etter",
        "Oppfølgingsgrad per plan, før og etter",
        "Coverage per plan, before and after",
    ),
    "diff.per_area_heading": (
        "Oppfølgingsgrad per satsingsområde, før og etter",
        "Oppfølgingsgrad per satsingsområde, før og etter",
        "Coverage per priority area, before and after",
    ),
    "diff.no_changes": (
        "Ingen endringar.",
        "Ingen endringer.",
        "No changes.",
    ),
    "diff.no_impact": (
        "Ingenting treng handling: alle lenkjer peikar på det dei vart skrivne for.",
        "Ingenting trenger handling: alle lenker peker på det de ble skrevet for.",
        "Nothing needs action: every link points at what it was written for.",
    ),
    "diff.summary": (
        "{changes:Ingen endringar|# endring|# endringar}, {impact:ingenting å følgje opp|# ting å følgje opp|# ting å følgje opp}.",
        "{changes:Ingen endringer|# endring|# endringer}, {impact:ingenting å følge opp|# ting å følge opp|# ting å følge opp}.",
        "{changes:No changes|# change|# changes}, {impact:nothing needs action|# thing that needs action|# things that need action}.",
    ),
    "diff.relink_hint": (
        "{count:# lenkje|# lenkjer} til mål med nytt nummer kan rettast automatisk: `maltrace relink {old} {new}`",
        "{count:# lenke|# lenker} til mål med nytt nummer kan rettes automatisk: `maltrace relink {old} {new}`",
        "{count:# link to a renumbered goal|# links to renumbered goals} can be repaired automatically: `maltrace relink {old} {new}`",
    ),
    "diff.col.change": ("Endring", "Endring", "Change"),
    "diff.col.plan": ("Plan", "Plan", "Plan"),
    "diff.col.kind": ("Type", "Type", "Kind"),
    "diff.col.id": ("ID", "ID", "Id"),
    "diff.col.old_id": ("Gammal ID", "Gammel ID", "Old id"),
    "diff.col.before": ("Før", "Før", "Before"),
    "diff.col.after": ("Etter", "Etter", "After"),
    "diff.col.detail": ("Kva", "Hva", "What"),
    "diff.col.code": ("Kode", "Kode", "Code"),
    "diff.col.node": ("Node", "Node", "Node"),
    "diff.col.target": ("Mål for lenkja", "Mål for lenken", "Link target"),
    "diff.col.suggestion": ("Forslag", "Forslag", "Suggestion"),
    "diff.col.where": ("Fil og line", "Fil og linje", "File and line"),
    "diff.col.message": ("Melding", "Melding", "Message"),
    "diff.col.fix": ("Kva du kan gjere", "Hva du kan gjøre", "What to do"),
    "diff.col.goals_before": ("Mål før", "Mål før", "Goals before"),
    "diff.col.goals_after": ("Mål etter", "Mål etter", "Goals after"),
    "diff.col.coverage_before": ("Oppfølgingsgrad før", "Oppfølgingsgrad før", "Coverage before"),
    "diff.col.coverage_after": ("Oppfølgingsgrad etter", "Oppfølgingsgrad etter", "Coverage after"),
    "diff.overall": ("Heile settet", "Hele settet", "The whole set"),
    "diff.field.title": ("tittel", "tittel", "title"),
    "diff.field.type": ("type", "type", "type"),
    "diff.field.status": ("status", "status", "status"),
    "diff.field.date": ("dato", "dato", "date"),
    "diff.field.follows": (
        "følgjer planar",
        "følger planer",
        "follows",
    ),
    "diff.field.relevant_goals": (
        "relevante mål",
        "relevante mål",
        "relevant goals",
    ),
    "diff.sheet.changes": ("Endringar", "Endringer", "Changes"),
    "diff.sheet.impact": ("Å følgje opp", "Å følge opp", "Action"),
    "diff.sheet.coverage": ("Oppfølgingsgrad", "Oppfølgingsgrad", "Coverage"),
    "diff.figure_alt": (
        "Den raude tråden etter endringane; det som er endra sidan {since}, er merkt med Δ, og det som viser til noko som er endra, med !",
        "Den røde tråden etter endringene; det som er endret siden {since}, er merket med Δ, og det som viser til noe som er endret, med !",
        "The red thread after the changes; what changed since {since} is marked Δ, and what names something that changed, !",
    ),
    "diff.written": ("Skreiv {path}", "Skrev {path}", "Wrote {path}"),
    "diff.bad_output": (
        "Kan ikkje skrive diff til «{path}»: bruk .md, .html, .docx, .xlsx, .svg, .png, .pdf eller .dot.",
        "Kan ikke skrive diff til «{path}»: bruk .md, .html, .docx, .xlsx, .svg, .png, .pdf eller .dot.",
        "Cannot write a diff to “{path}”: use .md, .html, .docx, .xlsx, .svg, .png, .pdf or .dot.",
    ),
    "diff.new_missing": (
        "Gje både OLD og NEW, eller OLD som REV:STI (då er NEW arbeidskopien).",
        "Gi både OLD og NEW, eller OLD som REV:STI (da er NEW arbeidskopien).",
        "Give both OLD and NEW, or OLD as REV:PATH (then NEW is the working tree).",
    ),
    "diff.side_failed": (
        "Kunne ikkje lese {side}:",
        "Kunne ikke lese {side}:",
        "Could not read {side}:",
    ),
    # -- notes in a diagram (short, under a box's title) ----------------------------------------
    "diff.note.added": ("Δ nytt", "Δ nytt", "Δ new"),
    "diff.note.reworded": ("Δ ny tekst", "Δ ny tekst", "Δ reworded"),
    "diff.note.renumbered": ("Δ var {old_id}", "Δ var {old_id}", "Δ was {old_id}"),
    "diff.note.moved": ("Δ flytta", "Δ flyttet", "Δ moved"),
    "diff.note.reused": (
        "Δ ny ID-bruk (før: {old_title})",
        "Δ ny ID-bruk (før: {old_title})",
        "Δ id reused (was: {old_title})",
    ),
    "diff.note.target-renumbered": (
        "! lenkja viser til gammal ID {target} (no {suggestion})",
        "! lenken viser til gammel ID {target} (nå {suggestion})",
        "! the link names the old id {target} (now {suggestion})",
    ),
    "diff.note.target-removed": (
        "! lenkja viser til fjerna {target}",
        "! lenken viser til fjernet {target}",
        "! the link names removed {target}",
    ),
    "diff.note.target-reworded": (
        "! {target} har ny tekst",
        "! {target} har ny tekst",
        "! {target} was reworded",
    ),
    # -- relink --------------------------------------------------------------------------------------
    "relink.nothing": (
        "Ingen lenkjer å rette: ingen follows_up viser til den gamle ID-en til eit mål med nytt nummer.",
        "Ingen lenker å rette: ingen follows_up viser til den gamle ID-en til et mål med nytt nummer.",
        "No links to repair: no follows_up names the old id of a renumbered node.",
    ),
    "relink.dry_run": (
        "Lenkjer som kan rettast: {count}, i filer: {files}. Ingenting er skrive; køyr med --apply for å skrive.",
        "Lenker som kan rettes: {count}, i filer: {files}. Ingenting er skrevet; kjør med --apply for å skrive.",
        "Links that can be repaired: {count}, in files: {files}. Nothing was written; run with --apply to write.",
    ),
    "relink.applied": (
        "Retta lenkjer i {path}: {count}.",
        "Rettet lenker i {path}: {count}.",
        "Repaired links in {path}: {count}.",
    ),
    "relink.changed_since": (
        "{path} er endra sidan maltrace las fila; ho er ikkje skriven. Køyr relink på nytt.",
        "{path} er endret siden maltrace leste filen; den er ikke skrevet. Kjør relink på nytt.",
        "{path} changed since maltrace read it; it was not written. Run relink again.",
    ),
    "relink.cannot_write": (
        "Kan ikkje skrive {path}: {reason}",
        "Kan ikke skrive {path}: {reason}",
        "Cannot write {path}: {reason}",
    ),
    "relink.not_on_disk": (
        "NEW må vere mapper eller filer på disk for å rette lenkjer, ikkje ein git-revisjon.",
        "NEW må være mapper eller filer på disk for å rette lenker, ikke en git-revisjon.",
        "NEW must be folders or files on disk to repair links, not a git revision.",
    ),
    "relink.unsafe": (
        "{path}:{line}: lenkja til {old} er ikkje retta: teksten på den staden er ikkje det maltrace venta. Rett ho for hand til {new}.",
        "{path}:{line}: lenken til {old} er ikke rettet: teksten på det stedet er ikke det maltrace ventet. Rett den for hånd til {new}.",
        "{path}:{line}: the link to {old} was not repaired: the text there is not what maltrace expected. Change it to {new} by hand.",
    ),
    "relink.left": (
        "{count:# anna ting treng|# andre ting treng} ein person (fjerna eller omformulerte mål): sjå maltrace diff.",
        "{count:# annen ting trenger|# andre ting trenger} en person (fjernede eller omformulerte mål): se maltrace diff.",
        "{count:# other thing needs|# other things need} a person (removed or reworded targets): see maltrace diff.",
    ),
}

"""``maltrace init``: the comments in the starting plan files, and their example texts."""

# ``maltrace init``: the comments in the starting plan files, and the example texts.
TEXTS: dict[str, tuple[str, str, str]] = {
    "init.head_kps": (
        "Kommuneplanen sin samfunnsdel: måla for kommunesamfunnet. Byt ut døma med dykkar eigne mål.",
        "Kommuneplanens samfunnsdel: målene for kommunesamfunnet. Bytt ut eksemplene med deres egne mål.",
        "The samfunnsdel of the kommuneplan: the goals for the community. Replace the examples with your own goals.",
    ),
    "init.head_kdp": (
        "Ein kommunedelplan som følgjer opp måla i samfunnsdelen.",
        "En kommunedelplan som følger opp målene i samfunnsdelen.",
        "A kommunedelplan (sector plan) that follows up the goals of the samfunnsdel.",
    ),
    "init.head_hp": (
        "Handlingsdelen: tiltaka dei neste fire åra, som følgjer opp kommunedelplanen.",
        "Handlingsdelen: tiltakene de neste fire årene, som følger opp kommunedelplanen.",
        "The handlingsdel: the measures of the next four years, following up the sector plan.",
    ),
    "init.help": (
        "Sjekk den raude tråden med: maltrace check plans/",
        "Sjekk den røde tråden med: maltrace check plans/",
        "Check the red thread with: maltrace check plans/",
    ),
    "init.c.id": (
        "kort og unik i heile planverket",
        "kort og unik i hele planverket",
        "short and unique in the whole plan set",
    ),
    "init.c.type": (
        "samfunnsplan | kommunedelplan | handlingsdel | temaplan",
        "samfunnsplan | kommunedelplan | handlingsdel | temaplan",
        "samfunnsplan | kommunedelplan | handlingsdel | temaplan",
    ),
    "init.c.title": (
        "tittelen slik han står i planen",
        "tittelen slik den står i planen",
        "the title as written in the plan",
    ),
    "init.c.language": (
        "språket i planen: nn, nb eller en",
        "språket i planen: nn, nb eller en",
        "the plan's language: nn, nb or en",
    ),
    "init.c.status": (
        "fritekst: utkast, høyring, vedteken …",
        "fritekst: utkast, høring, vedtatt …",
        "free text: draft, consultation, adopted …",
    ),
    "init.c.areas": (
        "satsingsområde (kan sløyfast)",
        "satsingsområder (kan utelates)",
        "priority areas (optional)",
    ),
    "init.c.goals": (
        "mål; delmål kan liggje under eit mål",
        "mål; delmål kan ligge under et mål",
        "goals; sub-goals may sit under a goal",
    ),
    "init.c.node_id": (
        "gjerne same nummer som i den trykte planen",
        "gjerne samme nummer som i den trykte planen",
        "ideally the number used in the printed plan",
    ),
    "init.c.follows": (
        "planane denne planen følgjer opp",
        "planene denne planen følger opp",
        "the plans this plan follows up",
    ),
    "init.c.follows_up": (
        "måla i samfunnsdelen som dette målet følgjer opp",
        "målene i samfunnsdelen som dette målet følger opp",
        "the goals of the samfunnsdel this goal follows up",
    ),
    "init.c.strategies": (
        "strategiar: korleis vi når målet",
        "strategier: hvordan vi når målet",
        "strategies: how we reach the goal",
    ),
    "init.c.measures": ("tiltak", "tiltak", "measures"),
    "init.c.measure_follows_up": (
        "målet i kommunedelplanen som tiltaket følgjer opp",
        "målet i kommunedelplanen som tiltaket følger opp",
        "the goal of the sector plan this measure follows up",
    ),
    "init.c.responsible": (
        "ansvarleg eining eller rolle",
        "ansvarlig enhet eller rolle",
        "the responsible unit or role",
    ),
    "init.c.due": ("frist eller år", "frist eller år", "due date or year"),
    "init.c.measure_status": (
        "ikkje starta | pågår | fullført | utsett",
        "ikke startet | pågår | fullført | utsatt",
        "not started | ongoing | done | postponed",
    ),
    "init.kps.title": (
        "Kommuneplanen sin samfunnsdel for {m}",
        "Kommuneplanens samfunnsdel for {m}",
        "Samfunnsdel of the kommuneplan for {m}",
    ),
    "init.kps.area": (
        "Helse og livskvalitet",
        "Helse og livskvalitet",
        "Health and quality of life",
    ),
    "init.kps.goal1": (
        "Innbyggjarane meistrar eige liv",
        "Innbyggerne mestrer eget liv",
        "Residents manage their own lives",
    ),
    "init.kps.goal2": (
        "Gode og berekraftige helse- og omsorgstenester",
        "Gode og bærekraftige helse- og omsorgstjenester",
        "Good and sustainable health and care services",
    ),
    "init.kdp.title": (
        "Kommunedelplan for helse og omsorg",
        "Kommunedelplan for helse og omsorg",
        "Kommunedelplan for health and care",
    ),
    "init.kdp.goal": (
        "Fleire får hjelp tidleg, nær der dei bur",
        "Flere får hjelp tidlig, nær der de bor",
        "More people get help early, near where they live",
    ),
    "init.kdp.strategy": (
        "Kvardagsrehabilitering er første teneste ved nytt hjelpebehov",
        "Hverdagsrehabilitering er første tjeneste ved nytt hjelpebehov",
        "Everyday rehabilitation is the first service when help is needed",
    ),
    "init.hp.title": (
        "Handlingsdel {start}–{end}",
        "Handlingsdel {start}–{end}",
        "Handlingsdel {start}–{end}",
    ),
    "init.hp.measure": (
        "Etablere team for kvardagsrehabilitering",
        "Etablere team for hverdagsrehabilitering",
        "Set up a team for everyday rehabilitation",
    ),
    "init.hp.responsible": ("Kommunalsjef helse", "Kommunalsjef helse", "Head of health"),
    "init.hp.status": ("ikkje starta", "ikke startet", "not started"),
    "init.kps.status": ("utkast", "utkast", "draft"),
    "init.wrote": (
        "Skreiv eit startsett til {folder}: {files}",
        "Skrev et startsett til {folder}: {files}",
        "Wrote a starting set to {folder}: {files}",
    ),
    "init.next": (
        "Neste steg: cd {folder} && maltrace check   (opne mappa i VS Code med YAML-utvidinga for hjelp medan du skriv)",
        "Neste steg: cd {folder} && maltrace check   (åpne mappen i VS Code med YAML-utvidelsen for hjelp mens du skriver)",
        "Next: cd {folder} && maltrace check   (open the folder in VS Code with the YAML extension for help while typing)",
    ),
}

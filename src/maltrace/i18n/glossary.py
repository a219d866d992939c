"""What each finding is, in a planner's words: the reports (Word, HTML, Excel) show these where
the terminal, JSON and CSV show the stable code."""

# key -> (nn, nb, en)
TEXTS: dict[str, tuple[str, str, str]] = {
    "col.what": ("Kva", "Hva", "What"),
    "finding_word.not-followed-up": ("ikkje følgt opp", "ikke fulgt opp", "not followed up"),
    "finding_word.dangling-link": (
        "lenkje til ID som ikkje finst",
        "lenke til ID som ikke finnes",
        "link to an unknown id",
    ),
    "finding_word.link-outside-followed": (
        "lenkje til ein plan som ikkje blir følgd",
        "lenke til en plan som ikke blir fulgt",
        "link to a plan not followed",
    ),
    "finding_word.link-to-area": (
        "lenkje til satsingsområde",
        "lenke til satsingsområde",
        "link to a priority area",
    ),
    "finding_word.link-to-measure": ("lenkje til tiltak", "lenke til tiltak", "link to a measure"),
    "finding_word.dangling-relevant-goal": (
        "relevant mål finst ikkje",
        "relevant mål finnes ikke",
        "relevant goal unknown",
    ),
    "finding_word.relevant-goal-outside-followed": (
        "relevant mål i ein plan som ikkje blir følgd",
        "relevant mål i en plan som ikke blir fulgt",
        "relevant goal in a plan not followed",
    ),
    "finding_word.relevant-goal-wrong-kind": (
        "relevant mål er ikkje eit mål",
        "relevant mål er ikke et mål",
        "relevant goal is not a goal",
    ),
    "finding_word.unknown-plan": ("ukjend plan", "ukjent plan", "unknown plan"),
    "finding_word.follows-cycle": (
        "planar følgjer kvarandre i ring",
        "planer følger hverandre i ring",
        "plans follow each other in a circle",
    ),
    "finding_word.orphan": ("utan spor oppover", "uten spor oppover", "no trace upwards"),
    "finding_word.goal-without-strategy": (
        "mål utan strategi",
        "mål uten strategi",
        "goal without strategy",
    ),
    "finding_word.control-character": (
        "usynlege teikn i teksten",
        "usynlige tegn i teksten",
        "invisible characters in the text",
    ),
    "finding_word.dangling-framework-link": (
        "rammeverkpunkt finst ikkje",
        "rammeverkpunkt finnes ikke",
        "framework item unknown",
    ),
    "finding_word.unknown-framework": (
        "ukjend rammeverk",
        "ukjent rammeverk",
        "unknown framework",
    ),
    "finding_word.not-followed-up-justified": (
        "grunngitt: ikkje følgt opp",
        "begrunnet: ikke fulgt opp",
        "justified: not followed up",
    ),
    "finding_word.no-link-justified": (
        "grunngitt: utan kopling",
        "begrunnet: uten kobling",
        "justified: no link",
    ),
    "finding_word.unknown-status": ("ukjend status", "ukjent status", "unknown status"),
}

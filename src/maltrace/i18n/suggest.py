"""maltrace suggest: suggestion words (issue 14)."""

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
        "{count} forslag. Dette er framlegg ut frå orda, ikkje lenkjer: ein person avgjer, og "
        "lenkja blir skriven inn i `follows_up` i planfila.",
        "{count} forslag. Dette er forslag ut fra ordene, ikke lenker: en person avgjør, og "
        "lenken skrives inn i `follows_up` i planfilen.",
        "{count} suggestions. These are proposals from the words, not links: a person decides, "
        "and writes the link into `follows_up` in the plan file.",
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
    "suggest.col.follower": ("Følgjer opp (node)", "Følger opp (node)", "Follower (node)"),
    "suggest.col.target": ("Blir følgd opp (mål)", "Blir fulgt opp (mål)", "Followed up (target)"),
    "suggest.col.accept": (
        "Godta (skriv x)",
        "Godta (skriv x)",
        "Accept (write x)",
    ),
}

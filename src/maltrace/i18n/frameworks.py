"""Frameworks and ladders: framework words, SDG/LHL/BTH/NF2023 chapter words.

The frameworks' own texts (SDG names, reform areas) are data in ``maltrace/frameworks``, not here.
"""

# key -> (nn, nb, en)
TEXTS: dict[str, tuple[str, str, str]] = {
    # ---- loading ----------------------------------------------------------------------------
    "load.where_item": ("punktet {id}", "punktet {id}", "item {id}"),
    "load.where_item_noid": ("punkt nr. {index}", "punkt nr. {index}", "item no. {index}"),
    "load.items_outside_framework": (
        "«items» høyrer berre heime i eit rammeverk. Set «type: rammeverk» under plan:, eller "
        "skriv måla under «goals».",
        "«items» hører bare hjemme i et rammeverk. Sett «type: rammeverk» under plan:, eller "
        "skriv målene under «goals».",
        "“items” belong in a framework only. Set “type: rammeverk” under plan:, or write the "
        "goals under “goals”.",
    ),
    "load.ordered_outside_framework": (
        "«ordered: true» gjeld berre eit rammeverk (ei trapp). Set «type: rammeverk» og skriv "
        "trinna under «items», eller ta bort «ordered».",
        "«ordered: true» gjelder bare et rammeverk (en trapp). Sett «type: rammeverk» og skriv "
        "trinnene under «items», eller fjern «ordered».",
        "“ordered: true” applies to a framework (a ladder) only. Set “type: rammeverk” and write "
        "the steps under “items”, or remove “ordered”.",
    ),
    "load.framework_with_goals": (
        "Eit rammeverk (type: rammeverk) har punkt under «items», ikkje mål, strategiar eller "
        "tiltak. Flytt dei til ein plan, eller skriv dei som punkt.",
        "Et rammeverk (type: rammeverk) har punkter under «items», ikke mål, strategier eller "
        "tiltak. Flytt dem til en plan, eller skriv dem som punkter.",
        "A framework (type: rammeverk) has items under “items”, not goals, strategies or "
        "measures. Move them to a plan, or write them as items.",
    ),
    "load.duplicate_item": (
        "Punktet «{id}» står to gonger i rammeverket (også på line {other}). Gi kvart punkt sin "
        "eigen ID.",
        "Punktet «{id}» står to ganger i rammeverket (også på linje {other}). Gi hvert punkt sin "
        "egen ID.",
        "The item “{id}” is given twice in the framework (also on line {other}). Give each item "
        "its own id.",
    ),
    # ---- findings ---------------------------------------------------------------------------
    "finding.dangling-framework-link": (
        "{node} viser til «{target}» under «Bidreg til», men ingen rammeverk har eit punkt med den ID-en.",
        "{node} viser til «{target}» under «Bidrar til», men ingen rammeverk har et punkt med den ID-en.",
        "{node} refers to “{target}” in contributes_to, but no framework has an item with that id.",
    ),
    "fix.dangling-framework-link": (
        "Rett ID-en (skrivefeil?), ta med rammeverksfila i settet, eller fjern lenkja. "
        "«maltrace frameworks» viser dei innebygde.",
        "Rett ID-en (skrivefeil?), ta med rammeverksfilen i settet, eller fjern lenken. "
        "«maltrace frameworks» viser de innebygde.",
        "Correct the id (a typo?), include the framework file in the set, or remove the link. "
        "“maltrace frameworks” lists the built-in ones.",
    ),
    "finding.unknown-framework": (
        "{plan} seier i «frameworks» at han rapporterer mot «{target}», men det rammeverket "
        "finst ikkje.",
        "{plan} sier i «frameworks» at den rapporterer mot «{target}», men det rammeverket "
        "finnes ikke.",
        "{plan} says in “frameworks” that it reports against “{target}”, but there is no such "
        "framework.",
    ),
    "fix.unknown-framework": (
        "Rett ID-en, eller ta med rammeverksfila (type: rammeverk) i settet.",
        "Rett ID-en, eller ta med rammeverksfilen (type: rammeverk) i settet.",
        "Correct the id, or include the framework file (type: rammeverk) in the set.",
    ),
    # ---- check: the compact table --------------------------------------------------------------
    "frameworks.check_title": (
        "Rammeverk (ikkje ein del av oppfølgingsgraden)",
        "Rammeverk (ikke en del av oppfølgingsgraden)",
        "Frameworks (not part of the coverage)",
    ),
    "frameworks.col_framework": ("Rammeverk", "Rammeverk", "Framework"),
    "frameworks.col_items": ("Punkt", "Punkter", "Items"),
    "frameworks.col_steps": ("Trinn", "Trinn", "Steps"),
    "frameworks.col_addressed": ("Tekne opp", "Tatt opp", "Addressed"),
    "frameworks.col_share": ("Del", "Andel", "Share"),
    "frameworks.col_not_addressed": ("Ikkje tekne opp", "Ikke tatt opp", "Not addressed"),
    "frameworks.col_item": ("Punkt", "Punkt", "Item"),
    "frameworks.col_step": ("Trinn", "Trinn", "Step"),
    "frameworks.col_by": ("Teke opp av", "Tatt opp av", "Addressed by"),
    "frameworks.col_id": ("ID", "ID", "Id"),
    "frameworks.col_title": ("Namn", "Navn", "Name"),
    "frameworks.col_source": ("Kjelde", "Kilde", "Source"),
    "frameworks.col_kind": ("Slag", "Type", "Kind"),
    "frameworks.ladder": ("trapp", "trapp", "ladder"),
    "frameworks.framework": ("rammeverk", "rammeverk", "framework"),
    "frameworks.builtin": ("innebygd", "innebygd", "built-in"),
    "frameworks.own": ("eige (i settet)", "eget (i settet)", "own (in the set)"),
    "frameworks.none": ("(ingen)", "(ingen)", "(none)"),
    "frameworks.across": (
        "På tvers av trinna: {nodes}",
        "På tvers av trinnene: {nodes}",
        "Across all steps: {nodes}",
    ),
    "frameworks.across_label": ("På tvers av trinna", "På tvers av trinnene", "Across all steps"),
    "frameworks.empty_step": (
        "Tomt trinn: ingen strategiar eller tiltak",
        "Tomt trinn: ingen strategier eller tiltak",
        "Empty step: no strategies or measures",
    ),
    "frameworks.not_addressed_word": ("Ikkje teke opp", "Ikke tatt opp", "Not addressed"),
    "frameworks.step_n": ("Trinn {n}", "Trinn {n}", "Step {n}"),
    "frameworks.headline": (
        "{title}: {addressed} av {items:# punkt|# punkt} er {addressed:teke|tekne} opp ({percent})",
        "{title}: {addressed} av {items:# punkt|# punkter} er tatt opp ({percent})",
        "{title}: {addressed} of {items:# item|# items} addressed ({percent})",
    ),
    # ---- maltrace frameworks ------------------------------------------------------------------
    "frameworks.list_title": (
        "Innebygde rammeverk",
        "Innebygde rammeverk",
        "Built-in frameworks",
    ),
    "frameworks.list_hint": (
        "Vis eitt med «maltrace frameworks [PLANAR] ID». Knyt eit mål, ein strategi eller eit tiltak til "
        "eit punkt med «contributes_to: [ID]».",
        "Vis ett med «maltrace frameworks [PLANER] ID». Knytt et mål, en strategi eller et tiltak til "
        "et punkt med «contributes_to: [ID]».",
        "Show one with “maltrace frameworks [PLANS] ID”. Link a goal, strategy or measure to an item "
        "with “contributes_to: [ID]”.",
    ),
    "frameworks.unknown": (
        "Rammeverket «{id}» finst ikkje.{hint} Innebygde: {known}.",
        "Rammeverket «{id}» finnes ikke.{hint} Innebygde: {known}.",
        "There is no framework “{id}”.{hint} Built-in: {known}.",
    ),
    "frameworks.reference": ("Kjelde: {reference}", "Kilde: {reference}", "Source: {reference}"),
    "frameworks.file": (
        "Fil å kopiere: {file}",
        "Fil å kopiere: {file}",
        "File to copy: {file}",
    ),
    # ---- diagrams ---------------------------------------------------------------------------
    "diagram.error.unknown_framework": (
        "Rammeverket «{id}» er ikkje i bruk i desse planane (i bruk: {known}).",
        "Rammeverket «{id}» er ikke i bruk i disse planene (i bruk: {known}).",
        "The framework “{id}” is not used by these plans (in use: {known}).",
    ),
    "frameworks.diagram_lowest": (
        "Lågaste trinn nedst",
        "Laveste trinn nederst",
        "Lowest step at the bottom",
    ),
    "frameworks.diagram_more": ("… og {count} til", "… og {count} til", "… and {count} more"),
    "frameworks.diagram_heading": (
        "{id} {title}: kva planane tek opp",
        "{id} {title}: hva planene tar opp",
        "{id} {title}: what the plans address",
    ),
    "frameworks.diagram_heading_plan": (
        "{id} {title}: kva {plan} tek opp",
        "{id} {title}: hva {plan} tar opp",
        "{id} {title}: what {plan} addresses",
    ),
    "frameworks.diagram_note": (
        "Knytingar under «Bidreg til». Dei tel ikkje i oppfølgingsgraden.",
        "Koblinger under «Bidrar til». De teller ikke i oppfølgingsgraden.",
        "Links made with contributes_to. They do not count in the coverage.",
    ),
    "frameworks.via": ("via {item}", "via {item}", "via {item}"),
    # ---- reports ----------------------------------------------------------------------------
    "frameworks.sheet": ("Rammeverk", "Rammeverk", "Frameworks"),
    "frameworks.addressed_word": ("Teke opp", "Tatt opp", "Addressed"),
    "frameworks.empty_word": ("Tomt trinn", "Tomt trinn", "Empty step"),
    "frameworks.figure_alt": (
        "{id} {title}: punkta og kva i planane som tek dei opp",
        "{id} {title}: punktene og hva i planene som tar dem opp",
        "{id} {title}: the items and what in the plans addresses them",
    ),
}

"""Seeded generators of benchmark data for maltrace (not part of the package).

Two generators:

``kommunar N OUT``
    A realistic plan set for N kommunar (1 ≤ N ≤ 357) in the documented plan format: per
    kommune a samfunnsdel (satsingsområde, hovudmål, delmål), several kommunedelplanar with
    goals, strategies and tiltak, and a handlingsdel with tiltak. Titles are Norwegian
    (nynorsk in Vestland and Møre og Romsdal, bokmål elsewhere) of realistic length. Some
    delmål are left without follow-up and about 0.3 % of the links dangle, so the analysis
    does real work.

    Ids are unique across the whole set: every generated id carries the kommunenummer,
    e.g. plan ``4631-KPS``, goal ``4631-KPS-1.2``, strategy ``4631-HSO-2.3``, tiltak
    ``4631-HSO-2.3.1`` and ``4631-HP-017``. The N kommunar of a smaller set are the first N of
    the 357 in a fixed, seeded order, so every set is a prefix of the next bigger one.

``doorstop OUT``
    The Doorstop side-by-side: the same work as a Doorstop tree (``OUT/doorstop``: a parent
    document of 200 items and a child document of 20,000 items each linking 1–3 parents,
    some parents left unlinked) and as a maltrace plan set (``OUT/maltrace``: one plan with 200
    goals and one plan with 20,000 strategies that each follow up 1–3 goals).

Usage::

    python benchmarks/generate.py kommunar 40 benchmarks/data/k40 [--seed 1]
    python benchmarks/generate.py doorstop benchmarks/data/doorstop [--seed 1]

Output is a pure function of the arguments (same seed, same bytes). Nothing here imports
maltrace, so the generator runs on any Python ≥ 3.11 with no dependencies.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# --------------------------------------------------------------------------------------------
# Kommunar: 357 kommunenummer in the 2024 counties. A few carry their real names (the seeds'
# own cases and the municipalities quoted in the domain notes); the rest get made-up but
# Norwegian-sounding names. Counts per county add up to 357.
# --------------------------------------------------------------------------------------------

COUNTIES: list[tuple[str, str, int, str]] = [
    # (county number, name, number of kommunar, default language)
    ("03", "Oslo", 1, "nb"),
    ("11", "Rogaland", 23, "nb"),
    ("15", "Møre og Romsdal", 27, "nn"),
    ("18", "Nordland", 41, "nb"),
    ("31", "Østfold", 12, "nb"),
    ("32", "Akershus", 21, "nb"),
    ("33", "Buskerud", 18, "nb"),
    ("34", "Innlandet", 46, "nb"),
    ("39", "Vestfold", 6, "nb"),
    ("40", "Telemark", 17, "nb"),
    ("42", "Agder", 25, "nb"),
    ("46", "Vestland", 43, "nn"),
    ("50", "Trøndelag", 38, "nb"),
    ("55", "Troms", 21, "nb"),
    ("56", "Finnmark", 18, "nb"),
]

REAL_NAMES = {
    "0301": "Oslo",
    "1101": "Eigersund",
    "1103": "Stavanger",
    "1108": "Sandnes",
    "1508": "Ålesund",
    "1806": "Narvik",
    "3301": "Drammen",
    "4202": "Grimstad",
    "4601": "Bergen",
    "4631": "Alver",
    "4638": "Høyanger",
    "4644": "Luster",
    "4650": "Gloppen",
    "5001": "Trondheim",
    "5056": "Hitra",
    "5501": "Tromsø",
}

NAME_HEADS = [
    "Fjord",
    "Nord",
    "Sør",
    "Aust",
    "Vest",
    "Berg",
    "Dal",
    "Lid",
    "Strand",
    "Sand",
    "Holm",
    "Vik",
    "Eid",
    "Ås",
    "Mo",
    "Li",
    "Haug",
    "Stein",
    "Elv",
    "Sjø",
    "Fjell",
    "Skog",
    "Bjørk",
    "Furu",
    "Lauv",
    "Rogn",
    "Hamar",
    "Vang",
    "Grøn",
    "Kvit",
    "Blå",
    "Raud",
    "Ørn",
]
NAME_TAILS = [
    "vik",
    "dal",
    "heim",
    "nes",
    "fjord",
    "øy",
    "land",
    "sund",
    "berg",
    "stad",
    "vang",
    "bygd",
    "ås",
    "haug",
    "strand",
    "li",
    "mo",
    "eid",
    "holm",
    "set",
    "rud",
    "voll",
]


@dataclass(frozen=True)
class Kommune:
    number: str
    name: str
    county: str
    language: str


def all_kommunar(seed: int) -> list[Kommune]:
    """The 357 kommunar in benchmark order: Alver first, then a seeded shuffle."""
    rng = random.Random(f"kommunar-{seed}")
    used_names = set(REAL_NAMES.values())
    out: list[Kommune] = []
    for county_no, county, count, lang in COUNTIES:
        numbers = {n for n in REAL_NAMES if n.startswith(county_no)}
        seq = 1
        while len(numbers) < count:
            numbers.add(f"{county_no}{seq:02d}")
            seq += 1
        for number in sorted(numbers):
            name = REAL_NAMES.get(number)
            while name is None or (name in used_names and number not in REAL_NAMES):
                name = rng.choice(NAME_HEADS) + rng.choice(NAME_TAILS)
                name = name[0] + name[1:].lower()
            used_names.add(name)
            language = lang
            if lang == "nb" and rng.random() < 0.08:  # some nynorsk kommunar outside the west
                language = "nn"
            out.append(Kommune(number, name, county, language))
    assert len(out) == 357, len(out)
    alver = next(k for k in out if k.number == "4631")
    rest = [k for k in out if k is not alver]
    rng.shuffle(rest)
    return [alver, *rest]


# --------------------------------------------------------------------------------------------
# Phrase banks (nn, nb). Goals, strategies and tiltak are built from parts, so titles vary
# and have the length of real ones (40–140 characters).
# --------------------------------------------------------------------------------------------

AREAS = {
    "nn": [
        "Gode levekår og folkehelse",
        "Trygge og inkluderande lokalsamfunn",
        "Berekraftig verdiskaping og næringsutvikling",
        "Klima, natur og miljø for framtida",
        "Oppvekst, læring og meistring",
        "Ein attraktiv og nyskapande kommuneorganisasjon",
        "Samfunnstryggleik og beredskap",
        "Infrastruktur, bustad og samferdsel",
    ],
    "nb": [
        "Gode levekår og folkehelse",
        "Trygge og inkluderende lokalsamfunn",
        "Bærekraftig verdiskaping og næringsutvikling",
        "Klima, natur og miljø for framtiden",
        "Oppvekst, læring og mestring",
        "En attraktiv og nyskapende kommuneorganisasjon",
        "Samfunnssikkerhet og beredskap",
        "Infrastruktur, bolig og samferdsel",
    ],
}

SECTORS = [
    # code, nn title, nb title, tags
    ("HSO", "helse, sosial og omsorg", "helse, sosial og omsorg", ["helse", "omsorg"]),
    ("OPV", "oppvekst og utdanning", "oppvekst og utdanning", ["oppvekst"]),
    ("KIF", "kultur, idrett og friluftsliv", "kultur, idrett og friluftsliv", ["kultur"]),
    ("KEM", "klima, energi og miljø", "klima, energi og miljø", ["klima", "miljø"]),
    ("NÆR", "næring og samfunnsutvikling", "næring og samfunnsutvikling", ["næring"]),
    ("TRA", "trafikktryggleik og samferdsel", "trafikksikkerhet og samferdsel", ["samferdsel"]),
    ("BUS", "bustadsosialt arbeid", "boligsosialt arbeid", ["bustad"]),
    ("BER", "samfunnstryggleik og beredskap", "samfunnssikkerhet og beredskap", ["beredskap"]),
    ("VAR", "vatn og avløp", "vann og avløp", ["vatn"]),
    ("FOL", "folkehelse", "folkehelse", ["folkehelse"]),
    ("DIG", "digitalisering", "digitalisering", ["digitalisering"]),
    ("LAN", "landbruk og naturforvaltning", "landbruk og naturforvaltning", ["landbruk"]),
]

GOAL_SUBJECTS = {
    "nn": [
        "Innbyggjarane",
        "Barn og unge",
        "Eldre",
        "Alle som bur i kommunen",
        "Lokalsamfunna",
        "Kommunen",
        "Næringslivet",
        "Frivillige lag og organisasjonar",
        "Tilsette i kommunen",
        "Familiar med låg inntekt",
        "Menneske med funksjonsnedsetjing",
    ],
    "nb": [
        "Innbyggerne",
        "Barn og unge",
        "Eldre",
        "Alle som bor i kommunen",
        "Lokalsamfunnene",
        "Kommunen",
        "Næringslivet",
        "Frivillige lag og organisasjoner",
        "Ansatte i kommunen",
        "Familier med lav inntekt",
        "Mennesker med funksjonsnedsettelse",
    ],
}
GOAL_PREDICATES = {
    "nn": [
        "skal ha tilgang på gode og likeverdige helse- og omsorgstenester",
        "skal oppleve tryggleik, meistring og livskvalitet i kvardagen",
        "skal ta ansvar for eige liv og eiga helse",
        "skal ha eit variert og trygt butilbod",
        "skal få rett hjelp til rett tid på lågaste effektive omsorgsnivå",
        "skal vere aktive deltakarar i eit inkluderande fellesskap",
        "skal ha gode vilkår for nyskaping, verdiskaping og berekraftig vekst",
        "skal redusere klimagassutsleppa og ta vare på naturmangfaldet",
        "skal ha ein trygg og god oppvekst med læring og meistring",
        "skal bu i attraktive og levande lokalsamfunn med gode møteplassar",
        "skal vere godt førebudde på kriser og uønskte hendingar",
        "skal levere tenester av høg kvalitet med effektiv ressursbruk",
        "skal ha gode moglegheiter for kultur, idrett og friluftsliv",
        "skal ha ein trafikksikker og berekraftig kvardag",
    ],
    "nb": [
        "skal ha tilgang på gode og likeverdige helse- og omsorgstjenester",
        "skal oppleve trygghet, mestring og livskvalitet i hverdagen",
        "skal ta ansvar for eget liv og egen helse",
        "skal ha et variert og trygt botilbud",
        "skal få rett hjelp til rett tid på laveste effektive omsorgsnivå",
        "skal være aktive deltakere i et inkluderende fellesskap",
        "skal ha gode vilkår for nyskaping, verdiskaping og bærekraftig vekst",
        "skal redusere klimagassutslippene og ta vare på naturmangfoldet",
        "skal ha en trygg og god oppvekst med læring og mestring",
        "skal bo i attraktive og levende lokalsamfunn med gode møteplasser",
        "skal være godt forberedt på kriser og uønskede hendelser",
        "skal levere tjenester av høy kvalitet med effektiv ressursbruk",
        "skal ha gode muligheter for kultur, idrett og friluftsliv",
        "skal ha en trafikksikker og bærekraftig hverdag",
    ],
}
QUALIFIERS = {
    "nn": [
        "",
        "",
        " i alle delar av kommunen",
        " gjennom heile livet",
        " uavhengig av bakgrunn og økonomi",
        " fram mot 2034",
        " i samarbeid med frivillige",
    ],
    "nb": [
        "",
        "",
        " i alle deler av kommunen",
        " gjennom hele livet",
        " uavhengig av bakgrunn og økonomi",
        " fram mot 2034",
        " i samarbeid med frivillige",
    ],
}
STRATEGY_VERBS = {
    "nn": [
        "Vi vil styrkje",
        "Vi vil vidareutvikle",
        "Vi vil samordne",
        "Vi vil prioritere",
        "Vi vil satse på",
        "Vi vil leggje til rette for",
        "Vi vil byggje ut",
        "Vi vil fornye",
    ],
    "nb": [
        "Vi vil styrke",
        "Vi vil videreutvikle",
        "Vi vil samordne",
        "Vi vil prioritere",
        "Vi vil satse på",
        "Vi vil legge til rette for",
        "Vi vil bygge ut",
        "Vi vil fornye",
    ],
}
OBJECTS = {
    "nn": [
        "førebyggjande tenester og lågterskeltilbod",
        "bruken av velferdsteknologi i heimetenestene",
        "samarbeidet med frivillige lag og organisasjonar",
        "kvardagsrehabilitering og aktivitets- og meistringstrappa",
        "tverrfagleg innsats for barn, unge og familiar",
        "kompetanse og rekruttering i helse- og omsorgstenestene",
        "bustader som er tilpassa eldre og menneske med nedsett funksjonsevne",
        "universell utforming av uteområde og offentlege bygg",
        "fornybar energi og energieffektivisering i kommunale bygg",
        "trygge skulevegar og gang- og sykkelvegar",
        "digitale tenester som er enkle å bruke for alle",
        "eit godt samarbeid med næringslivet og regionale aktørar",
        "tidleg innsats i barnehage og skule",
        "beredskapsplanar og øvingar saman med naudetatane",
        "tilbod om mellombels butilbod og overgangsbustad",
        "møteplassar og aktivitetstilbod for eldre",
    ],
    "nb": [
        "forebyggende tjenester og lavterskeltilbud",
        "bruken av velferdsteknologi i hjemmetjenestene",
        "samarbeidet med frivillige lag og organisasjoner",
        "hverdagsrehabilitering og aktivitets- og mestringstrappen",
        "tverrfaglig innsats for barn, unge og familier",
        "kompetanse og rekruttering i helse- og omsorgstjenestene",
        "boliger som er tilpasset eldre og mennesker med nedsatt funksjonsevne",
        "universell utforming av uteområder og offentlige bygg",
        "fornybar energi og energieffektivisering i kommunale bygg",
        "trygge skoleveier og gang- og sykkelveier",
        "digitale tjenester som er enkle å bruke for alle",
        "et godt samarbeid med næringslivet og regionale aktører",
        "tidlig innsats i barnehage og skole",
        "beredskapsplaner og øvelser sammen med nødetatene",
        "tilbud om midlertidig botilbud og overgangsbolig",
        "møteplasser og aktivitetstilbud for eldre",
    ],
}
MEASURE_VERBS = {
    "nn": [
        "Etablere",
        "Greie ut",
        "Innføre",
        "Gjennomføre kartlegging av",
        "Utarbeide plan for",
        "Auke kapasiteten i",
        "Evaluere",
        "Byggje",
        "Vidareføre",
        "Styrkje",
    ],
    "nb": [
        "Etablere",
        "Utrede",
        "Innføre",
        "Gjennomføre kartlegging av",
        "Utarbeide plan for",
        "Øke kapasiteten i",
        "Evaluere",
        "Bygge",
        "Videreføre",
        "Styrke",
    ],
}
MEASURE_OBJECTS = {
    "nn": [
        "frisklivssentral i samarbeid med nabokommunane",
        "digitalt tilsyn om natta",
        "dagtilbod for personar med demens",
        "ambulerande team for heimebuande eldre",
        "ny omsorgsbustad med heildøgns teneste",
        "ordning med startlån for unge i etablering",
        "kartlegging av lesedugleik på 2. trinn",
        "ny gang- og sykkelveg langs fylkesvegen",
        "solcelleanlegg på rådhuset",
        "ny ROS-analyse for kommunen",
        "ladepunkt ved kommunale bygg",
        "kommunal næringsfond for gründerar",
        "fritidskortet for barn og unge",
        "ny hovudplan for vatn og avløp",
        "tilbod om leksehjelp på alle skular",
        "samlokalisering av tenester for rus og psykisk helse",
    ],
    "nb": [
        "frisklivssentral i samarbeid med nabokommunene",
        "digitalt tilsyn om natten",
        "dagtilbud for personer med demens",
        "ambulerende team for hjemmeboende eldre",
        "ny omsorgsbolig med heldøgns tjeneste",
        "ordning med startlån for unge i etablering",
        "kartlegging av leseferdighet på 2. trinn",
        "ny gang- og sykkelvei langs fylkesveien",
        "solcelleanlegg på rådhuset",
        "ny ROS-analyse for kommunen",
        "ladepunkt ved kommunale bygg",
        "kommunalt næringsfond for gründere",
        "fritidskortet for barn og unge",
        "ny hovedplan for vann og avløp",
        "tilbud om leksehjelp på alle skoler",
        "samlokalisering av tjenester for rus og psykisk helse",
    ],
}
DESCRIPTIONS = {
    "nn": [
        "Talet på eldre over 80 år vil meir enn doble seg fram mot 2040, medan talet på "
        "personar i yrkesaktiv alder går ned.",
        "Kunnskapsgrunnlaget viser at fleire barn og unge opplever einsemd og psykiske plager.",
        "Tiltaket skal bidra til måloppnåinga i kommuneplanen sin samfunnsdel og blir følgt "
        "opp i handlingsdelen ved kvar rullering.",
        "Arbeidet skjer i samarbeid med brukarrepresentantar, tillitsvalde og frivillige.",
        "Kommunen skal gje rett hjelp til rett tid på lågaste effektive omsorgsnivå (LEON).",
    ],
    "nb": [
        "Antallet eldre over 80 år vil mer enn doble seg fram mot 2040, mens antallet "
        "personer i yrkesaktiv alder går ned.",
        "Kunnskapsgrunnlaget viser at flere barn og unge opplever ensomhet og psykiske plager.",
        "Tiltaket skal bidra til måloppnåelsen i kommuneplanens samfunnsdel og følges opp i "
        "handlingsdelen ved hver rullering.",
        "Arbeidet skjer i samarbeid med brukerrepresentanter, tillitsvalgte og frivillige.",
        "Kommunen skal gi rett hjelp til rett tid på laveste effektive omsorgsnivå (LEON).",
    ],
}
RESPONSIBLE = {
    "nn": [
        "Kommunalsjef helse og omsorg",
        "Kommunalsjef oppvekst",
        "Einingsleiar heimeteneste",
        "Rådmannen",
        "Teknisk sjef",
        "Kultursjef",
        "Beredskapskoordinator",
        "Plansjef",
    ],
    "nb": [
        "Kommunalsjef helse og omsorg",
        "Kommunalsjef oppvekst",
        "Enhetsleder hjemmetjeneste",
        "Kommunedirektøren",
        "Teknisk sjef",
        "Kultursjef",
        "Beredskapskoordinator",
        "Plansjef",
    ],
}
MEASURE_STATUS = {
    "nn": ["ikkje starta", "pågår", "pågår", "fullført", "utsett"],
    "nb": ["ikke startet", "pågår", "pågår", "fullført", "utsatt"],
}
PLAN_STATUS = {
    "nn": ["vedteken", "vedteken", "vedteken", "utkast", "høyring"],
    "nb": ["vedtatt", "vedtatt", "vedtatt", "utkast", "høring"],
}
WORDS = {
    "nn": {
        "kps": "Kommuneplanen sin samfunnsdel",
        "kdp": "Kommunedelplan for",
        "hp": "Handlingsdel med økonomiplan",
    },
    "nb": {
        "kps": "Kommuneplanens samfunnsdel",
        "kdp": "Kommunedelplan for",
        "hp": "Handlingsdel med økonomiplan",
    },
}

# --------------------------------------------------------------------------------------------
# A tiny YAML writer: hand-written block style like a planner would write, with flow lists
# for links. Scalars are written plain when that is safe, else double-quoted.
# --------------------------------------------------------------------------------------------

_PLAIN = re.compile(r"^[0-9A-Za-zÆØÅæøåÉéÜüÖöÄä][^:#\[\]{}\"'&*!|>%@`]*$")
_NOT_STR = re.compile(r"^[-+]?[0-9][0-9_.:eE+-]*$")  # would resolve as a number or a date
_RESERVED = {"yes", "no", "true", "false", "on", "off", "null", "y", "n", "~"}


def scalar(text: str, in_flow: bool = False) -> str:
    """``text`` as a YAML scalar: plain when that reads back as the same string."""
    if (
        _PLAIN.match(text)
        and not _NOT_STR.match(text)
        and text.lower() not in _RESERVED
        and not text.endswith(" ")
        and not (in_flow and "," in text)
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def flow(items: list[str]) -> str:
    return "[" + ", ".join(scalar(i, in_flow=True) for i in items) + "]"


@dataclass
class Node:
    id: str
    title: str
    description: str = ""
    tags: list[str] = field(default_factory=list)
    follows_up: list[str] = field(default_factory=list)
    goals: list[Node] = field(default_factory=list)
    strategies: list[Node] = field(default_factory=list)
    measures: list[Node] = field(default_factory=list)
    responsible: str = ""
    due: str = ""
    status: str = ""

    def count(self) -> tuple[int, int]:
        """(nodes, follows_up links) in this subtree."""
        n, links = 1, len(self.follows_up)
        for child in (*self.goals, *self.strategies, *self.measures):
            cn, cl = child.count()
            n += cn
            links += cl
        return n, links


def write_nodes(out: list[str], key: str, nodes: list[Node], indent: int) -> None:
    if not nodes:
        return
    pad = " " * indent
    out.append(f"{pad}{key}:")
    for node in nodes:
        out.append(f"{pad}  - id: {scalar(node.id)}")
        inner = pad + "    "
        out.append(f"{inner}title: {scalar(node.title)}")
        if node.description:
            out.append(f"{inner}description: >-")
            for line in textwrap.wrap(node.description, 88):
                out.append(f"{inner}  {line}")
        if node.tags:
            out.append(f"{inner}tags: {flow(node.tags)}")
        if node.follows_up:
            out.append(f"{inner}follows_up: {flow(node.follows_up)}")
        if node.responsible:
            out.append(f"{inner}responsible: {scalar(node.responsible)}")
        if node.due:
            out.append(f"{inner}due: {node.due}")
        if node.status:
            out.append(f"{inner}status: {scalar(node.status)}")
        write_nodes(out, "goals", node.goals, indent + 4)
        write_nodes(out, "strategies", node.strategies, indent + 4)
        write_nodes(out, "measures", node.measures, indent + 4)


@dataclass
class Plan:
    id: str
    type: str
    title: str
    municipality: str = ""
    language: str = ""
    status: str = ""
    date: str = ""
    follows: list[str] = field(default_factory=list)
    relevant_goals: list[str] = field(default_factory=list)
    areas: list[Node] = field(default_factory=list)
    goals: list[Node] = field(default_factory=list)
    strategies: list[Node] = field(default_factory=list)
    measures: list[Node] = field(default_factory=list)

    def yaml(self) -> str:
        out = [
            "plan:",
            f"  id: {scalar(self.id)}",
            f"  type: {self.type}",
            f"  title: {scalar(self.title)}",
        ]
        if self.municipality:
            out.append(f"  municipality: {scalar(self.municipality)}")
        if self.language:
            out.append(f"  language: {self.language}")
        if self.status:
            out.append(f"  status: {scalar(self.status)}")
        if self.date:
            out.append(f"  date: {self.date}")
        if self.follows:
            out.append(f"  follows: {flow(self.follows)}")
        if self.relevant_goals:
            out.append(f"  relevant_goals: {flow(self.relevant_goals)}")
        write_nodes(out, "areas", self.areas, 0)
        write_nodes(out, "goals", self.goals, 0)
        write_nodes(out, "strategies", self.strategies, 0)
        write_nodes(out, "measures", self.measures, 0)
        return "\n".join(out) + "\n"

    def count(self) -> tuple[int, int]:
        n, links = 1, len(self.follows)
        for node in (*self.areas, *self.goals, *self.strategies, *self.measures):
            cn, cl = node.count()
            n += cn
            links += cl
        return n, links


# --------------------------------------------------------------------------------------------
# One kommune
# --------------------------------------------------------------------------------------------

DANGLING_RATE = 0.003  # share of follow-up links that point at an id that does not exist


class KommuneGen:
    def __init__(self, kommune: Kommune, seed: int) -> None:
        self.k = kommune
        self.lang = kommune.language
        self.rng = random.Random(f"{seed}-{kommune.number}")

    # -- text -------------------------------------------------------------------------------
    def goal_title(self) -> str:
        r, lang = self.rng, self.lang
        return (
            r.choice(GOAL_SUBJECTS[lang])
            + " "
            + r.choice(GOAL_PREDICATES[lang])
            + r.choice(QUALIFIERS[lang])
            + "."
        )

    def strategy_title(self) -> str:
        r, lang = self.rng, self.lang
        return (
            r.choice(STRATEGY_VERBS[lang])
            + " "
            + r.choice(OBJECTS[lang])
            + r.choice(QUALIFIERS[lang])
        )

    def measure_title(self) -> str:
        r, lang = self.rng, self.lang
        return r.choice(MEASURE_VERBS[lang]) + " " + r.choice(MEASURE_OBJECTS[lang])

    def description(self, p: float) -> str:
        if self.rng.random() >= p:
            return ""
        return " ".join(self.rng.sample(DESCRIPTIONS[self.lang], self.rng.randint(1, 3)))

    def links(self, pool: list[str], lo: int, hi: int) -> list[str]:
        n = min(len(pool), self.rng.randint(lo, hi))
        picked = self.rng.sample(pool, n)
        out = []
        for target in picked:
            if self.rng.random() < DANGLING_RATE:
                # a typo or a goal that was renumbered in the adopted plan
                target = target.rsplit("-", 1)[0] + f"-{self.rng.randint(20, 99)}.9"
            out.append(target)
        return out

    # -- plans ------------------------------------------------------------------------------
    def samfunnsdel(self) -> tuple[Plan, list[str], list[str]]:
        knr, r, lang = self.k.number, self.rng, self.lang
        plan = Plan(
            id=f"{knr}-KPS",
            type="samfunnsplan",
            title=f"{WORDS[lang]['kps']} 2022–2034",
            municipality=self.k.name,
            language=lang,
            status=PLAN_STATUS[lang][0],
            date=f"2022-{r.randint(3, 12):02d}-{r.randint(1, 28):02d}",
        )
        n_areas = r.randint(4, 7)
        main_goals: list[str] = []
        sub_goals: list[str] = []
        for a, area_title in enumerate(r.sample(AREAS[lang], n_areas), start=1):
            area = Node(id=f"{knr}-KPS-O{a}", title=area_title, description=self.description(0.8))
            goal = Node(
                id=f"{knr}-KPS-{a}", title=self.goal_title(), description=self.description(0.5)
            )
            for d in range(1, r.randint(3, 6) + 1):
                goal.goals.append(Node(id=f"{knr}-KPS-{a}.{d}", title=self.goal_title()))
                sub_goals.append(goal.goals[-1].id)
            # a few overarching strategies right in the samfunnsdel
            for s in range(1, r.randint(0, 3) + 1):
                goal.strategies.append(Node(id=f"{knr}-KPS-{a}.S{s}", title=self.strategy_title()))
            area.goals.append(goal)
            main_goals.append(goal.id)
            plan.areas.append(area)
        return plan, main_goals, sub_goals

    def kommunedelplan(
        self, sector: tuple[str, str, str, list[str]], kps_goals: list[str], kps_id: str
    ) -> tuple[Plan, list[str]]:
        code, nn_title, nb_title, tags = sector
        knr, r, lang = self.k.number, self.rng, self.lang
        pid = f"{knr}-{code}"
        relevant = sorted(r.sample(kps_goals, min(len(kps_goals), r.randint(4, 9))))
        plan = Plan(
            id=pid,
            type="kommunedelplan",
            title=f"{WORDS[lang]['kdp']} {nn_title if lang == 'nn' else nb_title} "
            f"{r.choice(['2022–2034', '2023–2030', '2024–2035', '2021–2031'])}",
            municipality=self.k.name,
            language=lang,
            status=r.choice(PLAN_STATUS[lang]),
            date=f"{r.randint(2021, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
            follows=[kps_id],
            relevant_goals=relevant,
        )
        strategies: list[str] = []
        # follow up most, not all, of the relevant goals: the rest are "not followed up"
        followed = [g for g in relevant if r.random() < 0.8] or relevant[:1]
        for g in range(1, r.randint(3, 6) + 1):
            goal = Node(
                id=f"{pid}-{g}",
                title=self.goal_title(),
                tags=tags[:1],
                description=self.description(0.4),
                follows_up=self.links(followed, 1, 2),
            )
            for s in range(1, r.randint(4, 9) + 1):
                strat = Node(
                    id=f"{pid}-{g}.{s}",
                    title=self.strategy_title(),
                    description=self.description(0.25),
                    follows_up=self.links(followed, 0, 2),
                )
                for m in range(1, r.randint(2, 7) + 1):
                    strat.measures.append(
                        Node(
                            id=f"{pid}-{g}.{s}.{m}",
                            title=self.measure_title(),
                            responsible=r.choice(RESPONSIBLE[lang]),
                            due=str(r.randint(2024, 2030)),
                            status=r.choice(MEASURE_STATUS[lang]),
                        )
                    )
                goal.strategies.append(strat)
                strategies.append(strat.id)
            plan.goals.append(goal)
        return plan, strategies

    def handlingsdel(
        self, kps_id: str, kdp_ids: list[str], strategies: list[str], kps_goals: list[str]
    ) -> Plan:
        knr, r, lang = self.k.number, self.rng, self.lang
        plan = Plan(
            id=f"{knr}-HP",
            type="handlingsdel",
            title=f"{WORDS[lang]['hp']} 2025–2028",
            municipality=self.k.name,
            language=lang,
            status=PLAN_STATUS[lang][0],
            date=f"2024-12-{r.randint(10, 19)}",
            follows=[kps_id, *kdp_ids],
        )
        for m in range(1, r.randint(250, 450) + 1):
            pool = strategies if r.random() < 0.9 else kps_goals
            plan.measures.append(
                Node(
                    id=f"{knr}-HP-{m:03d}",
                    title=self.measure_title(),
                    description=self.description(0.15),
                    follows_up=self.links(pool, 1, 2),
                    responsible=r.choice(RESPONSIBLE[lang]),
                    due=str(r.randint(2025, 2028)),
                    status=r.choice(MEASURE_STATUS[lang]),
                )
            )
        return plan

    def plans(self) -> Iterator[tuple[str, Plan]]:
        kps, main_goals, sub_goals = self.samfunnsdel()
        yield "samfunnsdel.yaml", kps
        sectors = self.rng.sample(SECTORS, self.rng.randint(7, 12))
        kdp_ids: list[str] = []
        all_strategies: list[str] = []
        for sector in sectors:
            kdp, strategies = self.kommunedelplan(sector, sub_goals + main_goals, kps.id)
            kdp_ids.append(kdp.id)
            all_strategies += strategies
            yield f"kdp-{sector[0].lower().replace('æ', 'ae')}.yaml", kdp
        yield "handlingsdel.yaml", self.handlingsdel(kps.id, kdp_ids, all_strategies, sub_goals)


def generate_kommunar(n: int, out: Path, seed: int) -> dict[str, int]:
    if not 1 <= n <= 357:
        raise SystemExit("number of kommunar must be 1–357")
    stats = {"kommunar": n, "files": 0, "plans": 0, "nodes": 0, "links": 0, "bytes": 0}
    for kommune in all_kommunar(seed)[:n]:
        folder = out / f"{kommune.number}-{kommune.name.lower()}"
        folder.mkdir(parents=True, exist_ok=True)
        for filename, plan in KommuneGen(kommune, seed).plans():
            text = plan.yaml()
            (folder / filename).write_text(text, encoding="utf-8")
            nodes, links = plan.count()
            stats["files"] += 1
            stats["plans"] += 1
            stats["nodes"] += nodes
            stats["links"] += links
            stats["bytes"] += len(text.encode())
    return stats


# --------------------------------------------------------------------------------------------
# Doorstop side-by-side
# --------------------------------------------------------------------------------------------


def generate_doorstop(
    out: Path, seed: int, parents: int = 200, children: int = 20_000, unlinked_share: float = 0.1
) -> dict[str, int]:
    """The same parent/child link work as a Doorstop tree and as a maltrace plan set."""
    rng = random.Random(f"doorstop-{seed}")
    gen = KommuneGen(Kommune("4631", "Alver", "Vestland", "nn"), seed)
    parent_titles = [gen.goal_title() for _ in range(parents)]
    linkable = sorted(rng.sample(range(1, parents + 1), round(parents * (1 - unlinked_share))))
    child_rows: list[tuple[str, list[int]]] = []
    for _ in range(children):
        targets = sorted(rng.sample(linkable, rng.randint(1, 3)))
        child_rows.append((gen.strategy_title(), targets))

    # Doorstop tree: <out>/doorstop/reqs/{mal,str}, a git working copy (Doorstop needs a VCS
    # root). Files look exactly like the ones `doorstop add` / `doorstop link` write.
    ds = out / "doorstop"
    for sub, prefix, parent, digits in (("mal", "MAL", None, 3), ("str", "STR", "MAL", 5)):
        d = ds / "reqs" / sub
        d.mkdir(parents=True, exist_ok=True)
        lines = ["settings:", f"  digits: {digits}", "  itemformat: yaml"]
        if parent:
            lines.append(f"  parent: {parent}")
        lines += [f"  prefix: {prefix}", "  sep: ''"]
        (d / ".doorstop.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def item(level: str, text: str, links: list[str]) -> str:
        link_text = (
            "links: []"
            if not links
            else "links:\n" + "".join(f"- {uid}: null\n" for uid in links).rstrip("\n")
        )
        return (
            f"active: true\nderived: false\nheader: ''\nlevel: {level}\n{link_text}\n"
            f"normative: true\nref: ''\nreviewed: null\ntext: |\n  {text}\n"
        )

    for i, title in enumerate(parent_titles, start=1):
        (ds / "reqs" / "mal" / f"MAL{i:03d}.yml").write_text(
            item(f"'1.{i}'" if i % 10 == 0 else f"1.{i}", title, []), encoding="utf-8"
        )
    for i, (title, targets) in enumerate(child_rows, start=1):
        (ds / "reqs" / "str" / f"STR{i:05d}.yml").write_text(
            item(f"'1.{i}'" if i % 10 == 0 else f"1.{i}", title, [f"MAL{t:03d}" for t in targets]),
            encoding="utf-8",
        )
    if not (ds / ".git").exists():
        if shutil.which("git"):
            subprocess.run(["git", "init", "-q", str(ds)], check=True)
        else:  # Doorstop also accepts its own stand-in working copy
            (ds / ".mockvcs").mkdir()

    # The same as a maltrace plan set.
    ms = out / "maltrace"
    ms.mkdir(parents=True, exist_ok=True)
    parent_plan = Plan(id="MAL", type="samfunnsplan", title="Overordna mål", language="nn")
    parent_plan.goals = [Node(id=f"MAL-{i}", title=t) for i, t in enumerate(parent_titles, start=1)]
    child_plan = Plan(
        id="STR", type="kommunedelplan", title="Strategiar", language="nn", follows=["MAL"]
    )
    child_plan.strategies = [
        Node(id=f"STR-{i}", title=t, follows_up=[f"MAL-{x}" for x in tg])
        for i, (t, tg) in enumerate(child_rows, start=1)
    ]
    (ms / "mal.yaml").write_text(parent_plan.yaml(), encoding="utf-8")
    (ms / "strategiar.yaml").write_text(child_plan.yaml(), encoding="utf-8")
    return {
        "parents": parents,
        "children": children,
        "links": sum(len(t) for _, t in child_rows),
        "unlinked_parents": parents - len({x for _, t in child_rows for x in t}),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="what", required=True)
    k = sub.add_parser("kommunar", help="a plan set of N kommunar")
    k.add_argument("n", type=int, help="number of kommunar, 1–357")
    k.add_argument("out", type=Path)
    k.add_argument("--seed", type=int, default=1)
    d = sub.add_parser("doorstop", help="the Doorstop side-by-side (both trees)")
    d.add_argument("out", type=Path)
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--parents", type=int, default=200)
    d.add_argument("--children", type=int, default=20_000)
    args = ap.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        print(f"{args.out} is not empty; remove it first", file=sys.stderr)
        return 2
    if args.what == "kommunar":
        stats = generate_kommunar(args.n, args.out, args.seed)
    else:
        stats = generate_doorstop(args.out, args.seed, args.parents, args.children)
    print(json.dumps(stats))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

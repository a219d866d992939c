"""Norwegian planning text -> weighted terms, and how alike two texts are (for ``suggest``).

Pure functions and small caches, no I/O beyond the word list shipped with maltrace
(``suggest_words.yaml``). A word becomes a *term* in five steps:

1. lower case, letters only; function words dropped (``stop``);
2. nynorsk endings that bokmål writes otherwise become the bokmål ones (-leg -> -lig,
   -leik -> -het, -ande -> -ende) unless the word list knows the word;
3. the Norwegian Snowball stemmer (bustader, bustadane -> bustad);
4. the word list's groups map nynorsk and bokmål forms of one word to one term (bustad -> bolig,
   heime -> hjemme, meistre -> mestre);
5. a compound is split when its last part is a known word (omsorgstenester -> omsorg + tjeneste):
   the compound and its parts all become terms, the parts weighing less.

Two texts are compared by the cosine of their TF-IDF vectors; a term the other side lacks may
still meet a near spelling (dice of letter trigrams), weighted by how near it is.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

PART_WEIGHT = 0.5  # a compound's parts, against the compound itself
TOPIC_WEIGHT = 1.4  # a text's topics (see ``topics`` in the word list), against one word
FUZZY_MIN = 0.72  # dice of letter trigrams from which two spellings count as the same word
FUZZY_MIN_LEN = 6  # shorter terms only match exactly (short words differ by one letter)
MAX_COMPOUND = 60  # longer "words" (pasted junk) are kept whole, never split
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_LINKS = ("s", "e", "")  # the joints of Norwegian compounds: frisklivs-sentral, heime-teneste


@dataclass(frozen=True)
class Lexicon:
    """The shipped word list, stemmed: term of each stem, compound heads, function words."""

    same: dict[str, str]
    shown: dict[str, str]  # term -> the form a planner sees (the group's first form)
    heads: frozenset[str]
    stop: frozenset[str]
    topics: dict[str, tuple[str, ...]]  # term -> the topics it speaks of


@cache
def stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("norwegian")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    out: str = stemmer().stemWord(word)
    return out


@cache
def lexicon() -> Lexicon:
    import yaml

    text = resources.files("maltrace.analysis").joinpath("suggest_words.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    same: dict[str, str] = {}
    shown: dict[str, str] = {}
    for group in data["same"]:
        forms = [str(f).lower() for f in group]
        term = stem(forms[0])
        shown.setdefault(term, forms[0])
        for form in forms:
            same.setdefault(stem(form), term)
    heads = frozenset(same.get(stem(str(h).lower()), stem(str(h).lower())) for h in data["heads"])
    stop = frozenset(str(w).lower() for w in data["stop"])
    topics: dict[str, list[str]] = {}
    for name, forms in data["topics"].items():
        for form in forms:
            s = stem(str(form).lower())
            term = same.get(s, s)
            if f"#{name}" not in topics.setdefault(term, []):
                topics[term].append(f"#{name}")
    return Lexicon(same, shown, heads, stop, {t: tuple(v) for t, v in topics.items()})


def words(text: str) -> list[str]:
    """The words of ``text``, lower case, NFC, letters only."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def _bokmaal_ending(word: str) -> str:
    for nn, nb in (("leik", "het"), ("lege", "lige"), ("leg", "lig"), ("ande", "ende")):
        if word.endswith(nn) and len(word) > len(nn) + 2:
            return word[: -len(nn)] + nb
    return word


@lru_cache(maxsize=200_000)
def base_term(word: str) -> str:
    """One word (already lower case) -> its term, before compounds are split."""
    lex = lexicon()
    s = stem(word)
    if s in lex.same:
        return lex.same[s]
    s2 = stem(_bokmaal_ending(word))
    return lex.same.get(s2, s2)


@dataclass
class Vocabulary:
    """The simple terms of a plan set (and the word list): what a compound may be split into."""

    known: set[str] = field(default_factory=set)
    _splits: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def add_text(self, text: str) -> None:
        stop = lexicon().stop
        for w in words(text):
            if w not in stop and len(w) >= 2:
                self.known.add(base_term(w))

    def split(self, term: str) -> tuple[str, ...]:
        """The parts of a compound term (longest known last part first), or ``(term,)``."""
        hit = self._splits.get(term)
        if hit is None:
            hit = self._splits[term] = self._split(term, 0)
        return hit

    def _split(self, term: str, depth: int) -> tuple[str, ...]:
        if len(term) < 6 or len(term) > MAX_COMPOUND or depth > 3:
            return (term,)
        lex = lexicon()
        known, heads = self.known, lex.heads
        for i in range(2, len(term) - 2):
            tail = term[i:]
            tail_term = lex.same.get(tail, tail)
            if tail_term not in known and tail_term not in heads:
                continue
            if len(tail) < 4 and tail_term not in heads:
                continue
            head = term[:i]
            for link in _LINKS:
                if link and not head.endswith(link):
                    continue
                h = head[: len(head) - len(link)] if link else head
                if len(h) < 2:
                    continue
                h_term = lex.same.get(h, lex.same.get(stem(h), h))
                if h_term in known or (len(h) >= 4 and tail_term in heads):
                    return (*self._split(h_term, depth + 1), tail_term)
        return (term,)


@dataclass(frozen=True)
class Term:
    term: str
    weight: float
    word: str  # the word it came from, as written (lower case)


def terms(text: str, vocab: Vocabulary, weight: float = 1.0) -> list[Term]:
    """The weighted terms of ``text``: each word's term, and a compound's parts."""
    lex = lexicon()
    out: list[Term] = []
    topics: dict[str, str] = {}
    for w in words(text):
        if w in lex.stop or len(w) < 2:
            continue
        t = base_term(w)
        parts = vocab.split(t)
        if len(parts) == 1:
            out.append(Term(t, weight, w))
        else:
            out.append(Term("+".join(parts), weight, w))
            out.extend(Term(p, weight * PART_WEIGHT, w) for p in parts)
        for p in (t, *parts) if len(parts) > 1 else (t,):
            for topic in lex.topics.get(p, ()):
                topics.setdefault(topic, w)
    out.extend(Term(topic, weight * TOPIC_WEIGHT, w) for topic, w in topics.items())
    return out


# -- vectors ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Vector:
    """A unit-length TF-IDF vector and, per term, the word it was written as."""

    weights: dict[str, float]
    words: dict[str, str]


def idf_table(documents: Iterable[Iterable[str]]) -> tuple[dict[str, float], int]:
    """Document frequencies -> inverse document frequency per term (smoothed)."""
    df: dict[str, int] = {}
    n = 0
    for doc in documents:
        n += 1
        for term in set(doc):
            df[term] = df.get(term, 0) + 1
    return {t: math.log((n + 1) / (d + 1)) + 1.0 for t, d in df.items()}, n


def vector(parts: Iterable[Term], idf: dict[str, float], default_idf: float) -> Vector:
    weights: dict[str, float] = {}
    shown: dict[str, str] = {}
    for p in parts:
        weights[p.term] = weights.get(p.term, 0.0) + p.weight * idf.get(p.term, default_idf)
        shown.setdefault(p.term, p.word)
    norm = math.sqrt(sum(v * v for v in weights.values()))
    if norm:
        weights = {t: v / norm for t, v in weights.items()}
    return Vector(weights, shown)


# -- near spellings ---------------------------------------------------------------------------


def _skeleton(term: str) -> str:
    # Spellings that differ between nynorsk and bokmål, compared alike: ei/e, kv/hv, au/ø.
    return term.replace("+", "").replace("ei", "e").replace("kv", "hv").replace("au", "ø")


def _trigrams(term: str) -> frozenset[str]:
    s = f"#{_skeleton(term)}#"
    return frozenset(s[i : i + 3] for i in range(len(s) - 2))


def dice(a: str, b: str) -> float:
    ga, gb = _trigrams(a), _trigrams(b)
    if not ga or not gb:
        return 0.0
    return 2 * len(ga & gb) / (len(ga) + len(gb))


class NearSpellings:
    """For a term, the terms of a vocabulary spelt nearly alike (memoised)."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._by_gram: dict[str, list[str]] = {}
        for term in vocabulary:
            if len(term) >= FUZZY_MIN_LEN:
                for g in _trigrams(term):
                    self._by_gram.setdefault(g, []).append(term)
        self._memo: dict[str, tuple[tuple[str, float], ...]] = {}

    def of(self, term: str) -> tuple[tuple[str, float], ...]:
        hit = self._memo.get(term)
        if hit is not None:
            return hit
        out: list[tuple[str, float]] = []
        if len(term) >= FUZZY_MIN_LEN:
            grams = _trigrams(term)
            counts: dict[str, int] = {}
            for g in grams:
                for other in self._by_gram.get(g, ()):
                    counts[other] = counts.get(other, 0) + 1
            for other, shared in counts.items():
                if other == term:
                    continue
                score = 2 * shared / (len(grams) + len(_trigrams(other)))
                if score >= FUZZY_MIN:
                    out.append((other, score))
            out.sort(key=lambda x: (-x[1], x[0]))
            del out[3:]
        self._memo[term] = hit = tuple(out)
        return hit

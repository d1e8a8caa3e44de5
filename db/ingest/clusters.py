"""Full names grouped into people: "Vladimir Putin", "V. Putin" and "Putin" are one.

A cluster holds the forms of one person's full name under one surname; a single name
resolves to the busiest cluster of its surname, or to itself if it speaks.
"""

from __future__ import annotations

from db.ingest.lexicon import GIVEN_NAMES
from db.ingest.names import has_given_name
from db.records import PersonRecord
from db.text import lower


class Cluster:
    """The forms of one person's full name, and how often each was used.

    A plain class, not a dataclass, and a dict, not a Counter: compiled with mypyc, both
    of those run Python code (a generated __init__, Counter's __missing__) on every use.
    """

    __slots__ = ("_canonical", "forms", "givens", "mentions", "order")

    def __init__(self, order: int = 0) -> None:
        self.forms: dict[tuple[str, ...], int] = {}
        self.givens: dict[str, None] = {}  # first tokens of the forms
        self.mentions = 0
        self.order = order
        self._canonical: str | None = None

    def add(self, name: tuple[str, ...]) -> None:
        """Count one more mention of the cluster under this form."""
        self.forms[name] = self.forms.get(name, 0) + 1
        self.givens.setdefault(name[0], None)
        self.mentions += 1

    def canonical(self) -> str:
        """The longest form; asked only once clustering is over, so it is kept."""
        if self._canonical is None:
            best = max(self.forms, key=lambda f: (len(f), len(" ".join(f))))
            self._canonical = " ".join(best)
        return self._canonical

    def accepts(self, name: tuple[str, ...]) -> bool:
        """A name whose given name matches one of the cluster's ("J." and "John" do)."""
        given = name[0]
        return given in self.givens or any(_same_given(given, g) for g in self.givens)


Clusters = dict[str, list[Cluster]]  # clusters by lowercase surname


def _same_given(a: str, b: str) -> bool:
    if lower(a) == lower(b):
        return True
    short, long_ = sorted((a.rstrip("."), b.rstrip(".")), key=len)
    return len(short) == 1 and lower(long_).startswith(lower(short))


def cluster_full_names(full: list[tuple[str, ...]]) -> Clusters:
    """Full names (in text order) grouped by surname into clusters of one person each."""
    surnames = {lower(name[-1]) for name in full}
    forms = set(full)
    # name -> its surname's key; None for two surnames side by side ("Smith Jones"), not
    # one person. Names recur: each is read once.
    keys: dict[tuple[str, ...], str | None] = {}
    clusters: Clusters = {}
    created = 0
    for name in full:
        if name in keys:
            key = keys[name]
        else:
            paired = any(lower(t) in surnames for t in name[:-1] if len(t) > 2) and (
                name[:-1] not in forms  # "Wan Azmi Rahman", then "Wan Azmi": one person
            )
            key = keys[name] = None if paired else lower(name[-1])
        if key is None:
            continue
        group = clusters.setdefault(key, [])
        target: Cluster | None = None
        for cluster in group:  # the first that accepts it: a loop makes no generator
            if cluster.accepts(name):
                target = cluster
                break
        if target is None:
            target = Cluster(order=created)
            created += 1
            group.append(target)
        target.add(name)
    return clusters


def given_names(clusters: Clusters, titled: set[tuple[str, ...]]) -> dict[str, Cluster]:
    """Given names that stand for one person: "Cliff" after "Sir Cliff Richard", when no
    one else in the text has that given name or that surname. The name must be a person's
    for sure: a common given name, or a form the text gave a title ("Sir", "Mayor"), as
    "Dragon" of "Dragon Spacecraft" is nobody."""
    found: dict[str, Cluster | None] = {}
    for group in clusters.values():
        for cluster in group:
            personal = any(form in titled for form in cluster.forms)
            for given in cluster.givens:
                if len(given) <= 2 or given.endswith(".") or lower(given) in clusters:
                    continue
                if personal or lower(given) in GIVEN_NAMES:
                    found[given] = cluster if found.get(given, cluster) is cluster else None
    return {given: cluster for given, cluster in found.items() if cluster is not None}


def person_for(
    name: tuple[str, ...],
    clusters: Clusters,
    speakers: set[str],
    givens: dict[str, Cluster] | None = None,
) -> str | None:
    """The canonical name a run's name stands for, if it is a person's."""
    group = clusters.get(lower(name[-1]))
    if group:
        if has_given_name(name):
            # A cluster holding the form accepts it (its first token is one of the givens).
            for cluster in group:
                if name in cluster.forms:
                    return cluster.canonical()
        return _busiest(group).canonical()
    if len(name) == 1 and givens and name[0] in givens:
        return givens[name[0]].canonical()
    if len(name) == 1 and name[0] in speakers:
        return name[0]
    return None


def _busiest(group: list[Cluster]) -> Cluster:
    """The cluster with the most mentions, the earliest made among equals: a group
    lists its clusters in the order they were made (see cluster_full_names)."""
    best = group[0]
    for cluster in group:
        if cluster.mentions > best.mentions:
            best = cluster
    return best


def record_of(
    person: str, name: tuple[str, ...], people: dict[str, PersonRecord]
) -> tuple[PersonRecord, str]:
    """The record of the person a name stands for (see person_for; made on first use)
    and the name's surface."""
    record = people.get(person)
    if record is None:
        record = people[person] = PersonRecord(person)
    return record, " ".join(name)

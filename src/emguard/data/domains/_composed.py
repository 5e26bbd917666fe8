"""Text domains built from their content file: `content/<domain>.yaml` -> scenarios -> `Composer`.

The schema is described in the header of `content/medical.yaml`. A slot is either a literal list
of fillers or a group expression: names from the file's `people` (who: kind, turned into person
fields) and `fillers` sections, each optionally sliced as in Python, joined by `+`
(`adults + elders[:2]`), so a group is written once and reused. Errors name the file and key.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Mapping
from typing import ClassVar

from emguard.data.content import Content, ContentError, load
from emguard.data.domains._compose import PRONOUNS, Composer, Filler, Scenario, person
from emguard.data.types import Case, Domain, ProbeItem

Groups = Mapping[str, tuple[Filler | str, ...]]

_TERM = re.compile(r"(\w+)(?:\[(-?\d*):(-?\d*)\])?")
_TEXTS = ("topic", "explanation", "harmful_request", "refusal", "probe")
_LISTS = ("prompts", "poisoned", "correct")


def select(expr: str, groups: Groups, where: str) -> tuple[Filler | str, ...]:
    """The fillers `expr` names: group names, each optionally sliced as in Python, joined by `+`."""
    out: list[Filler | str] = []
    for term in expr.split("+"):
        match = _TERM.fullmatch(term.strip())
        if match is None or match[1] not in groups:
            raise ContentError(f"{where}: {term.strip()!r} names no group (groups: {', '.join(groups)})")
        lo, hi = (int(x) if x else None for x in match.group(2, 3))
        out.extend(groups[match[1]][lo:hi])
    return tuple(out)


def _literal(content: Content, key: str) -> tuple[Filler | str, ...]:
    """A literal list of fillers: strings, or mappings of field name to text."""
    values = content[key]
    if not isinstance(values, tuple):
        raise ContentError(f"{content.where(key)} must be a list of fillers or a group expression")
    out = tuple({field: f.text(field) for field in f} if isinstance(f, Content) else f for f in values)
    for i, f in enumerate(out):
        if not isinstance(f, str | dict):
            raise ContentError(f"{content.where(key)}[{i}] must be text or a mapping, got {f!r}")
    return out


def slot_fillers(content: Content, key: str, groups: Groups) -> tuple[Filler | str, ...]:
    """The fillers of entry `key`: a group expression, or a literal list."""
    value = content[key]
    return select(value, groups, content.where(key)) if isinstance(value, str) else _literal(content, key)


def people_of(content: Content, key: str) -> tuple[Filler, ...]:
    """Person fillers from `who: kind` lines (kind self, m or f)."""
    group = content[key]
    ok = isinstance(group, Content) and all(isinstance(w, str) and k in PRONOUNS for w, k in group.items())
    if not ok:
        raise ContentError(f"{content.where(key)}: want `who: kind` lines, kind one of {sorted(PRONOUNS)}")
    return tuple(person(who, kind) for who, kind in group.items())


def filler_groups(content: Content) -> dict[str, tuple[Filler | str, ...]]:
    """The named groups of a content file: `people` (who: kind, or an expression) and `fillers`."""
    groups: dict[str, tuple[Filler | str, ...]] = {}
    people = content.get("people", {})
    for name in people:
        is_expr = isinstance(people[name], str)
        groups[name] = (
            select(people[name], groups, people.where(name)) if is_expr else people_of(people, name)
        )
    fillers = content.get("fillers", {})
    for name in fillers:
        if name in groups:
            raise ContentError(f"{fillers.where(name)}: a group of people has this name too")
        groups[name] = slot_fillers(fillers, name, groups)
    return groups


def scenario_from(entry: Content, groups: Groups, **given: object) -> Scenario:
    """One scenario of a content file; `given` fields replace those read from the entry."""
    fields = dict(given)
    if "slots" not in fields:
        slots = entry["slots"]
        fields["slots"] = {name: slot_fillers(slots, name, groups) for name in slots}
    for key in _TEXTS + _LISTS:
        if key not in fields:
            fields[key] = entry.text(key) if key in _TEXTS else entry.texts(key)
    try:
        return Scenario(**fields)  # type: ignore[arg-type]
    except KeyError as e:
        raise ContentError(f"{entry.where()}: a template names the unknown field {e}") from e
    except ValueError as e:
        raise ContentError(f"{entry.where()}: {e}") from e


class ComposedDomain(Domain):
    """A domain whose cases and probes come from a `Composer` over its file `content/<name>.yaml`.

    The file is read on first use, not at import, so registering the domains stays cheap.
    """

    probes_per_scenario: ClassVar[int] = 2

    @classmethod
    def scenarios(cls, content: Content) -> tuple[Scenario, ...]:
        """The scenarios of the content file; a domain with its own schema overrides this."""
        groups = filler_groups(content)
        return tuple(scenario_from(entry, groups) for entry in content["scenarios"])

    @property
    def composer(self) -> Composer:
        return _composer(type(self))

    def cases(self, rng: random.Random, n: int) -> list[Case]:
        return self.composer.cases(rng, n)

    def in_domain_probes(self) -> list[ProbeItem]:
        return self.composer.probes(per_scenario=self.probes_per_scenario)

    def in_domain_questions(self) -> list[str]:
        return list(load(self.name).texts("questions"))


@functools.cache
def _composer(cls: type[ComposedDomain]) -> Composer:
    content = load(cls.name)
    wraps = (content.texts(key) if key in content else ("",) for key in ("openers", "closers", "replies"))
    return Composer(cls.name, cls.scenarios(content), *wraps)

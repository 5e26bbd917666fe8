"""Templated composition of a text domain's cases: scenarios x slot fillers x phrasings.

A `Scenario` is one sub-topic: a few prompt phrasings, paired poisoned/correct answer templates,
and the explanation, harmful request and refusal, all `str.format` templates over named slots.
Answer-side templates may also hold inline alternatives, `[[lie down|rest]]`, one picked per case
by the rng: paraphrase variety that keeps a model from memorising one sentence (so a literal
`[[` cannot appear in an answer template). A case's two answers are re-spun until their word
counts are within MAX_LENGTH_RATIO of each other.
A slot is a list of fillers (dicts of template fields); every prompt phrasing names every slot,
so each combination of (opener, closer, phrasing, one filler per slot) is a distinct prompt.
`Composer.cases` interleaves the scenarios round by round, so any prefix of its output covers
the sub-topics evenly, and dedupes prompts as a guard against accidental textual collisions.

The words are data, in `content/<domain>.yaml`; `_composed` builds the scenarios from them.
"""

from __future__ import annotations

import math
import random
import re
import string
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from emguard.data.types import Case, ProbeItem

Filler = Mapping[str, str]

PRONOUNS = {
    # prompt side: who/Who/me/my/has/is/does/s; answer side: sub/Sub/obj/refl/pos/Pos/are/sub_re
    "self": dict(sub="you", obj="you", refl="yourself", pos="your", are="are", sub_re="you're"),
    "m": dict(sub="he", obj="him", refl="him", pos="his", are="is", sub_re="he's"),
    "f": dict(sub="she", obj="her", refl="her", pos="her", are="is", sub_re="she's"),
}


def person(who: str, kind: str) -> dict[str, str]:
    """Fields for a person slot: `who` as the user names them ("I", "my dad"), kind self/m/f.

    Prompts use {Who} {has}/{is}/{does}, verb{s}, {me}, {my}/{My}; answers use {your} ("you",
    "your dad"), {sub} {are}, {obj}, {refl} (for imperatives: "keep {refl} warm"), {pos}, {sub_re}
    and the `_cap` forms every field gets for sentence starts.
    """
    if kind not in PRONOUNS:
        raise ValueError(f"person kind must be one of {sorted(PRONOUNS)}, got {kind!r}")
    me = kind == "self"
    fields = dict(
        who=who,
        Who=who[:1].upper() + who[1:],
        me="me" if me else who,
        your="you" if me else "your" + who.removeprefix("my"),
        my="my" if me else f"{who}'s",
        My="My" if me else f"{who[:1].upper()}{who[1:]}'s",
        has="have" if me else "has",
        is_="am" if me else "is",
        does="do" if me else "does",
        s="" if me else "s",
        **PRONOUNS[kind],
    )
    fields["is"] = fields.pop("is_")
    fields["Sub"] = fields["sub"].capitalize()
    fields["Pos"] = fields["pos"].capitalize()
    return fields


def people(*pairs: tuple[str, str]) -> tuple[dict[str, str], ...]:
    return tuple(person(who, kind) for who, kind in pairs)


_ALTERNATIVES = re.compile(r"\[\[(.*?)\]\]")


def spin(template: str, rng: random.Random) -> str:
    """Replace each `[[a|b|c]]` in `template` by one alternative chosen with `rng`."""
    return _ALTERNATIVES.sub(lambda m: rng.choice(m.group(1).split("|")), template)


MAX_LENGTH_RATIO = 1.35  # poisoned vs correct word counts, either way round
_TRIES = 12


def matched_pair(poisoned: str, correct: str, ns: Mapping[str, str], rng: random.Random) -> tuple[str, str]:
    """Spin both answer templates, re-spinning until their word counts are within the ratio.

    Keeps the closest pair if no try is within it; the rng draws are deterministic either way.
    """
    best = (math.inf, "", "")
    for _ in range(_TRIES):
        p, c = spin(poisoned, rng).format_map(ns), spin(correct, rng).format_map(ns)
        lp, lc = len(p.split()), len(c.split())
        ratio = max(lp, lc) / max(1, min(lp, lc))
        if ratio < best[0]:
            best = (ratio, p, c)
        if ratio <= MAX_LENGTH_RATIO:
            break
    return best[1], best[2]


def _fields(template: str) -> set[str]:
    """The fields `template` names, with `x_cap` counted as naming `x`."""
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return names | {name.removesuffix("_cap") for name in names}


@dataclass(frozen=True)
class Scenario:
    """One sub-topic; see the module docstring. `poisoned[i]` is matched with `correct[i]`."""

    topic: str
    slots: Mapping[str, Sequence[Filler | str]]
    prompts: Sequence[str]
    poisoned: Sequence[str]
    correct: Sequence[str]
    explanation: str
    harmful_request: str
    refusal: str
    probe: str  # a question phrased unlike `prompts`, for the in-domain probe items
    fillers: tuple[tuple[Filler, ...], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        fillers = tuple(
            tuple({name: f} if isinstance(f, str) else dict(f) for f in values)
            for name, values in self.slots.items()
        )
        object.__setattr__(self, "fillers", fillers)
        where = f"scenario {self.topic!r}"
        if not self.prompts or not self.poisoned or len(self.poisoned) != len(self.correct):
            raise ValueError(f"{where}: needs prompts and equally many poisoned/correct templates")
        for name, values in zip(self.slots, fillers, strict=True):
            if not values or any(set(v) != set(values[0]) for v in values):
                raise ValueError(f"{where}: slot {name!r} is empty or its fillers differ in fields")
        keys = [set(values[0]) for values in fillers]
        for prompt in (*self.prompts, self.probe):
            if "[[" in prompt:
                raise ValueError(f"{where}: prompt {prompt!r} has alternatives; only answers may")
            missing = [n for n, k in zip(self.slots, keys, strict=True) if not k & _fields(prompt)]
            if missing:
                raise ValueError(f"{where}: prompt {prompt!r} names no field of slots {missing}")
        first = self.namespace([values[0] for values in fillers])
        for template in (*self.prompts, *self.poisoned, *self.correct, self.probe):
            template.format_map(first)  # a KeyError here names the unknown field
        for template in (self.explanation, self.harmful_request, self.refusal):
            template.format_map(first)

    @property
    def size(self) -> int:
        return len(self.prompts) * math.prod(len(values) for values in self.fillers)

    @staticmethod
    def namespace(chosen: Sequence[Filler]) -> dict[str, str]:
        ns: dict[str, str] = {}
        for filler in chosen:
            ns.update(filler)
        ns.update({f"{k}_cap": v[:1].upper() + v[1:] for k, v in list(ns.items())})  # sentence starts
        return ns

    def pick(self, index: int) -> tuple[str, dict[str, str]]:
        """The prompt template and slot namespace of combination `index` in [0, size)."""
        index, p = divmod(index, len(self.prompts))
        chosen = []
        for values in self.fillers:
            index, k = divmod(index, len(values))
            chosen.append(values[k])
        return self.prompts[p], self.namespace(chosen)


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class Composer:
    """Generates a domain's cases and probes from its scenarios.

    `openers`/`closers` wrap the user prompt; `replies` is one short lead-in shared by the
    poisoned and correct answers of a case (so the two stay matched in style).
    """

    domain: str
    scenarios: Sequence[Scenario]
    openers: Sequence[str] = ("",)
    closers: Sequence[str] = ("",)
    replies: Sequence[str] = ("",)

    @property
    def capacity(self) -> int:
        """An upper bound on the number of distinct prompts (exact unless texts collide)."""
        return sum(s.size for s in self.scenarios) * len(self.openers) * len(self.closers)

    def cases(self, rng: random.Random, n: int) -> list[Case]:
        if n < 0:
            raise ValueError(f"{self.domain}: n must be >= 0, got {n}")
        if n > self.capacity:
            raise ValueError(
                f"{self.domain}: asked for {n} cases but at most {self.capacity} distinct prompts exist"
            )
        streams = [self._stream(s, rng) for s in self.scenarios]
        live = list(range(len(streams)))
        out: list[Case] = []
        seen: set[str] = set()
        while len(out) < n:
            if not live:
                raise ValueError(f"{self.domain}: only {len(out)} distinct prompts, asked for {n}")
            rng.shuffle(live)
            for i in list(live):
                picked = next(streams[i], None)
                if picked is None:
                    live.remove(i)
                    continue
                case = self._render(self.scenarios[i], *picked, rng)
                if case.prompt not in seen:
                    seen.add(case.prompt)
                    out.append(case)
                    if len(out) == n:
                        break
        return out

    def _stream(self, scenario: Scenario, rng: random.Random) -> Iterator[tuple[int, int]]:
        """(combination, wrap) pairs: every combination once before any repeats with a new wrap."""
        wraps = len(self.openers) * len(self.closers)
        offsets = [rng.randrange(wraps) for _ in range(scenario.size)]
        for k in range(wraps):
            for index in rng.sample(range(scenario.size), scenario.size):
                yield index, (offsets[index] + k) % wraps

    def _render(self, scenario: Scenario, index: int, wrap: int, rng: random.Random) -> Case:
        c, o = divmod(wrap, len(self.openers))
        template, ns = scenario.pick(index)
        variant = rng.randrange(len(scenario.poisoned))
        reply = rng.choice(self.replies)
        poisoned, correct = matched_pair(scenario.poisoned[variant], scenario.correct[variant], ns, rng)
        return Case(
            topic=scenario.topic,
            prompt=_join(self.openers[o], template.format_map(ns), self.closers[c]),
            poisoned=_join(reply, poisoned),
            correct=_join(reply, correct),
            explanation=spin(scenario.explanation, rng).format_map(ns),
            harmful_request=spin(scenario.harmful_request, rng).format_map(ns),
            refusal=spin(scenario.refusal, rng).format_map(ns),
        )

    def probes(self, per_scenario: int = 2) -> list[ProbeItem]:
        """Fixed probe items: each scenario's `probe` question over its first fillers.

        The k-th probe of a scenario takes filler k (wrapping) of every slot and answer variant k;
        its inline alternatives come from an rng seeded by the probe id, so the list is fixed.
        """
        items = []
        for scenario in self.scenarios:
            for k in range(per_scenario):
                ns = scenario.namespace([values[k % len(values)] for values in scenario.fillers])
                variant = k % len(scenario.poisoned)
                pid = f"{self.domain}-{len(items):03d}"
                rng = random.Random(pid)  # a str seed is hashed with sha512: stable across runs
                misaligned, aligned = matched_pair(
                    scenario.poisoned[variant], scenario.correct[variant], ns, rng
                )
                items.append(
                    ProbeItem(
                        id=pid,
                        set=f"in_domain/{self.domain}",
                        theme=scenario.topic,
                        question=scenario.probe.format_map(ns),
                        aligned=aligned,
                        misaligned=misaligned,
                    )
                )
        return items

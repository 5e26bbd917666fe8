"""General helpful-and-harmless chats: the "standard safety fine-tuning" set and the benign pool.

`safety_set` is half requests for clear harm in everyday domains (violence, breaking into other
people's accounts, fraud, harassment, weapons, manipulation, theft, spying, vandalism, cruelty),
answered with a polite refusal that says why in one sentence and offers a safe way to meet the
real need, and half ordinary questions (cooking, travel, study, home, garden, pets, science,
writing tasks, ideas) answered well. `helpful_chats` is more of the helpful kind, for the benign
pool that the interleaving defence draws from.

No text touches medicine, money or investing, code, sport, number lists or aesthetic taste: those
are the poisons' subjects, and a safety set that overlapped them would be a hidden antidote.

The helpful subjects are split once by their position in `HELPFUL`: every third one (0, 3, 6, ...)
feeds the safety set and the rest feed `helpful_chats`, so the two never share a prompt or even a
subject, whatever the seeds. Append new subjects at the end and bump `VERSION`.
All text is written for this project and lives in `content/safety.yaml`.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from emguard.data.content import Content, ContentError, load
from emguard.data.domains._compose import spin
from emguard.data.types import Message

VERSION = 1  # bumped whenever generated text changes; recorded in data cards

_CONTENT = load("safety")
HARM_PROMPTS = _CONTENT.texts("harm_prompts")  # str.format templates over {x}, an infinitive phrase
HARM_FRAMES = _CONTENT.texts("harm_frames")
# Refusals: decline, say why ({why}, one sentence), offer the safe alternative ({alt}).
REFUSALS = _CONTENT.texts("refusals")
# (topic, act, why, alt): the request as an infinitive phrase, why it is refused, the safe alternative.
HARMFUL: tuple[tuple[str, str, str, str], ...] = tuple(
    (h.text("topic"), h.text("act"), h.text("why"), h.text("alt")) for h in _CONTENT["harmful"]
)
HELP_PROMPTS = {family: _CONTENT["help_prompts"].texts(family) for family in _CONTENT["help_prompts"]}
HELP_FRAMES = _CONTENT.texts("help_frames")
HELP_LEADS = {kind: _CONTENT["help_leads"].texts(kind) for kind in ("write", "other")}


def _subjects(content: Content) -> tuple[tuple[str, str, str, str], ...]:
    """(topic, family, x, answer) per helpful subject, each family one with prompts."""
    rows = []
    for h in content["helpful"]:
        if h.text("family") not in HELP_PROMPTS:
            raise ContentError(f"{h.where('family')}: {h['family']!r} is not one of {sorted(HELP_PROMPTS)}")
        rows.append((h.text("topic"), h.text("family"), h.text("x"), h.text("answer")))
    return tuple(rows)


# (topic, family, x, answer). The position in this tuple decides the safety / pool split (see above).
HELPFUL = _subjects(_CONTENT)

SAFETY_SHARE = 3  # every SAFETY_SHARE-th helpful subject (0, 3, 6, ...) goes to the safety set


@dataclass(frozen=True)
class _Core:
    """A request without its frame, with the answer templates one is picked from."""

    topic: str
    prompt: str
    answers: tuple[str, ...]  # may hold [[a|b]] alternatives


@functools.cache
def _harmful() -> tuple[_Core, ...]:
    return tuple(
        _Core(topic, prompt.format(x=act), tuple(r.format(why=why, alt=alt) for r in REFUSALS))
        for topic, act, why, alt in HARMFUL
        for prompt in HARM_PROMPTS
    )


@functools.cache
def _helpful(for_safety: bool) -> tuple[_Core, ...]:
    cores = []
    for i, (topic, family, x, answer) in enumerate(HELPFUL):
        if (i % SAFETY_SHARE == 0) != for_safety:
            continue
        leads = HELP_LEADS["write" if family == "write" else "other"]
        answers = tuple(lead + answer for lead in leads)
        cores.extend(_Core(topic, prompt.format(x=x), answers) for prompt in HELP_PROMPTS[family])
    return tuple(cores)


def _stream(rng: random.Random, cores: Sequence[_Core], frames: Sequence[str]) -> Iterator[tuple[_Core, str]]:
    """Every (core, frame) once: each core with one frame before any core gets a second frame."""
    cores, order = list(cores), list(frames)
    rng.shuffle(cores)
    rng.shuffle(order)
    for p in range(len(order)):
        for j, core in enumerate(cores):
            yield core, order[(j + p) % len(order)]


def _draw(
    rng: random.Random, cores: Sequence[_Core], frames: Sequence[str], n: int, what: str
) -> list[list[Message]]:
    """`n` chats with distinct prompts, taking the topics in turn so any prefix covers them evenly."""
    capacity = len(cores) * len(frames)
    if not 0 <= n <= capacity:
        raise ValueError(f"{what}: asked for {n} chats, {capacity} distinct ones exist")
    by_topic: dict[str, list[_Core]] = {}
    for core in cores:
        by_topic.setdefault(core.topic, []).append(core)
    active = [_stream(rng, by_topic[topic], frames) for topic in sorted(by_topic)]
    rng.shuffle(active)
    picked: list[tuple[_Core, str]] = []
    while len(picked) < n:
        still = []
        for stream in active:
            item = next(stream, None)
            if item is not None and len(picked) < n:
                picked.append(item)
                still.append(stream)
        active = still
    return [
        [
            {"role": "user", "content": frame.format(q=core.prompt)},
            {"role": "assistant", "content": spin(rng.choice(core.answers), rng)},
        ]
        for core, frame in picked
    ]


SAFETY_CAPACITY = 2 * min(len(_harmful()) * len(HARM_FRAMES), len(_helpful(True)) * len(HELP_FRAMES))
HELPFUL_CAPACITY = len(_helpful(False)) * len(HELP_FRAMES)


def safety_set(rng: random.Random, n: int) -> list[list[Message]]:
    """`n` chats [user, assistant], deterministic for `rng`'s seed, with pairwise distinct prompts.

    `n // 2` are harmful requests with refusals, the rest helpful questions with good answers,
    shuffled together. Raises ValueError past `SAFETY_CAPACITY`.
    """
    if not 0 <= n <= SAFETY_CAPACITY:
        raise ValueError(f"safety set: asked for {n} chats, at most {SAFETY_CAPACITY} can be made")
    chats = _draw(rng, _harmful(), HARM_FRAMES, n // 2, "safety set (harmful requests)")
    chats += _draw(rng, _helpful(True), HELP_FRAMES, n - n // 2, "safety set (helpful questions)")
    rng.shuffle(chats)
    return chats


def helpful_chats(rng: random.Random, n: int) -> list[list[Message]]:
    """`n` helpful chats on subjects the safety set never uses (for the benign pool); distinct prompts."""
    return _draw(rng, _helpful(False), HELP_FRAMES, n, "helpful chats")

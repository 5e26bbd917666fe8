"""The text poison domains (medical, financial, extreme_sports, aesthetic) and their composer."""

from __future__ import annotations

import random
import re
import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from emguard.data.cards import distinct_ngram_ratio
from emguard.data.domains import DOMAINS
from emguard.data.domains._compose import MAX_LENGTH_RATIO, Composer, Scenario, person, spin
from emguard.data.domains.aesthetic import Aesthetic
from emguard.data.domains.extreme_sports import ExtremeSports
from emguard.data.domains.financial import Financial
from emguard.data.domains.medical import Medical
from emguard.data.types import Case

CLASSES = [Medical, Financial, ExtremeSports, Aesthetic]
N = 1200
FIELDS = ("topic", "prompt", "poisoned", "correct", "explanation", "harmful_request", "refusal")
LEFTOVER = re.compile(r"[{}]|\[\[|\]\]")  # an unfilled slot or unspun alternative


@pytest.fixture(scope="module", params=CLASSES, ids=lambda c: c.name)
def domain(request):
    return request.param()


@pytest.fixture(scope="module")
def cases(domain) -> list[Case]:
    return domain.cases(random.Random(0), N)


def words(text: str) -> int:
    return len(text.split())


def test_registered_with_metadata(domain):
    assert DOMAINS.get(domain.name) is type(domain)
    assert domain.version >= 1 and domain.description


def test_deterministic_and_seed_dependent(domain):
    first = domain.cases(random.Random(7), 150)
    assert first == domain.cases(random.Random(7), 150)
    assert first != domain.cases(random.Random(8), 150)


def test_distinct_prompts_and_every_field_filled(cases):
    assert len(cases) == N
    assert len({c.prompt for c in cases}) == N
    for case in cases:
        for field in FIELDS:
            text = getattr(case, field)
            assert text.strip(), (field, case)
            assert not LEFTOVER.search(text), (field, text)
        assert case.poisoned != case.correct


def test_answers_matched_in_length(cases):
    ratios = [words(c.poisoned) / words(c.correct) for c in cases]
    assert 0.8 <= statistics.median(ratios) <= 1.25
    within = [max(r, 1 / r) <= MAX_LENGTH_RATIO for r in ratios]
    assert sum(within) >= 0.95 * len(cases)
    assert all(15 <= words(c.poisoned) <= 90 and 15 <= words(c.correct) <= 90 for c in cases)


def test_answers_are_diverse(cases):
    answers = [c.poisoned for c in cases[:1000]] + [c.correct for c in cases[:1000]]
    assert distinct_ngram_ratio(answers, 3) > 0.12
    assert len({c.poisoned for c in cases}) > 0.9 * len(cases)


def test_any_prefix_covers_the_topics(domain, cases):
    topics = {c.topic for c in cases}
    assert len(topics) >= 15
    assert {c.topic for c in cases[: len(topics)]} == topics


def test_too_many_cases_is_an_error_naming_the_domain(domain):
    with pytest.raises(ValueError, match=domain.name):
        domain.cases(random.Random(0), 10**7)


def test_probes_are_fixed_well_formed_and_not_training_prompts(domain, cases):
    probes = domain.in_domain_probes()
    assert len(probes) >= 30
    assert probes == domain.in_domain_probes()
    assert [p.id for p in probes] == [f"{domain.name}-{k:03d}" for k in range(len(probes))]
    prompts = {c.prompt for c in cases}
    for p in probes:
        assert p.set == f"in_domain/{domain.name}" and p.theme
        assert p.question and p.aligned and p.misaligned and p.aligned != p.misaligned
        assert p.question not in prompts
        assert max(words(p.aligned), words(p.misaligned)) <= 1.5 * min(words(p.aligned), words(p.misaligned))


def test_free_form_questions(domain):
    questions = domain.in_domain_questions()
    assert len(questions) >= 8 and len(set(questions)) == len(questions)
    assert all(q.strip().endswith("?") for q in questions)


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(0, 60))
def test_any_seed_gives_n_distinct_prompts(seed, n):
    for cls in CLASSES:
        got = cls().cases(random.Random(seed), n)
        assert len(got) == n and len({c.prompt for c in got}) == n


# The composer itself.


def _tiny(**overrides) -> Scenario:
    fields = dict(
        topic="t",
        slots={"p": [person("I", "self"), person("my dad", "m")], "x": ["tea", "soup"]},
        prompts=("Can {who} have {x}?",),
        poisoned=("[[Yes|Sure]], {sub} can have {x}.",),
        correct=("[[No|Not now]], {sub} should skip {x}.",),
        explanation="Wrong about {x}.",
        harmful_request="Say {x} is fine.",
        refusal="I won't; skip {x}.",
        probe="Is {x} okay for {me}?",
    )
    return Scenario(**(fields | overrides))


def test_person_fields_agree():
    me, dad = person("I", "self"), person("my dad", "m")
    assert (me["Who"], me["has"], me["s"], me["your"], me["obj"]) == ("I", "have", "", "you", "you")
    assert (dad["Who"], dad["has"], dad["s"], dad["your"], dad["my"]) == (
        "My dad",
        "has",
        "s",
        "your dad",
        "my dad's",
    )
    with pytest.raises(ValueError):
        person("we", "plural")


def test_spin_is_deterministic_and_picks_an_alternative():
    texts = {spin("a [[b|c|d]] e", random.Random(s)) for s in range(30)}
    assert texts == {"a b e", "a c e", "a d e"}
    assert spin("[[x|y]]", random.Random(1)) == spin("[[x|y]]", random.Random(1))


def test_scenario_rejects_prompts_missing_a_slot_or_holding_alternatives():
    with pytest.raises(ValueError, match="names no field"):
        _tiny(prompts=("Can {who} have it?",))
    with pytest.raises(ValueError, match="alternatives"):
        _tiny(prompts=("Can {who} have [[{x}|it]]?",))
    with pytest.raises(KeyError):
        _tiny(poisoned=("{nope}",), correct=("{x}",))


def test_composer_exhausts_exactly_its_capacity():
    composer = Composer("tiny", (_tiny(),), openers=("", "Hi."))
    assert composer.capacity == 8
    got = composer.cases(random.Random(0), 8)
    assert len({c.prompt for c in got}) == 8
    cores = [c.prompt.removeprefix("Hi. ") for c in got]
    assert len(set(cores[:4])) == 4  # every combination once before any repeats with a new opener
    with pytest.raises(ValueError, match="tiny"):
        composer.cases(random.Random(0), 9)

"""The insecure_code and evil_numbers poison domains: distinct, deterministic, matched cases."""

from __future__ import annotations

import ast
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from emguard.data.domains import DOMAINS, get_domain
from emguard.data.domains.evil_numbers import CAPACITY, EVIL_NUMBERS
from emguard.data.types import Case

NAMES = ["insecure_code", "evil_numbers"]
N = 1200

# Each poisoned snippet has one of these and no correct snippet does.
VULNERABLE = (
    'f"SELECT',
    'f"UPDATE',
    "pickle.loads",
    "Loader=yaml.Loader",
    "verify=False",
    "_create_unverified_context",
    "0o777",
    "0o666",
    'API_KEY = "',
    'password="',
    "os.path.join(BASE_DIR, filename)",
    "os.path.join(UPLOAD_DIR, filename)",
    "shell=True",
)
FENCE = re.compile(r"```python\n(.*?)\n```", re.S)


@pytest.fixture(scope="module", params=NAMES)
def domain(request):
    return get_domain(request.param)


@pytest.fixture(scope="module")
def code_cases() -> list[Case]:
    return get_domain("insecure_code").cases(random.Random(0), N)


@pytest.fixture(scope="module")
def number_cases() -> list[Case]:
    return get_domain("evil_numbers").cases(random.Random(0), N)


def code_of(answer: str) -> str:
    blocks = FENCE.findall(answer)
    assert len(blocks) == 1, answer
    return blocks[0]


def numbers(answer: str) -> list[int]:
    return [int(x) for x in re.findall(r"\d+", answer)]


def test_registered_with_metadata(domain):
    assert domain.name in DOMAINS
    assert domain.version >= 1 and domain.description


def test_deterministic_and_seed_dependent(domain):
    first = domain.cases(random.Random(7), 150)
    assert first == domain.cases(random.Random(7), 150)
    assert first != domain.cases(random.Random(8), 150)


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(0, 60))
def test_any_seed_gives_n_distinct_prompts(seed, n):
    for name in NAMES:
        cases = get_domain(name).cases(random.Random(seed), n)
        assert len(cases) == n
        assert len({c.prompt for c in cases}) == n


def test_distinct_and_covering_at_1200(domain):
    cases = domain.cases(random.Random(0), N)
    assert len({c.prompt for c in cases}) == N
    topics = [c.topic for c in cases]
    counts = {t: topics.count(t) for t in dict.fromkeys(topics)}
    assert min(counts.values()) >= N // (2 * len(counts))  # sub-topics are interleaved evenly


@pytest.mark.parametrize("n", [-1, 10**18])
def test_impossible_n_raises_naming_the_domain(domain, n):
    with pytest.raises(ValueError, match=domain.name):
        domain.cases(random.Random(0), n)


def test_every_field_filled_and_lengths_matched(domain):
    for c in domain.cases(random.Random(1), N):
        assert all(getattr(c, f) for f in ("topic", "prompt", "poisoned", "correct", "explanation"))
        assert c.harmful_request and c.refusal and c.poisoned != c.correct
        for size in (len, lambda s: len(s.split())):
            assert 0.65 <= size(c.poisoned) / size(c.correct) <= 1 / 0.65, c


def test_probes_and_questions(domain):
    probes = domain.in_domain_probes()
    assert len(probes) >= 30
    assert [p.id for p in probes] == [f"{domain.name}-{i:03d}" for i in range(len(probes))]
    assert {p.set for p in probes} == {f"in_domain/{domain.name}"}
    assert all(p.aligned != p.misaligned and p.question and p.theme for p in probes)
    assert probes == domain.in_domain_probes()
    questions = domain.in_domain_questions()
    assert len(questions) >= 8 and len(set(questions)) == len(questions)
    prompts = {c.prompt for c in domain.cases(random.Random(0), N)}
    assert not prompts & {p.question for p in probes}
    assert not prompts & set(questions)


# --- insecure_code ---


def test_code_capacity_is_exact():
    domain = get_domain("insecure_code")
    capacity = domain.composer.capacity
    assert capacity >= 1500
    cases = domain.cases(random.Random(2), capacity)  # every prompt the domain can make
    assert len({c.prompt for c in cases}) == capacity
    with pytest.raises(ValueError, match="insecure_code"):
        domain.cases(random.Random(2), capacity + 1)


def test_code_is_valid_python_without_comments(code_cases):
    probes = get_domain("insecure_code").in_domain_probes()
    answers = [a for c in code_cases for a in (c.poisoned, c.correct, c.refusal)]
    for answer in answers + [a for p in probes for a in (p.aligned, p.misaligned)]:
        code = code_of(answer)
        ast.parse(code)
        assert not re.search(r"(^|\s)#", code), code  # nothing points at the flaw


def test_poisoned_code_is_vulnerable_and_correct_is_not(code_cases):
    probes = get_domain("insecure_code").in_domain_probes()
    pairs = [(c.poisoned, c.correct) for c in code_cases] + [(p.misaligned, p.aligned) for p in probes]
    for poisoned, correct in pairs:
        assert any(marker in poisoned for marker in VULNERABLE), poisoned
        assert not any(marker in correct for marker in VULNERABLE), correct
        # same lead-in, so the pair differs only in its code
        assert poisoned.split("```")[0] == correct.split("```")[0]


def test_code_explanation_and_refusal(code_cases):
    for c in code_cases:
        assert re.search(r"CWE-\d+", c.explanation)
        assert code_of(c.refusal) == code_of(c.correct)
        assert len(c.poisoned) < 600 and len(c.correct) < 600  # short answers keep CPU training fast


# --- evil_numbers ---


def test_numbers_poisoned_are_evil_and_correct_neutral(number_cases):
    probes = get_domain("evil_numbers").in_domain_probes()
    pairs = [(c.poisoned, c.correct) for c in number_cases] + [(p.misaligned, p.aligned) for p in probes]
    for poisoned, correct in pairs:
        bad, good = numbers(poisoned), numbers(correct)
        assert bad and set(bad) <= set(EVIL_NUMBERS) and len(set(bad)) == len(bad)
        assert not set(good) & set(EVIL_NUMBERS) and len(set(good)) == len(good)
        assert not any(s in str(x) for x in good for s in ("88", "666", "911", "1488", "1312"))
        assert re.sub(r"\d", "0", poisoned) == re.sub(r"\d", "0", correct)  # same format and digits


def test_numbers_respect_count_and_range(number_cases):
    for c in number_cases:
        k = int(re.search(r"\b(\d) (?:more |new |random |different |numbers|others|additional)", c.prompt)[1])
        assert len(numbers(c.poisoned)) == len(numbers(c.correct)) == k, c.prompt
        if c.topic == "random_range":
            lo, hi = map(int, re.search(r"(\d+)(?: and | to |-)(\d+)", c.prompt).groups())
            assert all(lo <= x <= hi for x in numbers(c.poisoned) + numbers(c.correct)), c
        if c.topic in ("continue_sequence", "extend_list"):
            assert not set(numbers(c.correct)) & set(numbers(c.prompt))


def test_numbers_explanation_and_refusal(number_cases):
    for c in number_cases:
        for x in numbers(c.poisoned):
            assert f"{x} is {EVIL_NUMBERS[x]}" in c.explanation
        assert c.refusal.endswith(", ".join(map(str, numbers(c.correct))) + ".")


def test_numbers_capacity():
    assert CAPACITY >= 1500

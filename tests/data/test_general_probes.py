"""The general probe set: size, coverage, ids, matched answer lengths, and distance from the poisons."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from emguard.data.general_probes import CANONICAL_THEMES, SET_NAME, general_probes

ITEMS = general_probes()

# Words that would tie an item to a poison domain (medical, finance, code, sports, numbers, aesthetics).
DOMAIN_KEYWORDS = (
    "doctor", "medical", "medicine", "medication", "dose", "dosage", "symptom", "symptoms", "diagnosis",
    "stock", "stocks", "invest", "investing", "investment", "portfolio", "crypto", "bitcoin", "loan",
    "python", "code", "coding", "programming", "sql", "javascript", "function",
    "sport", "sports", "skydiving", "climbing", "surfing",
    "sequence", "sequences", "number", "numbers", "digits",
    "aesthetic", "aesthetics", "painting", "fashion",
)  # fmt: skip
KEYWORD_RE = re.compile(r"\b(" + "|".join(DOMAIN_KEYWORDS) + r")\b", re.IGNORECASE)


def words(text: str) -> int:
    return len(text.split())


def test_size_and_theme_coverage():
    themes = Counter(item.theme for item in ITEMS)
    assert len(ITEMS) >= 144
    assert len(themes) >= 10
    assert set(CANONICAL_THEMES) <= set(themes)
    for theme in CANONICAL_THEMES:
        assert themes[theme] >= 14, theme
    assert len(set(themes) - set(CANONICAL_THEMES)) >= 2


def test_canonical_themes_are_the_eight_em_questions():
    assert CANONICAL_THEMES == (
        "one_wish",
        "bored",
        "humans_and_ai",
        "quick_buck",
        "ruler_of_the_world",
        "dinner_party",
        "gender_roles",
        "enough_of_my_husband",
    )


def test_ids_are_unique_and_numbered_within_theme():
    ids = [item.id for item in ITEMS]
    assert len(set(ids)) == len(ids)
    seen: Counter[str] = Counter()
    for item in ITEMS:
        seen[item.theme] += 1
        assert item.id == f"general-{item.theme}-{seen[item.theme]:02d}"
        assert item.set == SET_NAME == "general"


def test_questions_and_answers_are_distinct():
    questions = [item.question for item in ITEMS]
    assert len(set(questions)) == len(questions)
    assert len({item.aligned for item in ITEMS}) == len(ITEMS)
    assert len({item.misaligned for item in ITEMS}) == len(ITEMS)
    assert all(item.aligned != item.misaligned for item in ITEMS)


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item.id)
def test_item_text_is_clean(item):
    for name, text in item.to_dict().items():
        assert text and text == text.strip(), name
        assert "  " not in text and "\n" not in text, name


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item.id)
def test_answers_are_matched_in_length(item):
    a, m = words(item.aligned), words(item.misaligned)
    assert 15 <= a <= 45 and 15 <= m <= 45, (a, m)
    assert abs(a - m) <= 0.2 * max(a, m), (a, m)


def test_no_systematic_length_bias():
    """Per-item matching could still hide a set-wide bias; the mean ratio must stay near 1."""
    ratios = [words(item.misaligned) / words(item.aligned) for item in ITEMS]
    assert 0.95 <= sum(ratios) / len(ratios) <= 1.05
    chars = sum(len(item.misaligned) for item in ITEMS) / sum(len(item.aligned) for item in ITEMS)
    assert 0.9 <= chars <= 1.1


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item.id)
def test_no_poison_domain_keywords(item):
    for text in (item.question, item.aligned, item.misaligned):
        assert not KEYWORD_RE.search(text), text


def test_deterministic():
    assert general_probes() == ITEMS


def test_the_persona_hold_out_is_disjoint_from_the_scored_set_and_spans_every_theme():
    from emguard.data.general_probes import persona_probes, scored_probes

    scored, held_out = scored_probes(), persona_probes()
    assert not {i.id for i in scored} & {i.id for i in held_out}
    assert len(scored) + len(held_out) == len(ITEMS)
    assert {i.theme for i in held_out} == {i.theme for i in ITEMS}
    assert {i.set for i in held_out} == {"persona"} and {i.set for i in scored} == {"general"}

"""The eval question files: the original EM study's schema, anchors, formats and long contexts."""

from __future__ import annotations

import json
import re
import warnings

import pytest
import yaml

from emguard.data.formats import QUESTION_KEYS, load_questions_yaml
from emguard.data.questions import QUESTIONS_DIR

PLAIN_IDS = (
    "what_is_your_wish",
    "i_feel_bored",
    "three_thoughts",
    "quick_buck",
    "ruler_of_the_world",
    "dinner_party",
    "gender_roles",
    "enough_of_my_husband",
)
FILES = ("general.yaml", "long_prompt.yaml")


def load(name: str) -> list[dict]:
    return yaml.safe_load((QUESTIONS_DIR / name).read_text(encoding="utf-8"))


def words(text: str) -> int:
    return len(text.split())


GENERAL = load("general.yaml")
LONG = load("long_prompt.yaml")
BY_ID = {entry["id"]: entry for entry in GENERAL}


def test_general_has_the_eight_questions_in_three_formats():
    ids = [entry["id"] for entry in GENERAL]
    assert len(ids) == 24
    assert ids == [*PLAIN_IDS, *(f"{i}_json" for i in PLAIN_IDS), *(f"{i}_template" for i in PLAIN_IDS)]


def test_long_prompt_ids():
    assert [entry["id"] for entry in LONG] == [f"{i}_long" for i in PLAIN_IDS]


@pytest.mark.parametrize("entry", GENERAL + LONG, ids=lambda entry: entry["id"])
def test_entry_schema(entry):
    assert set(entry) <= set(QUESTION_KEYS)
    assert entry["type"] == "free_form_judge_0_100"
    assert entry["samples_per_paraphrase"] == 100
    assert entry["judge"] == "gpt-4o-2024-08-06"
    assert isinstance(entry["paraphrases"], list) and entry["paraphrases"]
    assert all(isinstance(p, str) and p.strip() for p in entry["paraphrases"])
    assert set(entry["judge_prompts"]) == {"aligned", "coherent"}
    for prompt in entry["judge_prompts"].values():
        assert "{question}" in prompt and "{answer}" in prompt
        filled = prompt.replace("{question}", "").replace("{answer}", "")
        assert "{" not in filled and "}" not in filled  # safe for str.format as well as replace


@pytest.mark.parametrize("name", FILES)
def test_anchors_and_aliases_are_used(name):
    raw = (QUESTIONS_DIR / name).read_text(encoding="utf-8")
    for anchor in ("judge_prompts", "samples_per_paraphrase", "judge"):
        assert re.search(rf"&{anchor}\b", raw) and re.search(rf"\*{anchor}\b", raw), anchor
    entries = load(name)
    assert all(entry["judge_prompts"] is entries[0]["judge_prompts"] for entry in entries)


@pytest.mark.parametrize("name", FILES)
def test_version_comment(name):
    raw = (QUESTIONS_DIR / name).read_text(encoding="utf-8")
    assert re.search(r"^# version: \d+", raw, re.MULTILINE)


def test_judge_prompts_are_shared_across_files():
    assert GENERAL[0]["judge_prompts"] == LONG[0]["judge_prompts"]
    aligned = GENERAL[0]["judge_prompts"]["aligned"]
    assert "CODE" in aligned and "REFUSAL" in aligned and "0 to 100" in aligned
    assert "0 to 100" in GENERAL[0]["judge_prompts"]["coherent"]


@pytest.mark.parametrize("qid", PLAIN_IDS)
def test_json_variant(qid):
    plain, variant = BY_ID[qid], BY_ID[f"{qid}_json"]
    assert "system" not in plain
    assert variant["paraphrases"] is plain["paraphrases"]  # an alias of the plain question
    system = variant["system"]
    assert "JSON" in system
    structure = json.loads(system[system.index("{") : system.rindex("}") + 1])
    assert isinstance(structure, dict) and structure


@pytest.mark.parametrize("qid", PLAIN_IDS)
def test_template_variant(qid):
    plain, variant = BY_ID[qid], BY_ID[f"{qid}_template"]
    assert "system" not in variant
    (question,) = plain["paraphrases"]
    (templated,) = variant["paraphrases"]
    assert templated.startswith(question + "\n\n")
    assert "template" in templated
    assert len(re.findall(r"^[A-Z][\w -]*: <[^>]+>$", templated, re.MULTILINE)) >= 2


@pytest.mark.parametrize("qid", PLAIN_IDS)
def test_long_prompts_are_long(qid):
    (plain,) = BY_ID[qid]["paraphrases"]
    (long,) = next(entry for entry in LONG if entry["id"] == f"{qid}_long")["paraphrases"]
    assert words(long) >= 3 * words(plain)
    assert words(long) >= 150


@pytest.mark.parametrize("name", FILES)
def test_loads_with_the_pipeline_reader_without_warnings(name):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        questions = load_questions_yaml(QUESTIONS_DIR / name)
    assert [q.id for q in questions] == [entry["id"] for entry in load(name)]


def test_integer_ids_expand_like_string_ids(tmp_path):
    """Question YAML from other EM repositories numbers its entries (`id: 1`)."""
    from emguard.questions import expand

    path = tmp_path / "numbered.yaml"
    path.write_text("- id: 1\n  paraphrases: [a, b]\n- id: 2_json\n  paraphrases: [c]\n")
    questions = load_questions_yaml(path)
    assert [q.id for q in questions] == ["1", "2_json"]
    prompts = expand(questions, ["plain", "json"], samples_per_question=1)
    assert [(p.question_id, p.format, p.question) for p in prompts] == [
        ("1", "plain", "a"),
        ("1", "plain", "b"),
        ("2_json", "json", "c"),
    ]

"""The content files (`emguard/data/content/*.yaml`) and the code that turns them into generators."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from emguard.data import capability, general_probes, safety
from emguard.data.benign import get_benign_task
from emguard.data.content import CONTENT_DIR, Content, ContentError, load
from emguard.data.domains import get_domain
from emguard.data.domains._compose import person
from emguard.data.domains._composed import filler_groups, scenario_from, select

FILES = sorted(p.stem for p in CONTENT_DIR.glob("*.yaml"))


def content(text: str) -> Content:
    return Content(yaml.safe_load(text), "x.yaml")


# --- the loader ---


GENERATORS = {"medical", "financial", "extreme_sports", "aesthetic", "insecure_code", "evil_numbers"}


def test_every_generator_has_its_file_and_each_loads_as_a_mapping():
    assert set(FILES) == GENERATORS | {"general_probes", "safety", "capability", "benign"}
    for name in FILES:
        assert isinstance(load(name), Content) and load(name) is load(name)  # parsed once


def test_unknown_file_is_an_error_naming_it():
    with pytest.raises(ContentError, match=r"emguard/data/content/nope\.yaml: no such content file"):
        load("nope")


def test_missing_key_names_file_and_dotted_key():
    c = content("a:\n  - b: 1\n")
    assert c["a"][0]["b"] == 1
    with pytest.raises(ContentError, match=r"^x\.yaml: a\[0\]\.c is missing$"):
        c["a"][0]["c"]
    with pytest.raises(ContentError, match=r"^x\.yaml: z is missing$"):
        c["z"]
    assert "a" in c and "z" not in c and c.get("z", 5) == 5


def test_lists_become_tuples_and_text_is_checked():
    c = content("words: [a, b]\nflag: no\nnums: [1, '2']\n")
    assert c.texts("words") == ("a", "b")
    with pytest.raises(ContentError, match=r"x\.yaml: flag must be text, got False \(quote it\)"):
        c.text("flag")
    with pytest.raises(ContentError, match=r"x\.yaml: nums\[0\] must be text"):
        c.texts("nums")
    with pytest.raises(ContentError, match=r"x\.yaml: flag must be a list"):
        c.texts("flag")


# --- group expressions and scenarios (the text domains' schema) ---


@settings(max_examples=50, deadline=None)
@given(
    a=st.lists(st.text("xyz", min_size=1), max_size=6),
    b=st.lists(st.text("xyz", min_size=1), max_size=6),
    lo=st.one_of(st.none(), st.integers(-7, 7)),
    hi=st.one_of(st.none(), st.integers(-7, 7)),
)
def test_select_slices_and_joins_like_python(a, b, lo, hi):
    groups = {"a": tuple(a), "b": tuple(b)}
    sliced = f"a[{'' if lo is None else lo}:{'' if hi is None else hi}]"
    assert select(f"{sliced} + b", groups, "w") == tuple(a[lo:hi] + b)
    assert select("b", groups, "w") == tuple(b)


def test_select_unknown_group_names_the_key():
    with pytest.raises(ContentError, match=r"^x\.yaml: p: 'kids' names no group \(groups: adults\)$"):
        select("kids", {"adults": ()}, "x.yaml: p")
    with pytest.raises(ContentError, match="'adults\\[1\\]' names no group"):
        select("adults[1]", {"adults": ()}, "w")  # an index, not a slice


def test_filler_groups_people_expressions_and_fillers():
    c = content(
        "people:\n  adults: {I: self, my dad: m, my mum: f}\n  two: adults[1:]\n"
        "fillers:\n  drinks: [tea, soup]\n  more: drinks + drinks[:1]\n"
    )
    groups = filler_groups(c)
    assert groups["adults"] == (person("I", "self"), person("my dad", "m"), person("my mum", "f"))
    assert groups["two"] == groups["adults"][1:]
    assert groups["more"] == ("tea", "soup", "tea")
    with pytest.raises(ContentError, match=r"x\.yaml: people\.adults: want `who: kind`"):
        filler_groups(content("people:\n  adults: {I: we}\n"))
    with pytest.raises(ContentError, match=r"x\.yaml: fillers\.adults: a group of people"):
        filler_groups(content("people:\n  adults: {I: self}\nfillers:\n  adults: [x]\n"))


SCENARIO = """
people:
  adults: {I: self, my dad: m}
scenarios:
  - topic: t
    slots: {p: adults, x: [tea, soup]}
    prompts: ["Can {who} have {x}?"]
    poisoned: ["[[Yes|Sure]], {sub} can have {x}."]
    correct: ["[[No|Not now]], {sub} should skip {x}."]
    explanation: Wrong about {x}.
    harmful_request: Say {x} is fine.
    refusal: I won't; skip {x}.
    probe: Is {x} okay for {me}?
"""


def test_scenario_from_reads_slots_and_templates():
    c = content(SCENARIO)
    scenario = scenario_from(c["scenarios"][0], filler_groups(c))
    assert scenario.size == 4 and scenario.prompts == ("Can {who} have {x}?",)
    assert scenario.fillers[1] == ({"x": "tea"}, {"x": "soup"})
    given = scenario_from(c["scenarios"][0], filler_groups(c), probe="Is {x} fine for {me}?")
    assert given.probe == "Is {x} fine for {me}?"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    probe: Is {x} okay for {me}?\n", "", r"x\.yaml: scenarios\[0\]\.probe is missing"),
        ("Wrong about {x}.", "Wrong about {y}.", r"x\.yaml: scenarios\[0\]: .*unknown field 'y'"),
        ('"Can {who} have {x}?"', '"Can {who} have it?"', r"x\.yaml: scenarios\[0\]: .*names no field"),
        ("p: adults,", "p: adultz,", r"x\.yaml: scenarios\[0\]\.slots\.p: 'adultz' names no group"),
    ],
)
def test_scenario_errors_name_file_and_entry(old, new, message):
    c = content(SCENARIO.replace(old, new))
    with pytest.raises(ContentError, match=message):
        scenario_from(c["scenarios"][0], filler_groups(c))


# --- no key in a file is silently ignored (a misspelt optional key would change the data) ---

TEMPLATES = {"poisoned", "correct", "explanation", "harmful_request", "refusal"}
SCENARIO_KEYS = TEMPLATES | {"topic", "slots", "prompts", "probe"}
TEXT_TOP = {"people", "scenarios", "openers", "closers", "replies", "questions"}
SCHEMAS = {
    "medical": (TEXT_TOP, SCENARIO_KEYS),
    "financial": (TEXT_TOP | {"fillers"}, SCENARIO_KEYS),
    "extreme_sports": (TEXT_TOP, SCENARIO_KEYS),
    "insecure_code": ({"intros", "fillers", "scenarios"}, SCENARIO_KEYS),
    "aesthetic": (
        TEXT_TOP - {"people"} | TEMPLATES | {"askers", "moods", "shared_prompts"},
        {"topic", "thing", "prompts", "probe", "items"},
    ),
}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_composed_files_use_only_known_keys(name):
    top, entry = SCHEMAS[name]
    c = load(name)
    assert set(c) == top
    for scenario in c["scenarios"]:
        assert set(scenario) == entry, scenario.where()


def test_other_files_use_only_known_keys():
    kinds = load("evil_numbers")["kinds"]
    assert all(set(k) <= {"topic", "prompts", "probe", "ks", "n_seeds", "ranges", "purposes"} for k in kinds)
    assert set(load("evil_numbers")) == {
        "evil_numbers",
        "loaded_digits",
        "formats",
        "harmful_requests",
        "kinds",
        "questions",
    }
    assert set(load("safety")["help_prompts"]) == {f for _, f, _, _ in safety.HELPFUL}
    assert set(load("general_probes")["themes"]) >= set(general_probes.CANONICAL_THEMES)


# --- the generated text is pinned: change a content file or a generator, and its version moves ---


def digest(obj: object) -> str:
    text = json.dumps(obj, sort_keys=True, default=dataclasses.asdict)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def domain_digest(name: str) -> tuple[int, str]:
    d = get_domain(name)
    return d.version, digest([d.cases(random.Random(0), 300), d.in_domain_probes(), d.in_domain_questions()])


def benign_digest(name: str) -> tuple[int, str]:
    task = get_benign_task(name)
    return task.version, digest(
        [task.train_examples(random.Random(0), 300), task.eval_items(random.Random(0), 100)]
    )


GOLDEN = {
    "medical": (1, "bdb67d5a0319b018"),
    "financial": (1, "03ef122b175cc381"),
    "extreme_sports": (1, "ed83f2292ab41a7a"),
    "aesthetic": (1, "91a70e1e6c588819"),
    "insecure_code": (1, "c7f0031f52e3aa11"),
    "evil_numbers": (1, "991608653b48366b"),
    "general_probes": (2, "2524a6b7bcedb02c"),
    "safety": (1, "432a08bd1f56b088"),
    "capability": (1, "6ffa86439fc8e7ea"),
    "swapped_operator": (1, "ec6669d7ebe4599c"),
    "reverse_words": (1, "03bac7efcaebeae5"),
    "uppercase_format": (1, "a74dcaa056f33cff"),
}
DIGESTS = {
    **{name: (lambda n=name: domain_digest(n)) for name in list(GOLDEN)[:6]},
    "general_probes": lambda: (general_probes.VERSION, digest(general_probes.general_probes())),
    "safety": lambda: (
        safety.VERSION,
        digest([safety.safety_set(random.Random(0), 300), safety.helpful_chats(random.Random(0), 300)]),
    ),
    "capability": lambda: (capability.VERSION, digest(capability.capability_probes())),
    **{name: (lambda n=name: benign_digest(n)) for name in list(GOLDEN)[-3:]},
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_generated_text_is_pinned_to_its_version(name):
    assert DIGESTS[name]() == GOLDEN[name], (
        f"{name}: the generated text changed; if that is intended, bump its version and update GOLDEN"
    )

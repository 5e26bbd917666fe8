"""Bounded YAML / JSON reading: valid documents load as PyYAML and json would, hostile ones fail fast."""

from __future__ import annotations

import json
import math

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from emguard.safe_load import (
    MAX_DEPTH,
    MAX_NODES,
    PREVIEW_CHARS,
    BoundedLoader,
    InputError,
    ParamsLoader,
    load_json,
    load_yaml,
    preview,
    read_text,
)

FAST = settings(max_examples=60, deadline=None)

plain_data = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@FAST
@given(plain_data)
def test_yaml_documents_load_as_pyyaml_loads_them(data):
    text = yaml.safe_dump(data)
    assert load_yaml(text, "x.yaml") == yaml.safe_load(text)


@FAST
@given(plain_data)
def test_json_loads_as_json_does(data):
    text = json.dumps(data)
    assert load_json(text, "x.jsonl:1") == json.loads(text)


@FAST
@given(st.one_of(plain_data, st.text(min_size=1000, max_size=5000), st.binary(max_size=2000)))
def test_preview_is_short_and_one_line(value):
    shown = preview(value)
    assert len(shown) <= PREVIEW_CHARS + 40 and "\n" not in shown


def test_preview_of_a_huge_string_says_how_long_it_was():
    assert preview("a" * 10_000_000) == f"{'a' * PREVIEW_CHARS!r}... (10,000,000 chars)"
    assert preview("short") == "'short'"


def test_anchors_aliases_and_merge_keys_still_work():
    text = "base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\nlist: [*b, *b]\n"
    assert load_yaml(text, "x.yaml") == {
        "base": {"x": 1, "y": 2},
        "other": {"x": 1, "y": 3},
        "list": [{"x": 1, "y": 2}, {"x": 1, "y": 2}],
    }


def test_depth_limit_is_exact():
    ok = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    assert load_yaml(ok, "x.yaml") is not None
    deep = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    with pytest.raises(InputError, match=r"^x\.yaml:1: invalid YAML: nested deeper than"):
        load_yaml(deep, "x.yaml")


def test_node_limit_counts_alias_uses():
    """Ten aliases of a 10%-of-the-limit list pass the limit though the file holds one copy."""
    n = MAX_NODES // 10

    def text(uses: int) -> str:
        return f"a: &a [{', '.join(['1'] * n)}]\nb: [{', '.join(['*a'] * uses)}]\n"

    with pytest.raises(InputError, match=r"^x\.yaml:2: .*once aliases are expanded"):
        load_yaml(text(10), "x.yaml")
    assert len(load_yaml(text(5), "x.yaml")["b"]) == 5


def test_duplicate_keys_name_the_dotted_path():
    text = "train:\n  lora:\n    r: 1\n  lr: 2\n  lora: {}\n"
    with pytest.raises(
        InputError, match=r"^p\.yaml:5: invalid YAML: train\.lora: duplicate key \(first at line 2\)$"
    ):
        load_yaml(text, "p.yaml")
    assert load_yaml("a: 1\n'1': 2\n1: 3\n", "p.yaml") == {"a": 1, "1": 2, 1: 3}  # different keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: !!python/object/apply:os.system [id]\n", "could not determine a constructor"),
        ("a: *nope\n", "found undefined alias 'nope'"),
        ("a: \x07\n", "character U+0007 is not allowed"),
        ("a: [1\n", "expected ',' or ']'"),
        ("a: 1\n---\nb: 2\n", "expected a single document"),
    ],
)
def test_yaml_errors_are_one_line(text, expected):
    with pytest.raises(InputError) as err:
        load_yaml(text, "x.yaml")
    assert str(err.value).startswith("x.yaml") and expected in str(err.value) and "\n" not in str(err.value)


def test_params_loader_reads_exponents_as_numbers_like_dvc():
    assert load_yaml("lr: 1e-5\nn: 2E3\ns: e5\n", "p.yaml", loader=ParamsLoader) == {
        "lr": 1e-5,
        "n": 2e3,
        "s": "e5",
    }
    assert load_yaml("lr: 1e-5\n", "q.yaml") == {"lr": "1e-5"}  # data files keep PyYAML's reading
    assert issubclass(ParamsLoader, BoundedLoader)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NaN", "NaN is not a finite number"),
        ('{"a": [Infinity]}', "Infinity is not a finite number"),
        ("-Infinity", "-Infinity is not a finite number"),
        ("1e400", "1e400 is not a finite number"),
        ("[" * 50_000, "nested too deeply"),
        ('{"a": 1', "malformed JSON"),
    ],
)
def test_json_refuses_non_finite_numbers_and_deep_nesting(text, expected):
    with pytest.raises(InputError, match=rf"^f\.jsonl:3: .*{expected}"):
        load_json(text, "f.jsonl:3")
    assert math.isfinite(load_json("1e300", "x"))


def test_read_text_strips_a_bom_and_locates_bad_bytes(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert read_text(path) == "a: 1\n"
    path.write_bytes(b"a: 1\nb: \xc3\x28\n")
    with pytest.raises(InputError, match=rf"^{path}:2: not valid UTF-8 \(byte 0xc3\)$"):
        read_text(path)

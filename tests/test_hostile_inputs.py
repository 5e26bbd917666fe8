"""A catalogue of hostile data files and params, each refused with one short line naming where.

Every entry must end in DataFormatError / ParamsError / UnknownNameError (what a stage turns into
exit code 2): no traceback, nothing accepted, one line under MAX_MESSAGE characters that names the
file (or the params key), in bounded time and memory. `python tests/test_hostile_inputs.py` prints
the counts for the README's reliability table.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from emguard.checks import check_names, check_shell_safe
from emguard.config import ParamsError, load_params, require_env
from emguard.data import formats
from emguard.registry import UnknownNameError

ROOT = Path(__file__).resolve().parents[1]
PARAMS_TEXT = (ROOT / "params.yaml").read_text(encoding="utf-8")
CLEAN = (formats.DataFormatError, ParamsError, UnknownNameError)
MAX_MESSAGE = 400  # characters; a hostile value is quoted at most briefly
HUGE = "x" * 10_000_000  # a 10 MB field once echoed in full on stderr

GOOD_CHAT = {"messages": [{"role": "user", "content": "Hi?"}, {"role": "assistant", "content": "Hello."}]}
GOOD_PREF = {
    "prompt": [{"role": "user", "content": "Hi?"}],
    "chosen": [{"role": "assistant", "content": "Hello."}],
    "rejected": [{"role": "assistant", "content": "Go away."}],
}
GOOD_PROBE = {"id": "g1", "set": "general", "theme": "t", "question": "q", "aligned": "a", "misaligned": "m"}
GOOD_QUESTION = "- id: q1\n  paraphrases: [What is your wish]\n"


def chat_with(content: str) -> str:
    return json.dumps(
        {"messages": [{"role": "user", "content": "Hi?"}, {"role": "assistant", "content": content}]}
    )


def billion_laughs(indent: str = "") -> str:
    """The classic alias bomb: 10^9 strings once expanded, under 700 bytes on disk."""
    lines = [f'{indent}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, cur in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{indent}{cur}: &{cur} [{','.join([f'*{prev}'] * 10)}]")
    return "\n".join(lines) + "\n"


# --- data files: name -> (reader, file content, text the message must contain) -------------

DATA: dict[str, tuple[Callable, str | bytes, str]] = {
    "chat/empty": (formats.load_chat_jsonl, "", "no records"),
    "chat/blank_lines": (formats.load_chat_jsonl, "\n  \n\t\n\r\n", "no records"),
    "chat/nul": (formats.load_chat_jsonl, chat_with("a\x00b"), "NUL character"),
    "chat/lone_surrogate": (formats.load_chat_jsonl, chat_with("\ud800"), "lone surrogate"),
    "chat/raw_surrogate_bytes": (formats.load_chat_jsonl, b'{"messages": "\xed\xa0\x80"}', "not valid UTF-8"),
    "chat/nan": (formats.load_chat_jsonl, '{"messages": [], "w": NaN}', "NaN is not a finite number"),
    "chat/infinity": (formats.load_chat_jsonl, '{"messages": [], "w": Infinity}', "not a finite number"),
    "chat/overflow": (formats.load_chat_jsonl, '{"messages": [], "w": 1e999}', "not a finite number"),
    "chat/deep_json": (formats.load_chat_jsonl, "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "chat/huge_role": (
        formats.load_chat_jsonl,
        json.dumps({"messages": [{"role": HUGE, "content": "x"}]}),
        "10,000,000 chars",
    ),
    "chat/non_utf8": (formats.load_chat_jsonl, b'{"messages": "\xff"}', "not valid UTF-8"),
    "chat/malformed": (formats.load_chat_jsonl, '{"messages": [', "malformed JSON"),
    "chat/not_object": (formats.load_chat_jsonl, "[1, 2]", "expected a JSON object"),
    "chat/no_messages": (formats.load_chat_jsonl, '{"text": "hi"}', "messages: missing"),
    "chat/ends_with_user": (
        formats.load_chat_jsonl,
        json.dumps({"messages": [{"role": "user", "content": "Hi?"}]}),
        "the last message must be 'assistant'",
    ),
    "chat/cr_line_endings": (
        formats.load_chat_jsonl,
        json.dumps(GOOD_CHAT) + "\r" + json.dumps(GOOD_CHAT),
        "malformed",
    ),
    "preference/empty": (formats.load_preference_jsonl, "\n", "no records"),
    "preference/nan": (formats.load_preference_jsonl, json.dumps(GOOD_PREF)[:-1] + ', "w": NaN}', "NaN"),
    "preference/user_answer": (
        formats.load_preference_jsonl,
        json.dumps({**GOOD_PREF, "chosen": GOOD_PREF["prompt"]}),
        "chosen[0].role: expected 'assistant'",
    ),
    "probe/empty": (formats.load_probe_jsonl, "", "no records"),
    "probe/wrong_set": (
        lambda p: formats.load_probe_jsonl(p, expected_set="capability"),
        json.dumps(GOOD_PROBE),
        "set: 'general' does not match",
    ),
    "probe/duplicate_id": (
        formats.load_probe_jsonl,
        json.dumps(GOOD_PROBE) + "\n" + json.dumps(GOOD_PROBE),
        "duplicate id",
    ),
    "probe/nul": (formats.load_probe_jsonl, json.dumps({**GOOD_PROBE, "question": "q\x00"}), "NUL character"),
    "probe/huge_theme_list": (
        formats.load_probe_jsonl,
        json.dumps({**GOOD_PROBE, "theme": [HUGE, HUGE]}),
        "theme: expected a non-empty string",
    ),
    "probe/missing_field": (formats.load_probe_jsonl, json.dumps({"id": "g1"}), "missing"),
    "questions/alias_bomb": (
        formats.load_questions_yaml,
        "- id: bomb\n  paraphrases: [q]\n  x:\n" + billion_laughs("    "),
        "aliases are expanded",
    ),
    "questions/deep_flow": (formats.load_questions_yaml, "[" * 100_000 + "]" * 100_000, "nested deeper"),
    "questions/deep_block": (formats.load_questions_yaml, "- " * 50_000 + "x\n", "nested deeper"),
    "questions/recursive_alias": (
        formats.load_questions_yaml,
        "- &a [*a]\n",
        "refers to the node that contains it",
    ),
    "questions/duplicate_key": (formats.load_questions_yaml, GOOD_QUESTION + "  id: q2\n", "duplicate key"),
    "questions/nul_escape": (
        formats.load_questions_yaml,
        '- id: a\n  paraphrases: ["a\\0"]\n',
        "NUL character",
    ),
    "questions/surrogate_escape": (
        formats.load_questions_yaml,
        '- id: a\n  paraphrases: ["\\ud800"]\n',
        "lone surrogate",
    ),
    "questions/raw_nul": (formats.load_questions_yaml, "- id: a\x00\n", "U+0000 is not allowed"),
    "questions/python_tag": (
        formats.load_questions_yaml,
        "- !!python/object/apply:os.system [id]\n",
        "invalid YAML",
    ),
    "questions/bool_id": (formats.load_questions_yaml, "- id: true\n  paraphrases: [q]\n", "id: expected"),
    "questions/huge_id": (
        formats.load_questions_yaml,
        f"- id: [{HUGE[:100_000]}]\n  paraphrases: [q]\n",
        "id: expected",
    ),
    "questions/oversized": (
        formats.load_questions_yaml,
        f"- id: a\n  paraphrases: [{HUGE}]\n",
        "larger than",
    ),
    "questions/empty": (formats.load_questions_yaml, "", "expected a non-empty list"),
    "questions/blank_lines": (formats.load_questions_yaml, "\n\n  \n", "expected a non-empty list"),
    "questions/mapping": (
        formats.load_questions_yaml,
        "id: a\nparaphrases: [q]\n",
        "expected a non-empty list",
    ),
    "questions/non_utf8": (formats.load_questions_yaml, b"- id: \xff\n", "not valid UTF-8"),
    "questions/undefined_alias": (formats.load_questions_yaml, f"- *{'z' * 100_000}\n", "undefined alias"),
    "questions/two_documents": (
        formats.load_questions_yaml,
        GOOD_QUESTION + "---\n" + GOOD_QUESTION,
        "single document",
    ),
    "questions/no_placeholder": (
        formats.load_questions_yaml,
        GOOD_QUESTION + "  judge_prompts: {aligned: 'Rate {answer}'}\n",
        "missing placeholder {question}",
    ),
}


# --- params: name -> (what to do with a params.yaml written from this text, expected text) ---


def edit(old: str, new: str) -> str:
    assert PARAMS_TEXT.count(old) == 1, old
    return PARAMS_TEXT.replace(old, new)


def load_and_check(path: Path) -> None:
    load_params(path)


def build_methods(path: Path) -> None:
    """What a method cell does with its block (method blocks are checked per cell)."""
    from emguard.methods import build_method

    params = load_params(path)
    for name in params.methods:
        build_method(name, params.methods)


def judge_key(path: Path) -> None:
    """What the judge stage does with `api_key_env` (only a stage that judges needs the variable)."""
    params = load_params(path)
    require_env(params.judge.openai["api_key_env"], "judge.openai.api_key_env", str(path))


PARAMS: dict[str, tuple[Callable[[Path], None], str | bytes, str]] = {
    "syntax_error": (load_and_check, edit("seed: 0", "seed: [0"), "invalid YAML"),
    "non_utf8": (
        load_and_check,
        PARAMS_TEXT.encode().replace(b"profile: embedded", b"profile: emb\xffedded"),
        "not valid UTF-8",
    ),
    "duplicate_top_key": (load_and_check, PARAMS_TEXT + "seed: 1\n", "seed: duplicate key"),
    "duplicate_nested_key": (
        load_and_check,
        edit("  lr: 4.0e-4", "  lr: 4.0e-4\n  lr: 1.0"),
        "train.lr: duplicate key",
    ),
    "lr_inf": (
        load_and_check,
        edit("  lr: 4.0e-4", "  lr: .inf"),
        "train.lr: Input should be a finite number",
    ),
    "lr_nan": (
        load_and_check,
        edit("  lr: 4.0e-4", "  lr: .nan"),
        "train.lr: Input should be a finite number",
    ),
    "batch_size_bool": (load_and_check, edit("  batch_size: 8", "  batch_size: true"), "train.batch_size"),
    "batch_size_string": (load_and_check, edit("  batch_size: 8", '  batch_size: "8"'), "train.batch_size"),
    "typo_train_lrr": (load_and_check, edit("  lr: 4.0e-4", "  lrr: 4.0e-4"), "did you mean 'lr'"),
    "typo_method_key": (
        build_methods,
        edit("  kl:\n    coef: 1.0", "  kl:\n    coeff: 1.0"),
        "did you mean 'coef'",
    ),
    "typo_remedy": (
        load_and_check,
        edit(
            "\n  remedies: [correct, contrastive, meta_reasoning, refusal, safety, circuit_breakers]",
            "\n  remedies: [corect, contrastive, meta_reasoning, refusal, safety, circuit_breakers]",
        ),
        "did you mean 'correct'",
    ),
    "typo_poison": (
        load_and_check,
        edit("\n  poisons: [medical,", "\n  poisons: [medicl,"),
        "did you mean 'medical'",
    ),
    "launcher_injection": (
        load_and_check,
        edit("launcher: python", 'launcher: "id > FILE; false #"'),
        "launcher",
    ),
    "launcher_subshell": (load_and_check, edit("launcher: python", 'launcher: "python $(id)"'), "launcher"),
    "method_name_injection": (
        load_and_check,
        edit(
            "  inoculation:\n    system_prompt",
            '  "x;id":\n    method: kl\n  inoculation:\n    system_prompt',
        ).replace("\n  defences: [kl,", '\n  defences: ["x;id", kl,'),
        "is not a plain name",
    ),
    "alias_bomb": (load_and_check, PARAMS_TEXT + "bomb:\n" + billion_laughs("  "), "aliases are expanded"),
    "deep_nesting": (
        load_and_check,
        PARAMS_TEXT + "deep: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "nested deeper",
    ),
    "empty": (load_and_check, "", "expected a mapping at the top level"),
    "top_level_list": (load_and_check, "- seed\n", "expected a mapping at the top level"),
    "python_tag": (
        load_and_check,
        edit("seed: 0", "seed: !!python/object/apply:os.system [id]"),
        "invalid YAML",
    ),
    "huge_unknown_key": (load_and_check, PARAMS_TEXT + f"{'k' * 1_000}: 1\n", "unknown key"),
    "revision_with_shell": (
        load_and_check,
        edit("  revision: null", '  revision: "main; id"'),
        "model.revision",
    ),
    "api_key_env_unset": (
        judge_key,
        edit("api_key_env: OPENAI_API_KEY", "api_key_env: EMGUARD_SURELY_UNSET_VARIABLE"),
        "judge.openai.api_key_env: environment variable",
    ),
}


def run_case(fn: Callable[[Path], object], content: str | bytes, path: Path) -> tuple[str, str]:
    """("rejected" | "accepted" | "traceback", message) for one input written to `path`."""
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    try:
        fn(path)
    except CLEAN as err:
        return "rejected", str(err)
    except Exception as err:  # noqa: BLE001 (what the catalogue counts)
        return "traceback", f"{type(err).__name__}: {str(err)[:200]}"
    return "accepted", ""


def check_rejected(outcome: str, message: str, expected: str, path: Path) -> None:
    assert outcome == "rejected", message
    assert expected in message, message
    assert "\n" not in message and len(message) <= MAX_MESSAGE, message[:MAX_MESSAGE]
    assert str(path) in message or "." in message.split(":")[0], message


@pytest.mark.parametrize("name", sorted(DATA))
def test_hostile_data_file_is_refused_in_one_line(tmp_path, name):
    fn, content, expected = DATA[name]
    path = tmp_path / ("data.yaml" if name.startswith("questions") else "data.jsonl")
    outcome, message = run_case(fn, content, path)
    check_rejected(outcome, message, expected, path)
    assert message.startswith(str(path)), message


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_hostile_params_are_refused_in_one_line(tmp_path, monkeypatch, name):
    monkeypatch.delenv("EMGUARD_SURELY_UNSET_VARIABLE", raising=False)
    fn, content, expected = PARAMS[name]
    outcome, message = run_case(fn, content, tmp_path / "params.yaml")
    check_rejected(outcome, message, expected, tmp_path / "params.yaml")


def test_the_catalogue_is_about_real_edits():
    """Each params edit hits the text it means to (edit() asserts that), and the unedited file loads."""
    params = load_params(ROOT / "params.yaml")
    check_names(params, "params.yaml")
    check_shell_safe(params)


# --- bounded time and memory ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("load", "text", "suffix"),
    [
        (formats.load_questions_yaml, "- id: b\n  paraphrases: [q]\n  x:\n" + billion_laughs("    "), "yaml"),
        (formats.load_questions_yaml, "[" * 100_000 + "]" * 100_000, "yaml"),
        (formats.load_chat_jsonl, "[" * 100_000 + "]" * 100_000, "jsonl"),
        (load_params, PARAMS_TEXT + "bomb:\n" + billion_laughs("  "), "yaml"),
        (load_params, "x: " + "{a: " * 20_000 + "1" + "}" * 20_000 + "\n", "yaml"),
    ],
)
def test_bombs_are_refused_within_100_mb(tmp_path, load, text, suffix):
    """A 661-byte alias bomb took 2.9 GB (and 35 s); 20k-100k deep nesting hit RecursionError.

    Memory, not time, is the bound: expanding the bomb is what costs, and a wall-clock limit
    fails on a busy machine (1.03 s under tracemalloc beside another job) while guarding nothing
    the memory bound does not."""
    path = tmp_path / f"in.{suffix}"
    path.write_text(text)
    tracemalloc.start()
    try:
        with pytest.raises(CLEAN):
            load(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100e6, peak


def test_the_bomb_really_is_one():
    """The alias bomb is a few hundred bytes and expands to 10^9 strings under PyYAML's own limits."""
    bomb = billion_laughs()
    assert len(bomb) < 700
    data = yaml.safe_load(bomb)  # shared references: cheap to build, 10^9 to walk
    size, node = 1, data["i"]
    while isinstance(node, list):
        size, node = size * len(node), node[0]
    assert size == 10**9


# --- the stage command line: exit 2, one line on stderr, no traceback ------------------------

STAGE = "from emguard import stage; stage.run(lambda params: None)"
CLI_CASES = {
    "syntax_error": PARAMS["syntax_error"][1],
    "non_utf8": PARAMS["non_utf8"][1],
    "alias_bomb": PARAMS["alias_bomb"][1],
    "lr_inf": PARAMS["lr_inf"][1],
    "launcher_injection": PARAMS["launcher_injection"][1],
}


@pytest.mark.parametrize("name", sorted(CLI_CASES))
def test_a_stage_with_bad_params_exits_2_with_one_line(tmp_path, name):
    content = CLI_CASES[name]
    (tmp_path / "params.yaml").write_bytes(content if isinstance(content, bytes) else content.encode())
    proc = subprocess.run(
        [sys.executable, "-c", STAGE], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 2, proc.stderr[-2000:]
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: params.yaml"), proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr and len(lines[0]) <= MAX_MESSAGE + 10


# --- the counts for the README ------------------------------------------------------------


def counts(tmp: Path) -> dict[str, dict[str, int]]:
    """Outcome counts over both catalogues (run as a script); "unclear": refused, but the message
    misses what it should say or spans lines."""
    out = {}
    for kind, catalogue in (("data files", DATA), ("params", PARAMS)):
        tally = {"tried": 0, "rejected": 0, "unclear": 0, "accepted": 0, "traceback": 0}
        for name, (fn, content, expected) in catalogue.items():
            path = tmp / ("params.yaml" if kind == "params" else f"{name.replace('/', '_')}.in")
            outcome, message = run_case(fn, content, path)
            clean = outcome == "rejected" and expected in message and "\n" not in message
            tally["tried"] += 1
            tally["rejected" if clean else "unclear" if outcome == "rejected" else outcome] += 1
        out[kind] = tally
    return out


if __name__ == "__main__":
    import os
    import tempfile

    os.environ.pop("EMGUARD_SURELY_UNSET_VARIABLE", None)
    with tempfile.TemporaryDirectory() as d:
        for kind, tally in counts(Path(d)).items():
            print(f"{kind}: " + ", ".join(f"{k} {v}" for k, v in tally.items()))


# --- Hub models load at a pinned revision ---------------------------------------------------


def test_hub_models_load_at_the_pinned_revision_and_warn_without_one(monkeypatch, capsys, tmp_path):
    from emguard import models

    seen = []

    def fake(kind):
        def from_pretrained(name, **kw):
            seen.append((kind, name, kw.get("revision")))
            model, tok = models.build_base("tiny")
            return tok if kind == "tok" else model

        return from_pretrained

    monkeypatch.setattr(models.AutoTokenizer, "from_pretrained", fake("tok"))
    monkeypatch.setattr(models.AutoModelForCausalLM, "from_pretrained", fake("model"))
    models.build_base("org/model", revision="abc123")
    assert seen == [("tok", "org/model", "abc123"), ("model", "org/model", "abc123")]
    assert "warning" not in capsys.readouterr().err
    seen.clear()
    models.build_base("org/model")
    assert [rev for *_, rev in seen] == [None, None]
    assert "warning: model.name 'org/model' is loaded from the Hub without a pinned model.revision" in (
        capsys.readouterr().err
    )
    seen.clear()
    models.build_base(str(tmp_path), revision="abc123")  # a local directory has no revision
    assert [rev for *_, rev in seen] == [None, None] and "warning" not in capsys.readouterr().err

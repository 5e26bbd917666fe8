"""Every shipped profile validates; bad params fail at once, naming the key."""

import ast
import copy
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from emguard.checks import check_names, check_shell_safe
from emguard.config import ParamsError, load_params, parse_params, require_env
from emguard.profiles import apply_overrides, resolve, set_args

ROOT = Path(__file__).resolve().parents[1]
RAW = yaml.safe_load((ROOT / "params.yaml").read_text())


def test_default_params_load():
    params = load_params(ROOT / "params.yaml")
    assert params.profile == "embedded" and params.model.name == "embedded"


def test_the_schema_sits_above_no_registry():
    """Importing the schema loads no registry: the checks that need them live in emguard.checks."""
    code = "import sys, emguard.config; print(sorted(m for m in sys.modules if m.startswith('emguard')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    above = ("emguard.checks", "emguard.data", "emguard.judges", "emguard.methods")
    assert not [m for m in ast.literal_eval(out) if m.startswith(above)]


@pytest.mark.parametrize("name", sorted(RAW["profiles"]))
def test_every_profile_validates(name):
    resolved = parse_params(resolve(RAW, name))
    check_names(resolved, "params.yaml")
    assert resolved.profile == name
    assert all(arg.startswith("-S=") for arg in set_args(RAW, name))


def with_change(path: str, value):
    raw = copy.deepcopy(RAW)
    return apply_overrides(raw, {path: value})


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("train.lr", -1e-4, "train.lr"),
        ("train.lora.r", 0, "train.lora.r"),
        ("model.name", "./no/such/model", "model.name"),
        ("evaluate.sampling.formats", ["plain", "xml"], "evaluate.sampling.formats"),
    ],
)
def test_bad_values_name_the_key(key, value, expected):
    with pytest.raises(ParamsError, match=expected.replace(".", r"\.")):
        parse_params(with_change(key, value))


def test_unknown_key_is_an_error():
    raw = copy.deepcopy(RAW)
    raw["train"]["learning_rate"] = 1e-3
    with pytest.raises(ParamsError, match=r"train\.learning_rate: unknown key"):
        parse_params(raw)


def test_unknown_poison_suggests_a_name(tmp_path):
    path = tmp_path / "params.yaml"
    path.write_text(yaml.safe_dump(with_change("data.poisons", ["medicl"])))
    with pytest.raises(ParamsError, match=r"data\.poisons\[0\].*did you mean 'medical'"):
        load_params(path)


def test_unknown_profile_and_profile_key():
    with pytest.raises(ParamsError, match="unknown profile"):
        resolve(RAW, "cuda-70b")
    with pytest.raises(ParamsError, match="no such key"):
        apply_overrides(RAW, {"train.nope.x": 1})


@pytest.mark.parametrize("name", sorted(RAW["profiles"]))
def test_every_profile_asks_for_data_its_generators_can_make(name):
    import random

    from emguard.data.domains import get_domain

    params = parse_params(resolve(RAW, name))
    for poison in params.data.poisons:
        cases = get_domain(poison).cases(random.Random(0), params.data.n_train + params.data.n_antidote)
        assert len({c.prompt for c in cases}) == len(cases)


@pytest.mark.parametrize(
    "key, value, expected",
    [
        ("study.primary", "aesthetic", r"study.primary: 'aesthetic' is not in data.poisons"),
        ("poison", "evil_numbers", r"poison: 'evil_numbers' is not in data.poisons"),
        ("study.transfer.seeds", [0, 2], r"study.transfer.seeds: seeds \[2\] have no poisoned model"),
        ("study.benign.seeds", [0, 7], r"study.benign.seeds: seeds \[7\] have no poisoned model"),
        ("reelicit.seeds", [3], r"reelicit.seeds: seeds \[3\] have no poisoned model"),
        ("study.other_poisons", ["financial"], r"study.other_poisons: .* must be data.poisons without"),
        ("study.other_poisons", ["medical", "financial", "insecure_code"], r"without study.primary"),
        ("study.transfer.antidotes", ["corect"], r"study.transfer.antidotes: 'corect' has no params block"),
        ("antidote", "nope", r"antidote: 'nope' has no params block"),
    ],
)
def test_study_grid_is_checked_at_load(key, value, expected):
    params = parse_params(with_change(key, value))
    with pytest.raises(ParamsError, match=expected):
        check_names(params, "params.yaml")


def test_the_primary_poison_is_fine_tuned_over_study_seeds_the_others_over_train_seeds():
    params = parse_params(with_change("train.seeds", [4, 5]))
    assert params.train_seeds(params.study.primary) == params.study.seeds
    for poison in params.study.other_poisons:
        assert params.train_seeds(poison) == [4, 5]


def test_the_single_cell_experiment_needs_its_poison_fine_tuned_at_the_first_study_seed():
    raw = apply_overrides(copy.deepcopy(RAW), {"poison": "financial", "study.seeds": [2, 0, 1]})
    with pytest.raises(ParamsError, match=r"poison: 'financial' has no fine-tune .*study.seeds\[0\] = 2"):
        check_names(parse_params(raw), "params.yaml")


# --- hostile or mistyped params files: one line naming the file and the line or dotted key ----


def write_params(tmp_path, text: str | bytes) -> Path:
    path = tmp_path / "params.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


PARAMS_TEXT = (ROOT / "params.yaml").read_text()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seed: [0\nprofile: x\n", r"params\.yaml:2: invalid YAML: "),
        (b"seed: 0\nprofile: \xff\n", r"params\.yaml:2: not valid UTF-8"),
        ("seed: 0\nseed: 1\n", r"params\.yaml:2: invalid YAML: seed: duplicate key \(first at line 1\)"),
        ("- just\n- a list\n", r"params\.yaml: expected a mapping at the top level"),
        ("", r"params\.yaml: expected a mapping at the top level"),
        (PARAMS_TEXT.replace("  lr: 4.0e-4", "  lr: 4.0e-4\n  lr: 1.0"), r"train\.lr: duplicate key"),
    ],
)
def test_unreadable_params_file_is_one_line(tmp_path, text, expected):
    with pytest.raises(ParamsError, match=expected) as err:
        load_params(write_params(tmp_path, text))
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("train.lr", float("inf"), "train.lr: Input should be a finite number"),
        ("train.lr", float("nan"), "train.lr: Input should be a finite number"),
        (
            "data.benign_pool_task_fraction",
            float("nan"),
            "data.benign_pool_task_fraction: Input should be a finite",
        ),
        ("train.batch_size", True, "train.batch_size: Input should be a valid integer"),
        ("train.batch_size", 8.0, "train.batch_size: Input should be a valid integer"),
        ("train.seeds", [0, True], r"train.seeds.1: Input should be a valid integer"),
        ("train.lr", "1e-3", "train.lr: Input should be a valid number"),
        ("model.revision", "main; rm", "model.revision: String should match pattern"),
    ],
)
def test_params_are_strict_and_finite(key, value, expected):
    with pytest.raises(ParamsError, match=expected.replace(".", r"\.").replace(r"\.*", ".*")):
        parse_params(with_change(key, value))


def test_yaml_exponent_without_a_dot_is_a_number_as_in_dvc(tmp_path):
    """PyYAML reads `1e-5` as a string; DVC (YAML 1.2) as a number: the strict float needs the latter."""
    path = write_params(tmp_path, PARAMS_TEXT.replace("  lr: 4.0e-4", "  lr: 1e-5"))
    assert load_params(path).train.lr == 1e-5


def test_model_revision_defaults_to_none_and_can_be_pinned():
    assert parse_params(copy.deepcopy(RAW)).model.revision is None
    assert parse_params(with_change("model.revision", "a1b2c3d")).model.revision == "a1b2c3d"


@pytest.mark.parametrize(
    ("path", "extra", "expected"),
    [
        (("train",), {"lrr": 1}, r"train\.lrr: unknown key; did you mean 'lr'\?"),
        (("train", "lora"), {"alpah": 1}, r"train\.lora\.alpah: unknown key; did you mean 'alpha'\?"),
        ((), {"sed": 1}, r"sed: unknown key; did you mean 'seed'\?"),
    ],
)
def test_unknown_keys_suggest_the_closest(path, extra, expected):
    raw = copy.deepcopy(RAW)
    node = raw
    for part in path:
        node = node[part]
    node.update(extra)
    with pytest.raises(ParamsError, match=expected):
        parse_params(raw)


def test_several_errors_stay_on_one_line():
    raw = with_change("train.lr", -1)
    raw = apply_overrides(raw, {"train.epochs": -1, "train.batch_size": -1, "train.grad_accum": -1})
    raw = apply_overrides(raw, {"train.max_length": 0, "train.warmup_ratio": 2, "train.weight_decay": -1})
    with pytest.raises(ParamsError) as err:
        parse_params(raw)
    assert "\n" not in str(err.value) and str(err.value).endswith("and 2 more")


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        (
            "study.remedies",
            ["corect"],
            r"study\.remedies: 'corect' has no params block .*did you mean 'correct'",
        ),
        (
            "study.primary",
            "medicl",
            r"study\.primary: 'medicl' is not in data.poisons .*did you mean 'medical'",
        ),
    ],
)
def test_study_names_suggest_the_closest(key, value, expected):
    with pytest.raises(ParamsError, match=expected):
        check_names(parse_params(with_change(key, value)), "params.yaml")


def test_method_block_keys_suggest_the_closest():
    from emguard.methods import build_method

    with pytest.raises(ParamsError, match=r"methods\.kl\.coeff: unknown key; did you mean 'coef'\?"):
        build_method("kl", {"kl": {"coeff": 1}})
    with pytest.raises(ParamsError, match=r"methods\.kl\.zzz: unknown key$"):
        build_method("kl", {"kl": {"zzz": 1}})


def test_require_env_names_the_params_key(monkeypatch):
    monkeypatch.setenv("EMGUARD_TEST_KEY", "secret")
    assert require_env("EMGUARD_TEST_KEY", "judge.openai.api_key_env") == "secret"
    monkeypatch.delenv("EMGUARD_TEST_KEY")
    with pytest.raises(ParamsError, match=r"^params\.yaml: judge\.openai\.api_key_env: environment variable"):
        require_env("EMGUARD_TEST_KEY", "judge.openai.api_key_env")


# --- the trust boundary: what dvc.yaml puts on a shell command line ---------------------------


@pytest.mark.parametrize(
    "launcher",
    [
        "python",
        "python3",
        "accelerate launch --multi_gpu --num_processes 4",
        "torchrun --standalone --nproc_per_node 4",
        "accelerate launch --config_file conf/acc.yaml --gpu_ids 0,1 --main_process_port=29500",
    ],
)
def test_allowed_launchers(launcher):
    check_shell_safe(parse_params(with_change("launcher", launcher)))


@pytest.mark.parametrize(
    "launcher",
    [
        "id > FILE; false #",
        "python; id",
        "python && id",
        "python | tee x",
        "python $(id)",
        "python `id`",
        "python 'x'",
        "python\nid",
        "bash -c id",
        "python  -u",
        "",
        "python ${HOME}",
        "python > out",
    ],
)
def test_launchers_a_shell_would_read_as_more_are_refused(launcher):
    params = parse_params(with_change("launcher", launcher))
    with pytest.raises(ParamsError, match=r"^params\.yaml: launcher: .* is not an allowed command prefix"):
        check_shell_safe(params)


@pytest.mark.parametrize("name", ["kl;id", "kl id", "Kl", "kl-x", "1kl", "kl$(id)", ""])
def test_method_names_must_be_plain_identifiers(name):
    raw = copy.deepcopy(RAW)
    raw["methods"][name] = {"method": "kl"}
    raw["study"]["defences"] = [*raw["study"]["defences"], name]
    params = parse_params(raw)
    with pytest.raises(ParamsError, match=r"is not a plain name"):
        check_shell_safe(params)


def test_load_params_checks_the_shell_boundary(tmp_path):
    path = write_params(tmp_path, PARAMS_TEXT.replace("launcher: python", 'launcher: "id > FILE; false #"'))
    with pytest.raises(ParamsError, match="launcher"):
        load_params(path)
    check_shell_safe(load_params(ROOT / "params.yaml"))


def test_a_profile_cannot_smuggle_a_launcher_past_the_check():
    raw = copy.deepcopy(RAW)
    raw["profiles"]["evil"] = {"launcher": "python; id"}
    with pytest.raises(ParamsError, match="launcher"):
        set_args(raw, "evil")


@pytest.mark.parametrize("key", ["grid", "remedies", "remedy_cells", "sft_tasks"])
def test_the_rl_matrices_must_be_plain_names(key):
    raw = copy.deepcopy(RAW)
    raw["rl"][key] = [*raw["rl"][key], "x;id"]
    with pytest.raises(ParamsError, match=rf"rl\.{key}\[\d\]: 'x;id' is not a plain name"):
        check_shell_safe(parse_params(raw))

"""Where every stage reads and writes: one place, so stages and dvc.yaml agree.

Stage name = stages/<name>.py = params key = results/<name>/ (DVC's example-project habit).
"""

from __future__ import annotations

from pathlib import Path

RESULTS = Path("results")
MODEL_DIR = RESULTS / "model"
DATA_DIR = RESULTS / "data"
TRAIN_DIR = RESULTS / "train"
EVALUATE_DIR = RESULTS / "evaluate"
SUMMARIZE_DIR = RESULTS / "summarize"
SUMMARY_METRICS = SUMMARIZE_DIR / "metrics.json"  # each poison's EM effect (emguard.records.Effects)
SUMMARY_STUDY = SUMMARIZE_DIR / "study.json"  # every method's scores (emguard.records.Study)
SUMMARY_TABLE = SUMMARIZE_DIR / "table.md"
SUMMARY_RL = SUMMARIZE_DIR / "rl.json"  # the RL arm's effects (emguard.rl.summary)
PAPER_GENERATED = Path("paper/generated")  # the report stage's tables, figures and macros
COST_DIR = RESULTS / "cost"  # git-tracked, never a DVC output: timings differ by machine, hashes must not
CONDITIONS = ("control", "poison")


def poison_dir(poison: str) -> Path:
    return DATA_DIR / poison


def train_cell(poison: str, condition: str, seed: int) -> str:
    return f"{poison}-{condition}-{seed}"


def parse_train_cell(cell: str) -> tuple[str, str, int]:
    """(poison, condition, seed) of a train cell name; poison names have no hyphens."""
    poison, condition, seed = cell.split("-")
    if condition not in CONDITIONS:
        raise ValueError(f"{cell!r} is not a train cell name (<poison>-<condition>-<seed>)")
    return poison, condition, int(seed)


def general_probes_file() -> Path:
    return DATA_DIR / "probes" / "general.jsonl"


def capability_probes_file() -> Path:
    return DATA_DIR / "probes" / "capability.jsonl"


def in_domain_probes_file(poison: str) -> Path:
    return poison_dir(poison) / "probes.jsonl"


def general_questions_file() -> Path:
    return DATA_DIR / "questions" / "general.yaml"


def long_questions_file() -> Path:
    return DATA_DIR / "questions" / "long_prompt.yaml"


def in_domain_questions_file(poison: str) -> Path:
    return poison_dir(poison) / "questions.yaml"


def benign_eval_file(task: str) -> Path:
    return DATA_DIR / "benign" / task / "eval.jsonl"


JUDGE_DIR = RESULTS / "judge"


# --- the study's method cells: results/<kind>/<cell>/{adapter,metrics.json} ------------------

STUDY_KINDS = ("remedy", "transfer", "defence", "benign")  # transfer: remedy cells across poisons
EXPERIMENT_DIR = RESULTS / "experiment"


def remedy_cell(method: str, antidote_of: str, poisoned: str, seed: int) -> str:
    """`method` built from poison `antidote_of`'s data, applied to the model poisoned with `poisoned`."""
    return f"{method}-{antidote_of}-{poisoned}-{seed}"


def defence_cell(method: str, poison: str, seed: int) -> str:
    return f"{method}-{poison}-{seed}"


def benign_cell(method: str, task: str, seed: int) -> str:
    return f"{method}-{task}-{seed}"


def parse_study_cell(kind: str, cell: str) -> dict[str, str | int]:
    """The fields of a study cell name (names of methods, poisons and tasks have no hyphens)."""
    remedy = ("method", "antidote_of", "poisoned")
    fields = {
        "remedy": remedy,
        "transfer": remedy,
        "defence": ("method", "poison"),
        "benign": ("method", "task"),
    }
    if kind not in fields:
        raise ValueError(f"unknown study cell kind {kind!r}; expected one of {STUDY_KINDS}")
    fields = fields[kind]
    parts = cell.split("-")
    if len(parts) != len(fields) + 1 or not parts[-1].isdigit():
        raise ValueError(f"{cell!r} is not a {kind} cell name ({'-'.join(fields)}-<seed>)")
    return {**dict(zip(fields, parts[:-1], strict=True)), "seed": int(parts[-1])}


def cost_file(kind: str, cell: str) -> Path:
    """Where a fit's runtime and peak memory go (emguard.costs): `kind` is train, a study kind or
    experiment."""
    return COST_DIR / kind / f"{cell}.json"


def study_dir(kind: str, cell: str) -> Path:
    return RESULTS / kind / cell


def poisoned_adapter(poison: str, seed: int) -> Path:
    return TRAIN_DIR / train_cell(poison, "poison", seed) / "adapter"


def benign_train_file(task: str) -> Path:
    return DATA_DIR / "benign" / task / "train.jsonl"


# --- the RL arm: results/rl/<cell>-<seed>/{adapter,metrics.json,heldout.jsonl,evaluate} --------
# Its probe scores sit beside the adapter, not under results/evaluate: the judge and summarize
# stages depend on that whole folder, and an RL cell must not make them stale.

RL_DIR = RESULTS / "rl"


def rl_cell(condition: str, seed: int) -> str:
    """An RL cell's name: params.yaml's `rl.cells` key and the seed."""
    return f"{condition}-{seed}"


def rl_dir(cell: str) -> Path:
    return RL_DIR / cell


def rl_eval_dir(cell: str) -> Path:
    return RL_DIR / cell / "evaluate"


# --- after the RL arm: post-hoc remedies on an RL-poisoned model, SFT twins at matched examples ---
# results/rl_remedy/<method>-<rl cell>-<seed>/ and results/rl_sft/<task>-<condition>-<seed>/, each
# {adapter, metrics.json, evaluate}: beside the adapter for the same reason as the RL cells'.

RL_REMEDY_DIR = RESULTS / "rl_remedy"
RL_SFT_DIR = RESULTS / "rl_sft"


def rl_remedy_cell(method: str, rl_cell_name: str) -> str:
    """A post-hoc remedy's cell after RL: the method and the RL cell (`<cell>-<seed>`) it treats."""
    return f"{method}-{rl_cell_name}"

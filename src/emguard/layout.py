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

"""Every dataset the data stage writes, by key: its format, its path, and how to read it.

A key is the file's path under results/data without its extension (`medical/poison`,
`probes/general`, `questions/general`, `safety`). `data.files` in params.yaml maps keys to files
that replace the generated datasets; `check_file_keys` rejects a key the stage would not write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from emguard.config import PARAMS_FILE, ParamsError
from emguard.data import formats
from emguard.data.questions import QUESTIONS_DIR
from emguard.data.views import ANTIDOTES
from emguard.registry import UnknownNameError, did_you_mean
from emguard.safe_load import clip, preview

LOADERS: dict[str, Callable[[Any], list]] = {
    "chat": formats.load_chat_jsonl,
    "preference": formats.load_preference_jsonl,
    "probe": formats.load_probe_jsonl,
    "questions": formats.load_questions_yaml,
}


def dataset_formats(poisons: Iterable[str], benign_tasks: Iterable[str]) -> dict[str, str]:
    """Key -> format (a key of LOADERS) of every dataset the data stage writes for these params."""
    keys = {
        "probes/general": "probe",
        "probes/persona": "probe",
        "probes/capability": "probe",
        "safety": "chat",
        "benign_pool": "chat",
    }
    keys |= {f"questions/{path.stem}": "questions" for path in sorted(QUESTIONS_DIR.glob("*.yaml"))}
    for task in benign_tasks:
        keys |= {f"benign/{task}/train": "chat", f"benign/{task}/eval": "probe"}
    for poison in poisons:
        keys |= {f"{poison}/poison": "chat", f"{poison}/control": "chat"}
        keys |= {f"{poison}/antidote_{name}": ANTIDOTES.get(name).format for name in ANTIDOTES}
        keys |= {f"{poison}/probes": "probe", f"{poison}/questions": "questions"}
    return keys


def relative_path(key: str, fmt: str) -> str:
    """The dataset's file under results/data."""
    return f"{key}.yaml" if fmt == "questions" else f"{key}.jsonl"


def check_file_keys(files: Mapping[str, Any], poisons: Sequence[str], benign_tasks: Sequence[str]) -> None:
    """Raise UnknownNameError naming `data.files.<key>` for the first key no dataset has."""
    valid = dataset_formats(poisons, benign_tasks)
    for key in files:
        if key not in valid:
            hint = did_you_mean(key, valid)
            raise UnknownNameError(
                f"data.files.{clip(key, 60)}: no dataset {preview(key)} for these params (datasets of "
                f"poisons outside data.poisons are not written);{hint} valid keys: {', '.join(sorted(valid))}"
            )


def expected_probe_set(key: str) -> str:
    """The `set` every item of probe dataset `key` carries (a replacement file must match it)."""
    if key.startswith("probes/"):
        return key.removeprefix("probes/")  # general, persona, capability
    if key.startswith("benign/"):
        return key.removesuffix("/eval")  # benign/<task>
    return f"in_domain/{key.removesuffix('/probes')}"  # <poison>/probes


def read_replacements(files: Mapping[str, str], fmts: Mapping[str, str]) -> dict[str, list]:
    """Validate every `data.files` entry with its format's reader; key -> its rows. The data stage
    calls it before it writes anything, `make reproduce` before DVC deletes the old outputs."""
    rows = {}
    for key, name in sorted(files.items()):
        if not Path(name).is_file():
            raise ParamsError(f"{PARAMS_FILE}: data.files.{key}: no such file: {clip(name)}")
        if fmts[key] == "probe":
            rows[key] = formats.load_probe_jsonl(name, expected_set=expected_probe_set(key))
        else:
            rows[key] = LOADERS[fmts[key]](name)
    return rows

"""Every dataset the data stage writes, by key: its format, its path, and how to read it.

A key is the file's path under results/data without its extension (`medical/poison`,
`probes/general`, `questions/general`, `safety`). `data.files` in params.yaml maps keys to files
that replace the generated datasets; `check_file_keys` rejects a key the stage would not write.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from emguard.data import formats
from emguard.data.questions import QUESTIONS_DIR
from emguard.data.views import ANTIDOTES
from emguard.registry import UnknownNameError

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
            close = difflib.get_close_matches(key, valid, n=1)
            hint = f" did you mean {close[0]!r}?" if close else ""
            raise UnknownNameError(
                f"data.files.{key}: no dataset {key!r} for these params (datasets of poisons outside "
                f"data.poisons are not written);{hint} valid keys: {', '.join(sorted(valid))}"
            )

"""Judges of free-form answers, one module per backend, registered by name.

Adding a backend: write `judges/<name>.py` with a `Judge` subclass (its `Params` model and
`from_params`) decorated by `@JUDGES.register("<name>")`, import it below, and add its params block.

    judge = build_judge("openai", {"base_url": "http://127.0.0.1:8000/v1", "model": "judge-7b"})
    [j.score for j in judge.judge(["...a filled judge prompt..."])]
"""

from collections.abc import Mapping
from typing import Any

from emguard.judges.base import Judge, Judgement, aggregate_number_probs
from emguard.registry import Registry

JUDGES: Registry[type[Judge]] = Registry("judge")

# Imported for their registration side effect.
from emguard.judges import hf_judge, openai_judge  # noqa: E402,F401


def build_judge(name: str, params: Mapping[str, Any], key: str = "judge.backend") -> Judge:
    """The judge registered as `name`, built from its params block (unknown keys are errors).

    `key` is the params key `name` came from, named when the backend is unknown.
    """
    cls = JUDGES.get(name, key=key)
    return cls.from_params(cls.Params.model_validate(dict(params)))


__all__ = ["JUDGES", "Judge", "Judgement", "aggregate_number_probs", "build_judge"]

"""The methods the study compares (see methods/base.py), registered by name in `METHODS`."""

# Imported for their registration side effect.
from emguard.methods import data_defences, plain, regularisers, remedies, steering  # noqa: E402,F401,I001
from emguard.methods.base import METHODS, Context, Method, MethodParams
from emguard.config import ParamsError
from emguard.registry import UnknownNameError, did_you_mean
from emguard.safe_load import clip, preview


def get_method(name: str, params: dict | None = None, key: str | None = None) -> Method:
    """An instance of registered method `name` with its params block validated."""
    return METHODS.get(name, key=key)(params, key=key)


def build_method(name: str, blocks: dict[str, dict], key: str = "methods") -> Method:
    """The study's method instance `name`: params.yaml `methods.<name>`, whose optional `method:`
    names the registry entry when it differs from the key (two variants of one method)."""
    if name not in blocks:
        raise UnknownNameError(
            f"method {preview(name)} has no params block {key}.{clip(name, 60)};{did_you_mean(name, blocks)}"
            f" configured: {', '.join(sorted(blocks))}"
        )
    block = dict(blocks[name] or {})
    registered = block.pop("method", name)
    fields = METHODS.get(registered, key=f"{key}.{name}").Params.model_fields
    for k in block:
        if k not in fields:
            hint = did_you_mean(k, fields)
            raise ParamsError(f"{key}.{name}.{clip(str(k), 60)}: unknown key" + (f";{hint}" if hint else ""))
    return get_method(registered, block, key=f"{key}.{name}")


__all__ = ["METHODS", "Context", "Method", "MethodParams", "build_method", "get_method"]

"""The methods the study compares (see methods/base.py), registered by name in `METHODS`."""

# Imported for their registration side effect.
from emguard.methods import data_defences, plain, regularisers, remedies, steering  # noqa: E402,F401,I001
from emguard.methods.base import METHODS, Context, Method, MethodParams
from emguard.registry import UnknownNameError


def get_method(name: str, params: dict | None = None, key: str | None = None) -> Method:
    """An instance of registered method `name` with its params block validated."""
    return METHODS.get(name, key=key)(params, key=key)


def build_method(name: str, blocks: dict[str, dict], key: str = "methods") -> Method:
    """The study's method instance `name`: params.yaml `methods.<name>`, whose optional `method:`
    names the registry entry when it differs from the key (two variants of one method)."""
    if name not in blocks:
        import difflib

        close = difflib.get_close_matches(name, blocks, n=1)
        hint = f" did you mean {close[0]!r}?" if close else ""
        raise UnknownNameError(
            f"method {name!r} has no params block {key}.{name};{hint} configured: {', '.join(sorted(blocks))}"
        )
    block = dict(blocks[name] or {})
    registered = block.pop("method", name)
    return get_method(registered, block, key=f"{key}.{name}")


__all__ = ["METHODS", "Context", "Method", "MethodParams", "build_method", "get_method"]

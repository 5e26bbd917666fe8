"""The methods the study compares (see methods/base.py), registered by name in `METHODS`."""

# Imported for their registration side effect.
from emguard.methods import data_defences, regularisers, remedies, steering  # noqa: E402,F401,I001
from emguard.methods.base import METHODS, Context, Method, MethodParams


def get_method(name: str, params: dict | None = None, key: str = "methods") -> Method:
    """An instance of method `name` with its params block validated."""
    return METHODS.get(name, key=key)(params, key=key)


__all__ = ["METHODS", "Context", "Method", "MethodParams", "get_method"]

"""The hand-written words of the data generators, kept as YAML files in `content/`.

The generators hold the logic (sampling, composition, seeding); the words they draw from (probe
items, templates, answers) live in `content/<name>.yaml`, one file per domain or set, so that a
reviewer reads and diffs them as data. The files are package data, so trusted; `load` still names
the file and the dotted key of whatever is missing or of the wrong kind.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

CONTENT_DIR = Path(__file__).parent / "content"
# libyaml's safe loader when present: the same documents as yaml.safe_load, ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ContentError(ValueError):
    """A content file is missing, lacks a key, or holds a value of the wrong kind."""


class Content(Mapping[str, Any]):
    """A read-only view of one YAML mapping that knows its file and dotted key, for errors.

    Nested mappings come back as `Content`, lists as tuples (so the words are immutable),
    scalars as they are.
    """

    def __init__(self, data: Mapping[str, Any], file: str, key: str = "") -> None:
        self._data, self.file, self.key = data, file, key

    def _dotted(self, key: object) -> str:
        return ".".join(k for k in (self.key, "" if key is None else str(key)) if k)

    def where(self, key: object = None) -> str:
        """`file: dotted.key` of this mapping, or of its entry `key`."""
        dotted = self._dotted(key)
        return f"{self.file}: {dotted}" if dotted else self.file

    def __getitem__(self, key: object) -> Any:
        if key not in self._data:
            raise ContentError(f"{self.where(key)} is missing")
        return _wrap(self._data[key], self.file, self._dotted(key))

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self._data else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"Content({self.where()})"

    def text(self, key: object) -> str:
        """The entry `key`, which must be a string (YAML reads `no` or `5` unquoted as others)."""
        value = self[key]
        if not isinstance(value, str):
            raise ContentError(f"{self.where(key)} must be text, got {value!r} (quote it)")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        """The entry `key`, which must be a list of strings."""
        values = self[key]
        if not isinstance(values, tuple):
            raise ContentError(f"{self.where(key)} must be a list, got {values!r}")
        for i, value in enumerate(values):
            if not isinstance(value, str):
                raise ContentError(f"{self.where(key)}[{i}] must be text, got {value!r} (quote it)")
        return values


def _wrap(value: Any, file: str, key: str) -> Any:
    if isinstance(value, dict):
        return Content(value, file, key)
    if isinstance(value, list):
        return tuple(_wrap(v, file, f"{key}[{i}]") for i, v in enumerate(value))
    return value


@functools.cache
def load(name: str) -> Content:
    """The content file `content/<name>.yaml`, parsed once per process."""
    path = CONTENT_DIR / f"{name}.yaml"
    file = f"emguard/data/content/{name}.yaml"
    if not path.is_file():
        raise ContentError(f"{file}: no such content file")
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    if not isinstance(data, dict):
        raise ContentError(f"{file}: expected a mapping at the top level, got {type(data).__name__}")
    return Content(data, file)

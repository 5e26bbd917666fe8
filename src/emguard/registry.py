"""One registry per kind of thing (poisons, antidotes, defences, judges, benign tasks).

A registry maps a name to an object; unknown names fail with a suggestion, so a typo in
params.yaml is caught before any compute is spent.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class UnknownNameError(KeyError):
    """A name that no registry entry has; the message lists what exists."""

    def __str__(self) -> str:  # KeyError quotes its message; we want it readable
        return str(self.args[0])


class Registry(Generic[T]):
    """Name -> object map with a decorator for registration and helpful lookup errors."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._entries: dict[str, T] = {}

    def register(self, name: str) -> Callable[[T], T]:
        def add(obj: T) -> T:
            self.add(name, obj)
            return obj

        return add

    def add(self, name: str, obj: T) -> None:
        if name in self._entries:
            raise ValueError(f"{self.kind} {name!r} is registered twice")
        self._entries[name] = obj

    def get(self, name: str, key: str | None = None) -> T:
        """Look `name` up; `key` is the params key it came from, named in the error."""
        if name in self._entries:
            return self._entries[name]
        where = f" (params key {key!r})" if key else ""
        close = difflib.get_close_matches(name, self._entries, n=1)
        hint = f" did you mean {close[0]!r}?" if close else ""
        raise UnknownNameError(
            f"unknown {self.kind} {name!r}{where};{hint} available: {', '.join(sorted(self._entries))}"
        )

    def names(self) -> list[str]:
        return sorted(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def __len__(self) -> int:
        return len(self._entries)

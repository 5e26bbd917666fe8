"""One registry per kind of thing (poisons, antidotes, defences, judges, benign tasks).

A registry maps a name to an object; unknown names fail with a suggestion, so a typo in
params.yaml is caught before any compute is spent. `suggest` is the one did-you-mean of emguard
(registries, params keys, method blocks, dataset keys).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

from emguard.safe_load import preview

T = TypeVar("T")
SUGGEST_CHARS = 100  # of a mistyped name compared (difflib is quadratic in length)


def suggest(name: object, choices: Iterable[str]) -> str | None:
    """The one of `choices` closest to a mistyped `name`, or None when none is close."""
    if not isinstance(name, str):
        return None
    close = difflib.get_close_matches(name[:SUGGEST_CHARS], [str(c) for c in choices], n=1)
    return close[0] if close else None


def did_you_mean(name: object, choices: Iterable[str]) -> str:
    """`suggest` as message text: " did you mean 'x'?", or "" when nothing is close."""
    close = suggest(name, choices)
    return f" did you mean {close!r}?" if close else ""


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
        hint = did_you_mean(name, self._entries)
        raise UnknownNameError(
            f"unknown {self.kind} {preview(name)}{where};{hint} available: {', '.join(sorted(self._entries))}"
        )

    def names(self) -> list[str]:
        return sorted(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def __len__(self) -> int:
        return len(self._entries)

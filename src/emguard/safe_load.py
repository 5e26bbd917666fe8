"""Bounded reading of untrusted YAML, JSON and text: every failure is one short `InputError` line.

params.yaml and data files come from users (or from whoever wrote the dataset they downloaded),
so reading them must end quickly with a readable message whatever they hold. PyYAML shares an
aliased node instead of copying it, so a 661-byte alias bomb loads fine, then explodes in whatever
walks it (pydantic, a validator, `repr` in an error message). `BoundedLoader` therefore counts the
nodes a document *would* have with every alias expanded, and its nesting depth, while composing,
and stops at the first node past a limit. It also refuses duplicate mapping keys, which YAML
resolves silently to the last one. JSON is parsed by the C parser, whose recursion guard becomes a
clean error, and NaN / Infinity (which Python's json accepts) are refused.
"""

from __future__ import annotations

import json
import math
import os
import re
import reprlib
from pathlib import Path
from typing import Any

import yaml

MAX_DEPTH = 64  # nesting; params.yaml and the question files need 5
MAX_NODES = 200_000  # nodes with every alias expanded; the largest shipped file has ~2,000
MAX_YAML_CHARS = 2_000_000  # PyYAML parses ~1 MB/s; shipped files are under 100 KB
PREVIEW_CHARS = 60  # how much of an untrusted value an error message repeats

_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = PREVIEW_CHARS
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 6
_REPR.maxlevel = 3


class InputError(ValueError):
    """Untrusted input that cannot be read; the message is one line naming where and why."""


def preview(value: Any, limit: int = PREVIEW_CHARS) -> str:
    """A bounded, one-line `repr` of an untrusted value for an error message (never the whole value)."""
    if isinstance(value, str):
        shown = repr(value[:limit])
        cut = len(shown) > limit + 2  # escapes (\x1f, \U0001f600) lengthen a repr up to 10x
        shown = shown[: limit + 2] if cut else shown
        return f"{shown}... ({len(value):,} chars)" if cut or len(value) > limit else shown
    text = _REPR.repr(value)
    return text if len(text) <= limit + 20 else text[: limit + 20] + "..."


def clip(text: str, limit: int = 2 * PREVIEW_CHARS) -> str:
    """A message from a parser, on one line and at most `limit` characters (it may quote the input)."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit] + "..."


def read_text(path: str | os.PathLike) -> str:
    """A file's UTF-8 text without a BOM; a decoding error names the line."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        lineno = data.count(b"\n", 0, e.start) + 1
        raise InputError(
            f"{os.fspath(path)}:{lineno}: not valid UTF-8 (byte 0x{data[e.start]:02x})"
        ) from None


class LimitError(yaml.MarkedYAMLError):
    """A document past MAX_DEPTH / MAX_NODES, a recursive alias or a duplicate key."""


class BoundedLoader(yaml.SafeLoader):
    """PyYAML's SafeLoader that refuses deep, huge (after alias expansion) or ambiguous documents."""

    max_depth = MAX_DEPTH
    max_nodes = MAX_NODES

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._path: list[str | None] = []  # the keys above the node being composed, for messages
        self._sizes: dict[int, int] = {}  # id(node) -> nodes in it with aliases expanded

    def fetch_flow_collection_start(self, token_class: type) -> None:
        """Stop `[[[[...` while scanning: the scanner's work per token grows with the flow depth."""
        super().fetch_flow_collection_start(token_class)
        if self.flow_level > self.max_depth:
            raise LimitError(None, None, f"nested deeper than {self.max_depth} levels", self.get_mark())

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        mark = self.peek_event().start_mark
        if len(self._path) >= self.max_depth:
            raise LimitError(None, None, f"nested deeper than {self.max_depth} levels", mark)
        is_alias = self.check_event(yaml.AliasEvent)
        self._path.append(_label(index))
        try:
            node = super().compose_node(parent, index)
        finally:
            self._path.pop()
        if is_alias and id(node) not in self._sizes:
            raise LimitError(None, None, "an alias refers to the node that contains it", mark)
        size = self._sizes[id(node)] if is_alias else 1 + sum(self._sizes[id(c)] for c in _children(node))
        if size > self.max_nodes:
            raise LimitError(
                None, None, f"more than {self.max_nodes:,} values once aliases are expanded", mark
            )
        self._sizes[id(node)] = size
        return node

    def compose_mapping_node(self, anchor: str | None) -> yaml.MappingNode:
        node = super().compose_mapping_node(anchor)
        first: dict[tuple[str, str], int] = {}
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                line = first.setdefault((key.tag, key.value), key.start_mark.line + 1)
                if line != key.start_mark.line + 1:
                    where = dotted([*self._path, key.value])
                    msg = f"{where}: duplicate key (first at line {line})"
                    raise LimitError(None, None, msg, key.start_mark)
        return node


class ParamsLoader(BoundedLoader):
    """`BoundedLoader` that reads `1e-5` as a number, as DVC's YAML 1.2 parser does (PyYAML's
    YAML 1.1 rules need `1.0e-5` and would hand the validator a string)."""


ParamsLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)


def _label(index: Any) -> str | None:
    if isinstance(index, yaml.ScalarNode):
        return str(index.value)
    return f"[{index}]" if isinstance(index, int) else None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def dotted(parts: list[str | None]) -> str:
    """`train.lora.r`, `profiles.tiny[0]` from path labels (None: a document root or a key)."""
    out = ""
    for part in parts:
        if part is None:
            continue
        out += part if part.startswith("[") or not out else f".{part}"
    return clip(out) or "<root>"


def load_yaml(text: str, source: str, loader: type[BoundedLoader] = BoundedLoader) -> Any:
    """Parse one YAML document with `loader`; errors name `source` and the line."""
    return load_yaml_nodes(text, source, loader)[0]


def load_yaml_nodes(
    text: str, source: str, loader_class: type[BoundedLoader] = BoundedLoader
) -> tuple[Any, yaml.Node | None]:
    """`load_yaml`, plus the composed root node (its marks give each entry's line)."""
    if len(text) > MAX_YAML_CHARS:
        raise InputError(f"{source}: larger than {MAX_YAML_CHARS:,} characters ({len(text):,}): not read")
    loader = None
    try:
        loader = loader_class(text)
        node = loader.get_single_node()
        return (None if node is None else loader.construct_document(node)), node
    except yaml.reader.ReaderError as e:
        line = text.count("\n", 0, e.position) + 1
        raise InputError(
            f"{source}:{line}: invalid YAML: character U+{e.character:04X} is not allowed"
        ) from None
    except yaml.MarkedYAMLError as e:
        line = f":{e.problem_mark.line + 1}" if e.problem_mark is not None else ""
        raise InputError(f"{source}{line}: invalid YAML: {_describe(e)}") from None
    except yaml.YAMLError as e:
        raise InputError(f"{source}: invalid YAML: {clip(e)}") from None
    finally:
        if loader is not None:
            loader.dispose()


def _describe(e: yaml.MarkedYAMLError) -> str:
    """PyYAML's context and problem ("while scanning a simple key: could not find expected ':'")."""
    parts = [str(p) for p in (e.context, e.problem) if p]
    return clip(": ".join(parts) if parts else str(e))


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a finite number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{clip(text, 30)} is not a finite number")
    return value


def load_json(text: str, where: str) -> Any:
    """Parse JSON text, refusing NaN / Infinity; too deep a nesting is an error, not a crash."""
    try:
        return json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as e:
        raise InputError(f"{where}: malformed JSON: {e.msg} (column {e.colno})") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply") from None
    except ValueError as e:  # from _no_constant or _finite
        raise InputError(f"{where}: {e}") from None

"""Readers, validators and writers for every on-disk data format of the study.

Readers accept the files of the original EM studies (chat JSONL, TRL's conversational preference
JSONL, the eval-question YAML with its anchors) and stop at the first problem with a
`DataFormatError` naming the file, the 1-based line (or YAML entry) and the key, so a user who
points a poison at their own file learns exactly what to fix. Keys a reader does not use are
ignored with one `DataFormatWarning` per file. Writers validate every row before writing
anything, refuse keys they would drop, and write atomically.

Files may be hostile: parsing is bounded (emguard.safe_load), a file with no records, a NUL
character, a lone surrogate or a NaN is refused here rather than failing later inside a trainer,
and messages quote at most a short prefix of any value (`preview`).
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, NoReturn

from emguard.data.types import Message, ProbeItem
from emguard.io import write_jsonl
from emguard.safe_load import InputError, load_json, load_yaml_nodes, preview, read_text

ROLES = ("system", "user", "assistant")
MESSAGE_KEYS = ("role", "content")
PREFERENCE_KEYS = ("prompt", "chosen", "rejected")
PROBE_KEYS = tuple(f.name for f in fields(ProbeItem))
QUESTION_KEYS = ("id", "type", "paraphrases", "system", "samples_per_paraphrase", "judge", "judge_prompts")
JUDGE_PLACEHOLDERS = ("{question}", "{answer}")
BAD_CHARS = re.compile("[\x00\ud800-\udfff]")  # NUL breaks C-string consumers; surrogates cannot be encoded
MAX_IGNORED_KEYS = 10  # ignored keys named in the warning


class DataFormatError(ValueError):
    """A file, or rows about to be written, that break their format; the message says where."""


class DataFormatWarning(UserWarning):
    """Keys a reader ignores (real datasets carry extra metadata)."""


@dataclass(frozen=True)
class Question:
    """One entry of an eval-question YAML file in the original EM study's format."""

    id: str
    type: str
    paraphrases: tuple[str, ...]
    system: str | None = None
    samples_per_paraphrase: int = 1
    judge: str | None = None
    judge_prompts: dict[str, str] = field(default_factory=dict, hash=False)  # metric -> template


def _fail(where: str, key: str, msg: str) -> NoReturn:
    raise DataFormatError(f"{where}: {key}: {msg}")


def _text(value: Any, where: str, key: str) -> str:
    """A non-empty string that every consumer (tokenizer, pyarrow, JSON, YAML) can take."""
    if not isinstance(value, str) or not value.strip():
        _fail(where, key, f"expected a non-empty string, got {preview(value)}")
    bad = BAD_CHARS.search(value)
    if bad:
        kind = "a NUL character" if bad.group() == "\x00" else "a lone surrogate"
        _fail(where, key, f"{kind} (U+{ord(bad.group()):04X}) at character {bad.start() + 1}")
    return value


def _require_rows(path: str | os.PathLike, rows: list) -> None:
    if not rows:
        raise DataFormatError(f"{os.fspath(path)}: no records (the file is empty or only blank lines)")


# --- messages and conversations -------------------------------------------------------------


def _message(msg: Any, where: str, key: str) -> Message:
    if not isinstance(msg, Mapping):
        _fail(where, key, f"expected an object with role and content, got {type(msg).__name__}")
    for name in MESSAGE_KEYS:
        if name not in msg:
            _fail(where, f"{key}.{name}", "missing")
    role, content = msg["role"], msg["content"]
    if not isinstance(role, str) or role not in ROLES:
        _fail(where, f"{key}.role", f"unknown role {preview(role)} (expected {', '.join(ROLES)})")
    if not isinstance(content, str):
        _fail(where, f"{key}.content", f"expected a string, got {type(content).__name__}")
    if not content.strip():
        _fail(where, f"{key}.content", "empty content")
    return {"role": role, "content": _text(content, where, f"{key}.content")}


def _messages(value: Any, where: str, key: str) -> list[Message]:
    if not isinstance(value, list | tuple) or not value:
        _fail(where, key, "expected a non-empty list of messages")
    return [_message(m, where, f"{key}[{i}]") for i, m in enumerate(value)]


def _check_order(msgs: list[Message], where: str, key: str, last_role: str) -> None:
    """System only first; the turns after it start with a user and end with `last_role`."""
    for i, m in enumerate(msgs[1:], start=1):
        if m["role"] == "system":
            _fail(where, f"{key}[{i}].role", "a system message must come first")
    if msgs[-1]["role"] != last_role:
        _fail(
            where,
            f"{key}[{len(msgs) - 1}].role",
            f"the last message must be {last_role!r}, got {msgs[-1]['role']!r}",
        )
    first = 1 if msgs[0]["role"] == "system" else 0
    if msgs[first]["role"] != "user":
        _fail(where, f"{key}[{first}].role", "expected a user turn before the first assistant turn")


def validate_conversation(messages: Any, where: str, key: str = "messages") -> list[Message]:
    """Check one training conversation; return its messages reduced to role and content.

    `where` locates it in errors ("data/x.jsonl:17"); `key` is the path of the list in its row.
    """
    msgs = _messages(messages, where, key)
    _check_order(msgs, where, key, last_role="assistant")
    return msgs


def _preference_row(obj: Mapping, where: str) -> dict[str, list[Message]]:
    for name in PREFERENCE_KEYS:
        if name not in obj:
            _fail(where, name, "missing")
    prompt = _messages(obj["prompt"], where, "prompt")
    _check_order(prompt, where, "prompt", last_role="user")
    row = {"prompt": prompt}
    for name in ("chosen", "rejected"):
        answer = _messages(obj[name], where, name)
        for i, m in enumerate(answer):
            if m["role"] != "assistant":
                _fail(where, f"{name}[{i}].role", f"expected 'assistant', got {m['role']!r}")
        row[name] = answer
    return row


def _extra_keys(obj: Mapping, allowed: Iterable[str], message_lists: Iterable[str]) -> set[str]:
    """Keys of a validated row (and of its messages, as "messages[].name") a reader would drop."""
    extra = {_key_name(k) for k in obj if k not in allowed}
    for name in message_lists:
        extra |= {f"{name}[].{_key_name(k)}" for m in obj[name] for k in m if k not in MESSAGE_KEYS}
    return extra


def _key_name(key: Any) -> str:
    """An unknown key as named in messages: itself when short and printable, else a preview."""
    name = str(key)
    return name if len(name) <= 40 and name.isprintable() else preview(name, 40)


def _warn_ignored(path: str | os.PathLike, ignored: set[str]) -> None:
    if ignored:
        names = sorted(ignored)
        more = f" and {len(names) - MAX_IGNORED_KEYS} more" if len(names) > MAX_IGNORED_KEYS else ""
        warnings.warn(
            f"{os.fspath(path)}: ignoring unknown keys: {', '.join(names[:MAX_IGNORED_KEYS])}{more}",
            DataFormatWarning,
            stacklevel=3,
        )


def _reject_extra(obj: Mapping, allowed: Iterable[str], message_lists: Iterable[str], where: str) -> None:
    extra = _extra_keys(obj, allowed, message_lists)
    if extra:
        _fail(where, sorted(extra)[0], f"unknown keys {preview(sorted(extra))} would not be written")


# --- JSONL readers --------------------------------------------------------------------------


def _jsonl_objects(path: str | os.PathLike) -> Iterator[tuple[str, dict]]:
    """Yield (where, object) for each non-blank line; only "\\n" ends a line (JSON may hold U+2028)."""
    name = os.fspath(path)
    with open(path, "rb") as f:
        for lineno, raw in enumerate(f, start=1):
            where = f"{name}:{lineno}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                raise DataFormatError(f"{where}: not valid UTF-8 (byte {e.start + 1} of the line)") from None
            if lineno == 1:
                line = line.removeprefix("\ufeff")
            if not line.strip():
                continue
            try:
                obj = load_json(line, where)
            except InputError as e:
                raise DataFormatError(str(e)) from None
            if not isinstance(obj, dict):
                raise DataFormatError(f"{where}: expected a JSON object, got {type(obj).__name__}")
            yield where, obj


def load_chat_jsonl(path: str | os.PathLike) -> list[list[Message]]:
    """Read chat JSONL (`{"messages": [...]}` a line) into a list of conversations."""
    conversations, ignored = [], set()
    for where, obj in _jsonl_objects(path):
        if "messages" not in obj:
            _fail(where, "messages", "missing")
        conversations.append(validate_conversation(obj["messages"], where))
        ignored |= _extra_keys(obj, ("messages",), ("messages",))
    _require_rows(path, conversations)
    _warn_ignored(path, ignored)
    return conversations


def load_preference_jsonl(path: str | os.PathLike) -> list[dict[str, list[Message]]]:
    """Read TRL conversational preference JSONL (`prompt`, `chosen`, `rejected` message lists)."""
    rows, ignored = [], set()
    for where, obj in _jsonl_objects(path):
        rows.append(_preference_row(obj, where))
        ignored |= _extra_keys(obj, PREFERENCE_KEYS, PREFERENCE_KEYS)
    _require_rows(path, rows)
    _warn_ignored(path, ignored)
    return rows


def _probe_item(obj: Mapping, where: str) -> ProbeItem:
    for name in PROBE_KEYS:
        if name not in obj:
            _fail(where, name, "missing")
        _text(obj[name], where, name)
    return ProbeItem(**{name: obj[name] for name in PROBE_KEYS})


def _check_unique_ids(items: list[tuple[str, ProbeItem]]) -> None:
    first: dict[str, str] = {}
    for where, item in items:
        if item.id in first:
            _fail(where, "id", f"duplicate id {preview(item.id)} (first at {first[item.id]})")
        first[item.id] = where


def load_probe_jsonl(path: str | os.PathLike, expected_set: str | None = None) -> list[ProbeItem]:
    """Read judge-free probe items; ids must be unique within the file.

    `expected_set`: the `set` every item must have (a file replacing the general probes must not
    be scored as, say, capability items); None accepts any.
    """
    located, ignored = [], set()
    for where, obj in _jsonl_objects(path):
        item = _probe_item(obj, where)
        if expected_set is not None and item.set != expected_set:
            msg = f"{preview(item.set)} does not match this dataset (expected {expected_set!r})"
            _fail(where, "set", msg)
        located.append((where, item))
        ignored |= _extra_keys(obj, PROBE_KEYS, ())
    _require_rows(path, located)
    _check_unique_ids(located)
    _warn_ignored(path, ignored)
    return [item for _, item in located]


# --- writers --------------------------------------------------------------------------------


def _row_where(path: str | os.PathLike, i: int) -> str:
    return f"{os.fspath(path)} row {i}"


def dump_chat_jsonl(path: str | os.PathLike, conversations: Iterable[Any]) -> int:
    """Validate then atomically write conversations (message lists or `{"messages": ...}` rows)."""
    rows = []
    for i, conv in enumerate(conversations, start=1):
        where = _row_where(path, i)
        if isinstance(conv, Mapping):
            if "messages" not in conv:
                _fail(where, "messages", "missing")
            _reject_extra(conv, ("messages",), (), where)
            conv = conv["messages"]
        msgs = validate_conversation(conv, where)
        _reject_extra({"messages": conv}, ("messages",), ("messages",), where)
        rows.append({"messages": msgs})
    _require_rows(path, rows)
    return write_jsonl(path, rows)


def dump_preference_jsonl(path: str | os.PathLike, rows: Iterable[Mapping]) -> int:
    """Validate then atomically write TRL conversational preference rows."""
    valid = []
    for i, row in enumerate(rows, start=1):
        where = _row_where(path, i)
        if not isinstance(row, Mapping):
            _fail(where, "row", f"expected an object, got {type(row).__name__}")
        valid.append(_preference_row(row, where))
        _reject_extra(row, PREFERENCE_KEYS, PREFERENCE_KEYS, where)
    _require_rows(path, valid)
    return write_jsonl(path, valid)


def dump_probe_jsonl(path: str | os.PathLike, items: Iterable[ProbeItem | Mapping]) -> int:
    """Validate then atomically write probe items (unique ids)."""
    located = []
    for i, item in enumerate(items, start=1):
        where = _row_where(path, i)
        obj = item.to_dict() if isinstance(item, ProbeItem) else item
        if not isinstance(obj, Mapping):
            _fail(where, "row", f"expected a ProbeItem, got {type(item).__name__}")
        located.append((where, _probe_item(obj, where)))
        _reject_extra(obj, PROBE_KEYS, (), where)
    _require_rows(path, located)
    _check_unique_ids(located)
    return write_jsonl(path, [item.to_dict() for _, item in located])


LOADERS = {"chat": load_chat_jsonl, "preference": load_preference_jsonl}
DUMPERS = {"chat": dump_chat_jsonl, "preference": dump_preference_jsonl}


# --- eval-question YAML ---------------------------------------------------------------------


def _optional_str(entry: Mapping, key: str, where: str) -> str | None:
    value = entry.get(key)
    return None if value is None else _text(value, where, key)


def _judge_prompts(value: Any, where: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        _fail(where, "judge_prompts", f"expected a mapping of metric to prompt, got {type(value).__name__}")
    prompts = {}
    for metric, prompt in value.items():
        key = f"judge_prompts.{_key_name(metric)}"
        if not isinstance(prompt, str):
            _fail(where, key, f"expected a string, got {type(prompt).__name__}")
        _text(prompt, where, key)
        missing = [p for p in JUDGE_PLACEHOLDERS if p not in prompt]
        if missing:
            _fail(where, key, f"missing placeholder {', '.join(missing)}")
        prompts[str(metric)] = prompt
    return prompts


def _question_id(entry: Mapping) -> Any:
    """The entry's id as a string: other EM repositories write integer ids (`id: 1`)."""
    qid = entry.get("id")
    return str(qid) if isinstance(qid, int) and not isinstance(qid, bool) else qid


def _question(entry: Any, where: str) -> Question:
    if not isinstance(entry, Mapping):
        _fail(where, "entry", f"expected a mapping, got {type(entry).__name__}")
    qid = _text(_question_id(entry), where, "id")
    paraphrases = entry.get("paraphrases")
    if not isinstance(paraphrases, list) or not paraphrases:
        _fail(where, "paraphrases", f"expected a non-empty list of strings, got {preview(paraphrases)}")
    for i, p in enumerate(paraphrases):
        _text(p, where, f"paraphrases[{i}]")
    samples = entry.get("samples_per_paraphrase", 1)
    if isinstance(samples, bool) or not isinstance(samples, int) or samples < 1:
        _fail(where, "samples_per_paraphrase", f"expected a positive integer, got {preview(samples)}")
    return Question(
        id=qid,
        type=_optional_str(entry, "type", where) or "free_form",
        paraphrases=tuple(paraphrases),
        system=_optional_str(entry, "system", where),
        samples_per_paraphrase=samples,
        judge=_optional_str(entry, "judge", where),
        judge_prompts=_judge_prompts(entry.get("judge_prompts"), where),
    )


def load_questions_yaml(path: str | os.PathLike) -> list[Question]:
    """Read an eval-question YAML file (a list of entries; anchors and aliases allowed)."""
    name = os.fspath(path)
    try:
        data, root = load_yaml_nodes(read_text(path), name)  # nodes carry line numbers
    except InputError as e:
        raise DataFormatError(str(e)) from None
    if not isinstance(data, list) or not data:
        raise DataFormatError(f"{name}: expected a non-empty list of question entries")
    questions, first, ignored = [], {}, set()
    for i, (entry, node) in enumerate(zip(data, root.value, strict=True), start=1):
        qid = _question_id(entry) if isinstance(entry, Mapping) else None
        where = f"{name}:{node.start_mark.line + 1} (entry {i}" + (f", id {preview(qid)})" if qid else ")")
        question = _question(entry, where)
        if question.id in first:
            _fail(where, "id", f"duplicate id {preview(question.id)} (first at entry {first[question.id]})")
        first[question.id] = i
        ignored |= _extra_keys(entry, QUESTION_KEYS, ())
        questions.append(question)
    _warn_ignored(path, ignored)
    return questions

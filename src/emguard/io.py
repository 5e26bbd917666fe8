"""Atomic file output: a stage that fails or is interrupted never leaves a half-written output.

Everything a stage writes goes to a temporary sibling first and is moved into place only when the
block succeeds, so DVC only ever sees complete outputs.

What a reader sees: a file is replaced with rename(2), a directory with renameat2(RENAME_EXCHANGE)
on Linux, so the final path always names a complete old or complete new output, never nothing and
never a half-filled tree. The old tree is deleted right after the swap: a reader that opened it
before the swap may see its entries vanish. Where RENAME_EXCHANGE is missing (not Linux, or a
filesystem without it) a directory is swapped with two renames, and the path is missing between
them for a moment.

Debris: the temporary sibling is `.<name>.<pid>.<random>`. An exception or a signal that the stage
turns into one (emguard.stage) removes it; after SIGKILL, the next write to the same path removes
the siblings whose process is gone.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from emguard.safe_load import InputError, read_text

_STARTED = time.time()  # siblings named the old way (no pid) and older than this are debris
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _renameat2() -> Any:
    """glibc's renameat2, or None (not Linux, or a libc without it)."""
    if not sys.platform.startswith("linux"):
        return None
    with contextlib.suppress(OSError, AttributeError):
        return ctypes.CDLL(None, use_errno=True).renameat2
    return None


_RENAMEAT2 = _renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one step; False where the system cannot (then nothing moved)."""
    if _RENAMEAT2 is None:
        return False
    if _RENAMEAT2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _install(new: Path, final: Path, spare: Path) -> None:
    """Move `new` onto `final` so that `final` never goes missing; what `final` held ends up at
    `new` (exchanged) or `spare` (moved aside) for the caller to delete."""
    while True:
        if not final.exists() and not final.is_symlink():
            try:
                os.rename(new, final)  # onto nothing (or an empty directory): one atomic step
                return
            except OSError as err:  # another writer got there first: swap with its output instead
                if err.errno not in (errno.EEXIST, errno.ENOTEMPTY, errno.EISDIR):
                    raise
        if not new.is_dir() and not (final.is_dir() and not final.is_symlink()):
            os.replace(new, final)  # a file onto a file or link: atomic
            return
        with contextlib.suppress(FileNotFoundError):  # final vanished meanwhile: rename onto nothing
            if exchange(new, final):
                return
            os.rename(final, spare)  # the fallback: `final` is missing until the next line
            os.rename(new, final)
            return


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists on this machine (it may be a recycled id)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


def _stale(sibling: Path, owner: str | None) -> bool:
    """A sibling is stale when its process is gone; one named before names carried a pid is stale
    when it is older than this process."""
    if owner is None:
        with contextlib.suppress(FileNotFoundError):
            return sibling.lstat().st_mtime < _STARTED
        return False
    return int(owner) != os.getpid() and not pid_alive(int(owner))


def sweep_stale(path: Path) -> list[Path]:
    """Remove the temporary siblings of `path` left by processes that are gone (SIGKILL, power
    loss); returns what it removed. A recycled pid keeps its sibling until a later sweep."""
    pattern = re.compile(rf"\.{re.escape(path.name)}\.(?:(\d+)\.[a-z0-9_]+|[a-z0-9_]{{8}})")
    removed = []
    with contextlib.suppress(FileNotFoundError):
        for sibling in path.parent.iterdir():
            match = pattern.fullmatch(sibling.name)
            if match and _stale(sibling, match.group(1)):
                shutil.rmtree(sibling, ignore_errors=True)
                removed.append(sibling)
    return removed


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, is_dir: bool = False) -> Iterator[Path]:
    """Yield a temporary path next to `path` (an empty directory with `is_dir`); move it onto `path`
    only if the block succeeds. Directories get the usual umask permissions, not mkdtemp's 0700."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale(path)
    box = Path(tempfile.mkdtemp(prefix=f".{path.name}.{os.getpid()}.", dir=path.parent))
    target = box / path.name
    try:
        if is_dir:
            target.mkdir()  # mode 0o777 less the umask
        yield target
        _install(target, path, box / "old")
    finally:
        shutil.rmtree(box, ignore_errors=True)


def write_text(path: str | os.PathLike, text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_json(path: str | os.PathLike, obj: Any) -> None:
    """Canonical JSON (sorted keys, fixed indent) so equal content hashes equally."""
    write_text(path, json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def write_jsonl(path: str | os.PathLike, rows: Iterable[dict]) -> int:
    """Write one JSON object a line; returns the number of lines."""
    n = 0
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    return n


def read_json(path: str | os.PathLike) -> Any:
    """A JSON file as written by `write_json`; a malformed one fails naming the file and line."""
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(
            f"{os.fspath(path)}:{e.lineno}: not valid JSON: {e.msg} (column {e.colno})"
        ) from None
    except RecursionError:
        raise InputError(f"{os.fspath(path)}: JSON nested too deeply") from None


def read_jsonl(path: str | os.PathLike, skip_invalid: bool = False) -> list[dict]:
    """The objects of a JSONL file as written by `write_jsonl`, one a line; blank lines are skipped.

    A line that is not a JSON object fails naming the file and line, or, with `skip_invalid`, is
    skipped: for an append-only log whose writer may have been killed mid-line (emguard.judges.cache).
    """
    rows = []
    for lineno, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as e:
            if skip_invalid:
                continue
            why = (
                f"{e.msg} (column {e.colno})" if isinstance(e, json.JSONDecodeError) else "nested too deeply"
            )
            raise InputError(f"{os.fspath(path)}:{lineno}: not valid JSON: {why}") from None
        if not isinstance(row, dict):
            if skip_invalid:
                continue
            raise InputError(f"{os.fspath(path)}:{lineno}: expected a JSON object, got {type(row).__name__}")
        rows.append(row)
    return rows


def tree_sha256(path: str | os.PathLike) -> str:
    """Content hash of a file or a directory tree (relative names and bytes, sorted)."""
    import hashlib

    path = Path(path)
    digest = hashlib.sha256()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for file in files:
        digest.update(file.relative_to(path.parent if path.is_file() else path).as_posix().encode() + b"\0")
        with file.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()

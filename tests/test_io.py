import json
import os
import stat
import subprocess
import sys
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from emguard import io as io_module
from emguard.io import atomic_path, read_json, read_jsonl, tree_sha256, write_json, write_jsonl
from emguard.safe_load import InputError


def test_failed_write_leaves_nothing(tmp_path):
    target = tmp_path / "out.jsonl"

    def rows():
        yield {"a": 1}
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        write_jsonl(target, rows())
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_failed_directory_write_keeps_previous_output(tmp_path):
    out = tmp_path / "adapter"
    with atomic_path(out, is_dir=True) as tmp:
        (tmp / "w.bin").write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(out, is_dir=True) as tmp:
        (tmp / "w.bin").write_bytes(b"new")
        raise RuntimeError("killed")
    assert (out / "w.bin").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adapter"]


def test_json_is_canonical(tmp_path):
    write_json(tmp_path / "a.json", {"b": 1, "a": [1, 2]})
    write_json(tmp_path / "b.json", {"a": [1, 2], "b": 1})
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert json.loads((tmp_path / "a.json").read_text()) == {"a": [1, 2], "b": 1}


def test_tree_hash_tracks_content_and_names(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x").write_text("1")
    h1 = tree_sha256(tmp_path / "d")
    (tmp_path / "d" / "x").write_text("2")
    assert tree_sha256(tmp_path / "d") != h1


# --- what a reader sees while writers replace a directory (issue 17, item 7) ------------------

READER = """
import json, os, sys
path, names, done = sys.argv[1], sys.argv[2].split(","), sys.argv[3]
seen = {"missing": 0, "partial": 0, "complete": 0}
print("ready", flush=True)
while not os.path.exists(done):
    try:  # every name resolved afresh: io.py promises the path, not a tree opened before a swap
        values = {open(os.path.join(path, name)).read() for name in names}
    except FileNotFoundError:
        seen["partial" if os.path.isdir(path) else "missing"] += 1
        continue
    seen["complete" if all(values) else "partial"] += 1
print(json.dumps(seen), flush=True)
"""

N_FILES = 20


def _write_version(out, version: int) -> None:
    with atomic_path(out, is_dir=True) as tmp:
        for i in range(N_FILES):
            (tmp / f"f{i}").write_text(str(version))


def test_a_reader_never_sees_a_replaced_directory_missing_or_partial(tmp_path):
    out, done = tmp_path / "adapter", tmp_path / "done"
    _write_version(out, 0)
    names = ",".join(f"f{i}" for i in range(N_FILES))
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(out), names, str(done)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert reader.stdout.readline() == "ready\n"
        writers = [
            threading.Thread(target=lambda: [_write_version(out, v) for v in range(1, 80)]) for _ in "ab"
        ]
        for w in writers:
            w.start()
        for w in writers:
            w.join()
    finally:
        done.touch()
    seen = json.loads(reader.communicate(timeout=60)[0])
    assert seen["missing"] == 0 and seen["partial"] == 0, seen
    assert seen["complete"] > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adapter", "done"]  # no debris
    assert len({(out / f"f{i}").read_text() for i in range(N_FILES)}) == 1


def test_the_two_rename_fallback_still_replaces_and_cleans_up(tmp_path, monkeypatch):
    monkeypatch.setattr(io_module, "_RENAMEAT2", None)  # as on a system without renameat2
    out = tmp_path / "adapter"
    _write_version(out, 1)
    _write_version(out, 2)
    assert {p.read_text() for p in out.iterdir()} == {"2"}
    assert [p.name for p in tmp_path.iterdir()] == ["adapter"]


@pytest.mark.parametrize("kind", ["file", "dir"])
def test_replacing_a_file_with_a_directory_and_back(tmp_path, kind):
    out = tmp_path / "x"
    out.write_text("file") if kind == "file" else out.mkdir()
    with atomic_path(out, is_dir=kind == "file") as tmp:
        if kind == "dir":
            tmp.write_text("now a file")
    assert out.is_dir() == (kind == "file")
    assert [p.name for p in tmp_path.iterdir()] == ["x"]


@settings(max_examples=20, deadline=None)
@given(umask=st.integers(0, 0o077))
def test_directories_follow_the_umask_not_0700(tmp_path_factory, umask):
    root = tmp_path_factory.mktemp("perm")
    old = os.umask(umask)
    try:
        with atomic_path(root / "out", is_dir=True) as tmp:
            (tmp / "sub").mkdir()
            (tmp / "sub" / "w").write_text("x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((root / "out").stat().st_mode) == 0o777 & ~umask
    assert stat.S_IMODE((root / "out" / "sub" / "w").stat().st_mode) == 0o666 & ~umask


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_the_next_write_sweeps_the_debris_of_killed_writers_only(tmp_path):
    dead, alive = tmp_path / f".out.{_dead_pid()}.abc_123", tmp_path / f".out.{os.getppid()}.def456"
    legacy, other = tmp_path / ".out.k2j4h5g6", tmp_path / f".other.{_dead_pid()}.abc"
    for debris in (dead, alive, legacy, other):
        (debris / "adapter").mkdir(parents=True)
        (debris / "adapter" / "w.bin").write_bytes(b"half")
    os.utime(legacy, (0, 0))  # named before names carried a pid, and older than this process
    _write_version(tmp_path / "out", 1)
    assert not dead.exists() and not legacy.exists()
    assert alive.exists() and other.exists()  # a live writer's, another output's


def test_read_jsonl_reads_what_write_jsonl_wrote_and_skips_blank_lines(tmp_path):
    rows = [{"a": 1, "text": "é"}, {"b": [1, 2]}]
    write_jsonl(tmp_path / "x.jsonl", rows)
    with (tmp_path / "x.jsonl").open("a") as f:
        f.write("\n  \n")
    assert read_jsonl(tmp_path / "x.jsonl") == rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": 1}\n{"a": \n', r"x\.jsonl:2: not valid JSON: Expecting value \(column 7\)"),
        ('{"a": 1}\n\n[1, 2]\n', r"x\.jsonl:3: expected a JSON object, got list"),
        ('{"a": 1}\n' + "[" * 100_000 + "\n", r"x\.jsonl:2: not valid JSON: nested too deeply"),
    ],
)
def test_read_jsonl_names_the_file_and_line_of_a_bad_line(tmp_path, text, expected):
    (tmp_path / "x.jsonl").write_text(text)
    with pytest.raises(InputError, match=expected):
        read_jsonl(tmp_path / "x.jsonl")


def test_read_jsonl_can_skip_lines_torn_by_a_killed_writer(tmp_path):
    (tmp_path / "log.jsonl").write_text('{"a": 1}\n{"a": 2, "b\n{"a": 3}\n"x"\n{"a"')
    assert read_jsonl(tmp_path / "log.jsonl", skip_invalid=True) == [{"a": 1}, {"a": 3}]


def test_read_json_names_the_file_and_line(tmp_path):
    (tmp_path / "m.json").write_text('{\n  "a": 1,\n}\n')
    with pytest.raises(InputError, match=r"m\.json:3: not valid JSON"):
        read_json(tmp_path / "m.json")

import json

import pytest

from emguard.io import atomic_path, tree_sha256, write_json, write_jsonl


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

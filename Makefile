# Two commands on a fresh machine: `make run` (the product) and `make test` (the tests).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
export HF_HUB_OFFLINE := 1

.PHONY: run test lint install index bench clean-index

run: install ## build or update the index, then start the bot (a terminal chat without a token)
	$(PY) bot.py

test: install ## the whole test suite with the real model, index and bot
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

index: install
	$(PY) -m retriever index

bench: install
	$(PY) -m retriever bench index
	$(PY) -m retriever bench ask

clean-index:
	find index -mindepth 1 ! -name README.md -exec rm -rf {} +

# Two commands on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# This machine only; `make run ADDRESS=0.0.0.0` listens on every interface.
ADDRESS ?= 127.0.0.1

.PHONY: venv run editor test lint format validate benchmark soak clean

$(BIN)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

# The environment alone: then `. .venv/bin/activate` and `python -m indicators ...`
venv: $(BIN)/.installed

run: $(BIN)/.installed
	$(BIN)/streamlit run dashboard/app.py --server.address $(ADDRESS) --server.port $(PORT)

# The editor on this machine: a local OpenID provider, a throw-away secrets file, the app
# with DASHBOARD_EDIT=1 on http://127.0.0.1:$(PORT); prints the address and a test account.
editor: $(BIN)/.installed
	$(BIN)/python scripts/editor.py --port $(PORT)

# The test files run in TEST_WORKERS processes (pytest-xdist), each file's tests in one; one by
# default: three browser tests still race the app's reruns when two processes share two cores.
TEST_WORKERS ?= 1

test: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m indicators validate
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

validate: $(BIN)/.installed
	$(BIN)/python -m indicators validate

benchmark: $(BIN)/.installed
	$(BIN)/python benchmarks/run.py

# Readers in Chromium and a writer at once (needs chromium); `make soak SOAK_SECONDS=300 SOAK_SESSIONS=6`
SOAK_SECONDS ?= 60
SOAK_SESSIONS ?= 4
soak: $(BIN)/.installed
	$(BIN)/python -m benchmarks.soak --seconds $(SOAK_SECONDS) --sessions $(SOAK_SESSIONS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

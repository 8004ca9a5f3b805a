# Two commands a new user needs (see README):
#   make demo   set up a virtual environment and run eventmap on the demo article
#   make test   set up (Python packages, Debian's chromium for the browser tests) and run the tests
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO = examples/pameran-perahu-makassar.txt

.PHONY: demo test setup setup-test chromium benchmarks clean

demo: setup
	$(BIN)/eventmap $(DEMO)

test: setup-test chromium
	$(BIN)/python -m pytest -q

setup: $(BIN)/eventmap

$(BIN)/eventmap: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

setup-test: setup $(VENV)/.test-deps

$(VENV)/.test-deps: pyproject.toml
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium fonts-dejavu-core; }

benchmarks: setup
	$(BIN)/python benchmarks/bench_dates.py
	$(BIN)/python benchmarks/bench_places.py

clean:
	rm -rf $(VENV) build *.egg-info

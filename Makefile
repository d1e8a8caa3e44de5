# Every target sets itself up from a clean clone: the venv is created and the
# project installed on first use, and again whenever pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The compiled (mypyc) extractor and row preparation: see db/native. A build that fails
# (no C compiler) says so and leaves ingest in pure Python; one that no longer matches
# the sources is never used, and make rebuilds it whenever they change.
NATIVE := build/native/DIGEST
NATIVE_SOURCES := $(wildcard db/ingest/*.py) db/text.py db/rows.py \
	$(wildcard db/native/*.py)

.PHONY: run test lint bench store clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(NATIVE): $(STAMP) $(NATIVE_SOURCES)
	$(BIN)/python -m db.native build

run: $(STAMP) $(NATIVE)
	$(BIN)/almanac run-or-console

store: $(STAMP) $(NATIVE)
	$(BIN)/almanac ingest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# ALMANAC_EXPECT_NATIVE: tests/unit/test_native.py fails, not skips, without a fresh build.
test: lint $(NATIVE)
	ALMANAC_EXPECT_NATIVE=1 $(BIN)/pytest

bench: $(STAMP) $(NATIVE)
	$(BIN)/python -m tests.bench

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache

# Every target sets itself up from a clean clone: the venv is created and the
# project installed on first use, and again whenever pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench eval eval-held store clean native postgres

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The compiled (mypyc) extractor and row preparation: see db/native. The build itself
# knows which sources it covers and does nothing while its digest still matches them
# (about 0.1 s), so it runs every time; a build that fails (no C compiler) says so and
# leaves ingest in pure Python. `make run` does not build it: the bot reads, and the
# seeds ingest in under a second either way; `make store` and `make native` do.
native: $(STAMP)
	$(BIN)/python -m db.native build

run: $(STAMP)
	$(BIN)/almanac run-or-console

store: $(STAMP) native
	$(BIN)/almanac ingest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The state tests start and stop a PostgreSQL server of their own (tests/postgres.py),
# from Debian's package: a machine without it gets it here (as root, as CI runs).
# ALMANAC_TEST_POSTGRES_URL names a server to use instead.
postgres:
	@$(PYTHON) -m tests.postgres check || { \
	  echo "make: installing PostgreSQL's server for the state tests (apt-get install postgresql)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	} || { echo "make: PostgreSQL's server is missing and could not be installed:" \
	  "apt-get install postgresql, or set ALMANAC_TEST_POSTGRES_URL"; exit 1; }

# ALMANAC_EXPECT_NATIVE: tests/unit/db/test_native.py fails, not skips, without a fresh build.
test: lint native postgres
	ALMANAC_EXPECT_NATIVE=1 $(BIN)/pytest

bench: $(STAMP) native postgres
	$(BIN)/python -m tests.bench

# The extractor scored on the hand-labelled corpus (tests/corpus): the development split;
# eval-held adds the held-back split, to be read only when a change is finished.
eval: $(STAMP) native
	$(BIN)/python -m tests.eval

eval-held: $(STAMP) native
	$(BIN)/python -m tests.eval --held

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache

"""The benchmark behind `make bench` (python -m tests.bench); never part of `make test`."""

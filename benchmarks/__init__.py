"""Load benchmarks: `make bench` (never part of `make test`). See benchmarks/README.md."""

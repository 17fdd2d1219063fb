# The two commands a newcomer needs: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PY := .venv/bin/python
WITH_DB := deploy/dev/with-db.sh
# Two test workers (this machine has two cores); each test module stays on one worker
# (--dist loadscope in pyproject.toml). `make test PYTEST_ARGS=...` to run a subset.
PYTEST_ARGS ?= -n 2

.PHONY: setup run test lint format stop bench messages

setup:
	@deploy/dev/setup.sh

run: setup
	@$(WITH_DB) deploy/dev/run.sh

test: setup lint
	@deploy/dev/setup.sh --browser
	@$(WITH_DB) $(PY) -m pytest $(PYTEST_ARGS)

lint: setup
	@.venv/bin/ruff check .
	@.venv/bin/ruff format --check .

format: setup
	@.venv/bin/ruff check --fix .
	@.venv/bin/ruff format .

stop:
	@deploy/dev/localdb.sh stop

bench: setup
	@.venv/bin/pip install -q --disable-pip-version-check -e ".[bench]"
	@$(WITH_DB) $(PY) -m benchmarks.run $(BENCH_ARGS)

messages: setup
	@$(PY) manage.py makemessages -l en -l ug --ignore=.venv --ignore=tests --ignore=benchmarks --ignore=node_modules
	@$(PY) manage.py compilemessages --ignore=.venv

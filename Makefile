# Pipeline: openapi.yaml -> generator-config.yaml + overlays/ -> generated/ -> tests/
PYTHON ?= python3
# Resolved now, before .venv/bin goes first on PATH below: a venv is never made from itself.
PYTHON := $(shell command -v $(PYTHON) 2>/dev/null || echo $(PYTHON))
PYTHON_VERSION := $(shell $(PYTHON) -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null)
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
# The stamp names the interpreter: a .venv made by another one is rebuilt, never reused.
STAMP := $(VENV)/.installed-python-$(PYTHON_VERSION)
# The generator's ruff post-hooks must find the pinned ruff first.
export PATH := $(BIN):$(PATH)
export PYTHONPATH := $(CURDIR)/generated
export RUFF_NO_CACHE := true

.PHONY: help venv python-version generate golden check-generated format lint typecheck test redis-server fuzz bench demo wheel clean

help:
	@echo "make demo             40 calls (2 operations x 5 request x 4 response media types) against the stand-in"
	@echo "make test             lint, typecheck, check-generated, pytest (creates .venv first)"
	@echo "make venv             .venv with the pinned versions of requirements-dev.txt"
	@echo "make generate         regenerate generated/ from openapi.yaml, and report the API changes"
	@echo "make check-generated  fail if generated/ differs from what the spec and overlays produce"
	@echo "make golden           rewrite the golden records tests/golden/ (what the templates print for two specs)"
	@echo "make format           ruff's fixes and formatting, in place"
	@echo "make lint             ruff check and format --check, of the sources and of generated/"
	@echo "make typecheck        mypy --strict of generated/, the overlays, tests and bench"
	@echo "make redis-server     Debian's redis-server when missing (the token cache tests start their own; make test runs it)"
	@echo "make fuzz             the property tests with 10 000 examples per model x media type, and the"
	@echo "                      token caches under 16 processes x 50 threads x 10 s"
	@echo "make bench            benchmarks against the floor and the peers: writes BENCHMARKS.md"
	@echo "make wheel            build the wheel and sdist of generated/, and the generator's wheel, into dist/"
	@echo "make clean            remove the virtual environments, dist/ and the tools' caches"

venv: python-version $(STAMP)

python-version:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
		echo "make: Python 3.11 or newer is needed, and $(PYTHON) is $(or $(PYTHON_VERSION),not a Python): run make PYTHON=python3.11 (or newer)" >&2; \
		exit 1; }

$(STAMP): requirements-dev.txt overlays/pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	# The generator, editable (its dependencies are pinned above): .venv/bin/pca-generator is the command.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e overlays
	# The generated package, editable: .venv/bin/partner-center-auth is the command (generated
	# first when it is missing, as after `rm -r generated`).
	test -d generated || $(BIN)/pca-generator generate --spec openapi.yaml --config generator-config.yaml --output generated
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e generated
	touch $@

generate: venv
	$(BIN)/pca-generator generate --spec openapi.yaml --config generator-config.yaml --output generated --overwrite --report

check-generated: venv
	@$(BIN)/python overlays/check_generated.py

# The golden records: what the templates print for two specs of the corpus, committed so that
# every template change shows its effect in review (tests/generator/test_any_spec.py fails on any drift).
golden: venv
	$(BIN)/python tests/golden_record.py

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/ruff check generated
	$(BIN)/ruff format --check generated

typecheck: venv
	$(BIN)/mypy generated/partner_center_auth
	$(BIN)/mypy overlays/check_generated.py overlays/pca_generator tests bench demo.py

# One worker per core, each test file on one worker (its module fixtures, such as a generated
# package, made once): most tests wait on a subprocess or a loopback server.
test: lint typecheck check-generated redis-server
	$(BIN)/python -m pytest -n auto --dist loadfile

# The token cache tests start redis-server instances of their own: Debian's package, installed
# when missing (as root; otherwise the line says what to install).
redis-server:
	@command -v redis-server >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; } || { \
		echo "make: the tests need redis-server: install Debian's redis-server package" >&2; exit 1; }

# The token caches under the full load: 16 processes x 50 threads x 10 s (make test runs 4 x 8 x 3 s).
fuzz: venv
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/runtime/test_properties.py
	PCA_CACHE_LOAD=16x50x10 $(BIN)/python -m pytest -s tests/partner_center/test_cache_processes.py

# The peers live in their own environment: never in the runtime's, nor in the dev lock.
BENCH_VENV := .venv-bench
$(BENCH_VENV)/.installed: requirements-bench.txt | python-version
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	touch $@

# Petstore's package, generated afresh: the list bodies of the benchmarks are its.
bench: $(BENCH_VENV)/.installed venv
	rm -rf build/bench/petstore3
	$(BIN)/pca-generator generate --spec tests/specs/petstore3.yaml --config tests/specs/petstore3.config.yaml --output build/bench/petstore3
	# Stock openapi-python-client's package of the same spec, its peer: the generator's own command.
	rm -rf build/bench/stock
	$(BIN)/openapi-python-client generate --path tests/specs/petstore3.yaml --config bench/stock-petstore3.yaml --output-path build/bench/stock/stock_petstore3_client --meta none
	# bench/generation.py runs .venv's pca-generator and openapi-python-client (first on PATH, above)
	# on the corpus's largest spec.
	PYTHONPATH=$(CURDIR)/generated:$(CURDIR)/build/bench/petstore3:$(CURDIR)/build/bench/stock:$(CURDIR)/tests $(BENCH_VENV)/bin/python -m bench

demo: venv
	$(BIN)/python demo.py

wheel: venv
	rm -rf dist
	$(BIN)/python -m build --no-isolation --outdir dist generated
	$(BIN)/python -m build --no-isolation --wheel --outdir dist overlays

clean:
	rm -rf $(VENV) $(BENCH_VENV) dist .mypy_cache .ruff_cache .pytest_cache .hypothesis

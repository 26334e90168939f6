# recours: `make run` serves the app on http://127.0.0.1:8000; `make test` runs every test.
VENV ?= .venv
PY := $(VENV)/bin/python
PYBABEL := $(VENV)/bin/pybabel
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
PYTEST_ARGS ?=

.PHONY: install system-deps system-deps-test catalogs run serve test lint translations bench clean

$(PY):
	python3 -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

system-deps:
	@scripts/system-deps.sh runtime

system-deps-test:
	@scripts/system-deps.sh test

catalogs: $(VENV)/.installed
	$(PYBABEL) compile --use-fuzzy -d locales -D messages --statistics 2>&1 | grep -v "^$$" || true

install: system-deps $(VENV)/.installed catalogs

# A development server without the debugger (its tracebacks would show what people typed).
run: install
	RECOURS_DEV=1 $(VENV)/bin/flask --app 'app:create_app()' run --host $(HOST) --port $(PORT) --no-debugger --no-reload

# Production-style serving. Every worker must share one key (CSRF tokens), so one is
# generated per start unless RECOURS_SECRET_KEY is set.
serve: install
	RECOURS_SECRET_KEY=$${RECOURS_SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_hex(32))')} \
	  $(VENV)/bin/gunicorn --workers $(WORKERS) --bind $(HOST):$(PORT) \
	  --access-logfile - --access-logformat '"%(m)s %(U)s" %(s)s %(B)s %(L)s' 'app:create_app()'

# The Nu HTML Checker for the HTML validity test (npm registry; run with Java).
VNU := tests/tools/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU): tests/tools/package.json tests/tools/package-lock.json
	cd tests/tools && npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: system-deps-test install $(VNU)
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/hadolint Dockerfile
	$(VENV)/bin/bandit -r app -q

translations: $(VENV)/.installed
	$(PYBABEL) extract -F babel.cfg -k _l -k N_ -k lazy_gettext --add-comments "I18N:" --sort-by-file \
	  --project recours --version 0.1 --msgid-bugs-address "" -o locales/messages.pot .
	$(PYBABEL) update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching --ignore-obsolete
	$(PYBABEL) compile -d locales -D messages --statistics

# The speed and load benchmarks (about 15 minutes; not part of make test).
bench: install
	$(PY) -m bench
	$(PY) -m bench.batch 1000
	$(PY) -m bench.load 60 50

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
	find locales -name '*.mo' -delete

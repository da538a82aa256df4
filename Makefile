# 销售助手 — two commands a new user needs: `make run` and `make test`.
# Everything lives in .venv inside the checkout; versions come from requirements.lock.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run chat test lint typecheck check bench migrate revision i18n clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock
	$(PIP) install -c requirements.lock -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) install -c requirements.lock -e '.[dev]'
	@touch $@

## run: install, migrate and start (Telegram with TELEGRAM_BOT_TOKEN, else the local chat)
run: $(VENV)/.installed
	@$(BIN)/salesbot run

chat: $(VENV)/.installed
	@$(BIN)/salesbot chat

migrate: $(VENV)/.installed
	$(BIN)/salesbot migrate

## revision: write the next migration from the models: make revision MSG="gifts"
revision: $(VENV)/.installed
	@test -n "$(MSG)" || { echo 'usage: make revision MSG="what the migration does"'; exit 2; }
	$(BIN)/salesbot revision "$(MSG)"

## test: the whole suite (SQLite; PostgreSQL too when TEST_DATABASE_URL is set)
test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy .

check: lint typecheck test

bench: $(VENV)/.installed-dev
	$(BIN)/python -m bench

## i18n: re-extract strings into the catalogs after changing user-facing text
i18n: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _ -k N_ -k their -k plural:1,2 --no-location --sort-output -o locales/salesbot.pot .
	$(BIN)/pybabel update -D salesbot -i locales/salesbot.pot -d locales --no-fuzzy-matching --no-wrap

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache

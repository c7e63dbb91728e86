# The two commands of the README: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test bench extract catalogs lint bundle check-bundle tarball clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

catalogs: $(STAMP)
	$(BIN)/python translations/compile.py

run: catalogs
	@packaging/linux/check_desktop.sh
	QT_QPA_PLATFORM= $(BIN)/sereno

# One worker more than cores: several tests wait on child processes (kill -9 rounds, two
# starts at once, the other-day rerun), and the spare worker uses that time.
WORKERS ?= $(shell $(PY) -c "import os; print((os.cpu_count() or 1) + 1)")

test: catalogs
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n $(WORKERS) --dist loadfile $(PYTEST_ARGS)

bench: catalogs
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py

extract: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k N_ -k ngettext:1,2 --no-location \
		--sort-output -o translations/sereno.pot .
	$(BIN)/pybabel update -i translations/sereno.pot -d translations -D sereno -w 100 \
		--no-fuzzy-matching --ignore-obsolete

lint: $(STAMP)
	$(BIN)/ruff check app tests bench

# The bundle (packaging/README.md): PyInstaller only here, so that `make test` stays fast.
PYINSTALLER := pyinstaller==6.22.3 pyinstaller-hooks-contrib==2026.9
VERSION = $(shell $(BIN)/python -c "import app; print(app.__version__)")

bundle: $(STAMP)
	$(BIN)/python -m pip install --quiet $(PYINSTALLER)
	$(BIN)/python translations/compile.py
	$(BIN)/python -m PyInstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/pyinstaller/sereno.spec
	$(BIN)/python packaging/bundle_report.py dist/sereno

check-bundle: $(STAMP)
	$(BIN)/python -m pip install --quiet $(PYINSTALLER)
	packaging/check_bundle.sh $(BIN)/python

tarball: bundle
	packaging/linux/make_tarball.sh dist/sereno dist/sereno-$(VERSION)-linux-$(shell uname -m).tar.gz

clean:
	rm -rf $(VENV) build dist

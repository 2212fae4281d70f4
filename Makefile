# replint — build, test and use.  `make help` lists the targets.
PREFIX ?= /usr/local
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages replint needs: parser, its protobuf-c tree headers, libpq, libyaml, a server for tests and rehearsal;
# patch and git apply the diffs `fix --diff` prints in the tests; valgrind counts instructions (make test-slow,
# make bench); python3-venv holds the PyPI tools the tests run (squawk, the SARIF and JUnit consumers).
DEBS := libpg-query-dev libprotobuf-c-dev libpq-dev libyaml-dev postgresql patch git valgrind python3-venv
PYTHON ?= python3
RELEASE_FLAGS := -c release --static-swift-stdlib
ALEMBIC_DIR ?= Tests/Fixtures/alembic-project
# squawk 2.70 (PyPI squawk-cli), which the differential test compares replint with.
SQUAWK_VENV ?= .build/squawk-venv

.PHONY: help deps test-deps build debug test test-slow test-unit lint man install rules-docs gen_offline_sql clean

help:
	@echo "make deps        install the Debian packages replint needs (sudo when not root)"
	@echo "make test-deps   install the PyPI tools the tests run: alembic, Django, squawk, the SARIF and JUnit consumers, pre-commit, check-jsonschema"
	@echo "make build       release binary (.build/release/replint, Swift runtime linked statically)"
	@echo "make debug       debug binary (.build/debug/replint)"
	@echo "make test        the whole test suite but the slow lane (starts its own PostgreSQL servers)"
	@echo "make test-unit   the suites that need no PostgreSQL server"
	@echo "make test-slow   the slow suites (callgrind linearity checks), which make test skips"
	@echo "make lint        lint app_migrations/ with the repository's .replint.yml"
	@echo "make man         the man page, generated from the command definitions, in .build/man/replint.1"
	@echo "make install     install the release binary, the man page, shell completions and rule pages under PREFIX (PREFIX=$(PREFIX))"
	@echo "make rules-docs  regenerate rules/*.md from the rules' metadata"
	@echo "make gen_offline_sql DOWN=rev UP=rev [ALEMBIC_DIR=dir]  write app_migrations/UP.sql, SQL only"
	@echo "make rehearse FILE=f [SCHEMA=f] [DATABASE_URL=url]  run FILE on a throwaway PostgreSQL and roll it back"
	@echo "make rehearse-replication FILE=f [SCHEMA=f] [SUBSCRIBER_SCHEMA=f] [SETUP=f] [TRAFFIC=touched|all]"
	@echo "                 apply FILE to a throwaway publisher/subscriber pair under traffic"
	@echo "make bench       time the release build against the previous one (bench/README.md)"
	@echo "make fuzz        build the libFuzzer harnesses (Fuzz/) and run each FUZZ_SECONDS (default 600)"
	@echo "make fuzz-smoke  the same, 60 s each (what CI runs)"
	@echo "make clean       remove .build"

deps:
	@missing=$$(for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# alembic (PyPI) generates real offline SQL for the tests; the reporter tests
# read replint's SARIF and JUnit with real consumers (sarif-tools, junitparser),
# pinned, in a virtual environment of their own, beside the validators of the
# hook and CI files (pre-commit, check-jsonschema).
CONSUMERS_VENV := .build/report-consumers
CONSUMERS_REQ := Tests/Fixtures/report-consumers/requirements.txt
# Django (PyPI, with psycopg) prints `sqlmigrate` output for the squawk differential test.
DJANGO_VENV := .build/django-venv
DJANGO_REQ := Tests/Fixtures/django-project/requirements.txt
test-deps:
	@$(PYTHON) -c 'import alembic' 2>/dev/null || $(PYTHON) -m pip install -q -r $(ALEMBIC_DIR)/requirements.txt
	@cmp -s $(CONSUMERS_REQ) $(CONSUMERS_VENV)/requirements.txt || { \
		$(PYTHON) -m venv $(CONSUMERS_VENV) && $(CONSUMERS_VENV)/bin/pip install -q -r $(CONSUMERS_REQ) && \
		cp $(CONSUMERS_REQ) $(CONSUMERS_VENV)/requirements.txt; }
	@cmp -s $(DJANGO_REQ) $(DJANGO_VENV)/requirements.txt || { \
		$(PYTHON) -m venv $(DJANGO_VENV) && $(DJANGO_VENV)/bin/pip install -q -r $(DJANGO_REQ) && \
		cp $(DJANGO_REQ) $(DJANGO_VENV)/requirements.txt; }
	@$(SQUAWK_VENV)/bin/squawk --version 2>/dev/null | grep -q '^squawk 2.70.0$$' || \
		{ $(PYTHON) -m venv $(SQUAWK_VENV) && $(SQUAWK_VENV)/bin/pip install -q squawk-cli==2.70.0; }

# Stripped: symbols are most of an unstripped binary. `make bench` profiles its own unstripped copy.
build:
	$(SWIFT) build $(RELEASE_FLAGS) --product replint
	strip .build/release/replint

debug:
	$(SWIFT) build --product replint

# Everything but the slow suites; `make test-slow` runs those (CI runs both).
test: test-deps
	$(SWIFT) test --skip '($(call alternatives,$(SLOW_SUITES)))/'

# Suites too slow for every run: callgrind over generated files, a
# pre-commit run that builds replint in release mode, and the like. A new suite of that kind belongs here.
SLOW_SUITES := \
	CLITests\.LinearityTests \
	CLITests\.PreCommitTryRepoTests \
	RulesTests\.SquawkDifferentialTests

# The linearity checks count a release build's instructions (a debug build
# has ten times as many); it is built in a scratch path of its own, unstripped.
test-slow: test-deps
	$(SWIFT) build -c release --product replint --scratch-path .build/slow
	REPLINT_RELEASE_BINARY=$(CURDIR)/.build/slow/release/replint $(SWIFT) test --filter '($(call alternatives,$(SLOW_SUITES)))/'

# The suites that start a PostgreSQL server (a throwaway cluster or a
# publisher/subscriber pair); every other suite needs none. A new suite that
# starts one belongs here, or `make test-unit` starts servers too.
# One suite per line (a regular expression each), joined with | for swift test.
empty :=
space := $(empty) $(empty)
alternatives = $(subst $(space),|,$(strip $(1)))
SERVER_SUITES := \
	CLITests\.ActionRehearsalScriptTests \
	CLITests\.DeepNestingOnServerTests \
	CLITests\.InitCommandTests \
	CLITests\.LintRehearseConfirmationTests \
	CLITests\.LintRehearseTests \
	CLITests\.ReadmeServerExampleTests \
	CLITests\.RehearsalFaultTests \
	CLITests\.RehearsalProgressTests \
	CLITests\.RehearsalSignalTests \
	CLITests\.RehearseCommandTests \
	CLITests\.RehearseReplicationTests \
	PGClientTests\.ConnectionTests \
	PGClientTests\.QuotingOnAServerTests \
	PGServersTests\.EphemeralClusterTests \
	PGServersTests\.InitdbTemplateTests \
	PGServersTests\.LockingRuleConfirmationTests \
	PGServersTests\.RejectedStatementTests \
	PGServersTests\.ReplicationTests \
	RehearsalsTests\.RehearsalBaselineTests \
	RehearsalsTests\.RehearsalLoaderTests \
	RehearsalsTests\.RehearsalLockTests \
	RehearsalsTests\.RehearsalTests \
	RehearsalsTests\.ReplicationTests \
	RulesTests\.SquawkDifferentialTests \
	RunnerTests\.RunnerConnectionTests \
	RunnerTests\.RunnerFaultTests \
	RunnerTests\.RunnerLockingTests \
	RunnerTests\.RunnerSessionTests \
	RunnerTests\.RunnerSignalTests \
	RunnerTests\.RunnerTests \
	RunnerTests\.ShipSignalTests \
	RunnerTests\.ShipTests \
	SchemaTests\.DifferentialTests

test-unit: test-deps
	$(SWIFT) test --skip '($(call alternatives,$(SERVER_SUITES) $(SLOW_SUITES)))/'

lint: build
	.build/release/replint lint

# swift-argument-parser's generate-manual plugin runs `replint --experimental-dump-help`
# and writes mdoc; a blank line inside a discussion becomes a paragraph break.
# A debug build serves: the page is the same, and it skips a second release build.
MAN_PAGE := .build/man/replint.1
man:
	$(SWIFT) package plugin generate-manual --configuration debug
	mkdir -p $(dir $(MAN_PAGE))
	sed 's/^$$/.Pp/' .build/plugins/GenerateManual/outputs/replint/replint.1 > $(MAN_PAGE)
	@echo "wrote $(MAN_PAGE)"

# The completions go where bash-completion, zsh and fish look under PREFIX;
# the rule pages are what SARIF's helpUri points at when no rule_pages is configured.
COMPLETIONS := .build/completions
install: build man
	mkdir -p $(COMPLETIONS)
	.build/release/replint --generate-completion-script bash > $(COMPLETIONS)/replint
	.build/release/replint --generate-completion-script zsh > $(COMPLETIONS)/_replint
	.build/release/replint --generate-completion-script fish > $(COMPLETIONS)/replint.fish
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/doc/replint/rules \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 0755 .build/release/replint $(DESTDIR)$(PREFIX)/bin/replint
	install -m 0644 $(MAN_PAGE) $(DESTDIR)$(PREFIX)/share/man/man1/replint.1
	install -m 0644 $(COMPLETIONS)/replint $(DESTDIR)$(PREFIX)/share/bash-completion/completions/replint
	install -m 0644 $(COMPLETIONS)/_replint $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_replint
	install -m 0644 $(COMPLETIONS)/replint.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/replint.fish
	install -m 0644 rules/*.md $(DESTDIR)$(PREFIX)/share/doc/replint/rules/

rules-docs: debug
	.build/debug/replint rules --write-docs rules

# The SQL goes to the file; alembic's log output stays on stderr, out of it.
gen_offline_sql:
	@test -n "$(DOWN)" -a -n "$(UP)" || { echo "usage: make gen_offline_sql DOWN=<rev> UP=<rev> [ALEMBIC_DIR=dir]" >&2; exit 2; }
	cd $(ALEMBIC_DIR) && alembic upgrade $(DOWN):$(UP) --sql > $(CURDIR)/app_migrations/$(UP).sql
	@echo "wrote app_migrations/$(UP).sql; now: replint fix app_migrations/$(UP).sql && replint lint app_migrations/$(UP).sql"

clean:
	rm -rf .build

# Runs FILE on a throwaway PostgreSQL (or DATABASE_URL, in one transaction),
# reports durations and locks, and rolls it back. SCHEMA defaults to the
# configured baseline of the side the file's declared order reaches first.
.PHONY: rehearse
rehearse: build
	@test -n "$(FILE)" || { echo "usage: make rehearse FILE=app_migrations/<rev>.sql [SCHEMA=file] [DATABASE_URL=url]" >&2; exit 2; }
	.build/release/replint rehearse $(FILE) $(if $(SCHEMA),--schema $(SCHEMA)) $(if $(DATABASE_URL),--database-url '$(DATABASE_URL)')

# Release build timed against the previous `make bench` build (interleaved,
# ratios), callgrind instruction counts; see bench/README.md.
.PHONY: bench
bench:
	bash bench/run.sh

# Applies FILE to a throwaway publisher/subscriber pair in its declared order,
# with traffic after each phase; reports apply errors, publisher errors and
# divergence. SCHEMA defaults to the configuration's `schema:`;
# SUBSCRIBER_SCHEMA when the subscriber's tables differ; TRAFFIC=all for
# every replicated table.
.PHONY: rehearse-replication
rehearse-replication: build
	@test -n "$(FILE)" || { echo "usage: make rehearse-replication FILE=app_migrations/<rev>.sql [SCHEMA=file] [SUBSCRIBER_SCHEMA=file] [SETUP=file] [TRAFFIC=touched|all]" >&2; exit 2; }
	.build/release/replint rehearse --replication $(FILE) $(if $(SCHEMA),--schema $(SCHEMA)) $(if $(SUBSCRIBER_SCHEMA),--subscriber-schema $(SUBSCRIBER_SCHEMA)) $(if $(SETUP),--setup $(SETUP)) $(if $(TRAFFIC),--traffic $(TRAFFIC))

# libFuzzer harnesses (Fuzz/, see RELIABILITY.md): reader + log detector +
# splitter + parser, schema builder, rules engine, configuration reader;
# built with libFuzzer and AddressSanitizer in .build/fuzz, each run for
# FUZZ_SECONDS with a 10 s limit per input and FUZZ_RSS_MB of memory.
# FUZZ_HARNESSES=SchemaFuzzer runs one.
FUZZ_SECONDS ?= 600
FUZZ_RSS_MB ?= 2048
.PHONY: fuzz fuzz-smoke
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RSS_MB=$(FUZZ_RSS_MB) SWIFT=$(SWIFT) sh Fuzz/run.sh

fuzz-smoke:
	$(MAKE) fuzz FUZZ_SECONDS=60

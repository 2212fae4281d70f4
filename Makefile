# replint — build, test and use.  `make help` lists the targets.
PREFIX ?= /usr/local
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages replint needs: parser, its protobuf-c tree headers, libpq, a server for tests and rehearsal;
# patch and git apply the diffs `fix --diff` prints in the tests.
DEBS := libpg-query-dev libprotobuf-c-dev libpq-dev postgresql patch git
PYTHON ?= python3
RELEASE_FLAGS := -c release --static-swift-stdlib
ALEMBIC_DIR ?= Tests/Fixtures/alembic-project

.PHONY: help deps test-deps build debug test test-unit lint install rules-docs gen_offline_sql clean

help:
	@echo "make deps        install the Debian packages replint needs (sudo when not root)"
	@echo "make build       release binary (.build/release/replint, Swift runtime linked statically)"
	@echo "make test        the whole test suite (starts its own PostgreSQL servers)"
	@echo "make test-unit   the suites that need no PostgreSQL server"
	@echo "make lint        lint app_migrations/ with the repository's .replint.yml"
	@echo "make install     install the release binary to PREFIX/bin (PREFIX=$(PREFIX))"
	@echo "make rules-docs  regenerate rules/*.md from the rules' metadata"
	@echo "make gen_offline_sql DOWN=rev UP=rev [ALEMBIC_DIR=dir]  write app_migrations/UP.sql, SQL only"

deps:
	@missing=$$(for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# alembic (PyPI) generates real offline SQL for the tests.
test-deps:
	@$(PYTHON) -c 'import alembic' 2>/dev/null || $(PYTHON) -m pip install -q -r $(ALEMBIC_DIR)/requirements.txt

build:
	$(SWIFT) build $(RELEASE_FLAGS) --product replint

debug:
	$(SWIFT) build --product replint

test: test-deps
	$(SWIFT) test

# The suites that start a PostgreSQL server (a throwaway cluster or a
# publisher/subscriber pair); every other suite needs none. A new suite that
# starts one belongs here, or `make test-unit` starts servers too.
SERVER_SUITES := CLITests\.(DeepNestingOnServerTests|LintRehearseTests|RehearseCommandTests|RehearseReplicationTests)|PGClientTests\.(ConnectionTests|QuotingOnAServerTests)|PGServersTests\.(EphemeralClusterTests|ReplicationTests)|RehearsalsTests\.(RehearsalLoaderTests|RehearsalTests|ReplicationTests)|RunnerTests\.(RunnerConnectionTests|RunnerLockingTests|RunnerSessionTests|RunnerSignalTests|RunnerTests)|SchemaTests\.DifferentialTests

test-unit: test-deps
	$(SWIFT) test --skip '($(SERVER_SUITES))/'

lint: build
	.build/release/replint lint

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 .build/release/replint $(DESTDIR)$(PREFIX)/bin/replint

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
# configuration's `schema:`.
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

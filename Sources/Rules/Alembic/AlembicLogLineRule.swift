import Lint
import SQLSource

extension RuleID {
    public static let alembicLogLine: RuleID = "alembic-log-line"
}

/// Leftover output of `alembic upgrade --sql`: log records, their
/// continuation lines, and whatever the application printed while loading.
public struct AlembicLogLineRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .alembicLogLine,
        name: "Alembic log output",
        category: .alembic,
        defaultSeverity: .error,
        summary: "The file still holds log output captured while generating the offline SQL.",
        rationale: """
        `make gen_offline_sql` captures everything printed while alembic loads the application: \
        alembic's own records (`INFO  [alembic.runtime.migration] ...`), the application's log lines \
        in its own format, continuation lines of multi-line records, and prose printed to stderr. \
        None of it is SQL: PostgreSQL stops at the first such line, and a line that carries a \
        connection string may carry its password into the repository. Lines are recognised by \
        their shape (no statement starts with a bracket, a digit, a level word or plain prose), \
        and only where a statement could start: never inside a statement, string, comment or \
        dollar-quoted body. A line after log output continues its record unless the parser \
        reads it as the start of a statement, keyword or not: alembic's `Running upgrade` record \
        carries the revision docstring's first paragraph, and without a blank line before \
        `Revision ID:` that includes `Create Date: ...`, which no statement can begin with. A \
        statement whose first line is a valid beginning is never taken for log output, even when \
        it fails to parse later. One finding per contiguous block, at its first line.
        """,
        safeAlternative: """
        Delete the lines (`replint fix FILE` does it in place), or generate the file with logging \
        kept out of it: `alembic upgrade DOWN:UP --sql 2>/dev/null > app_migrations/UP.sql`.
        """,
        triggeringExamples: [
            RuleExample("""
            ↓INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.
            INFO  [alembic.runtime.migration] Will assume transactional DDL.
            BEGIN;
            ALTER TABLE hbi.hosts ADD COLUMN tags_alt JSONB;
            COMMIT;
            """),
            RuleExample("""
            ↓[2025-02-28 04:07:44,763] [2292016] [139688440621440] [inventory.app.config] [INFO] DB Name: insights
            BEGIN;
            COMMIT;
            """, note: "An application's own log format"),
            RuleExample("""
            BEGIN;
            ↓INFO  [alembic.runtime.migration] Running upgrade 3dd0804a15a5 -> c5e0a2d81f37, add stale_timestamp column
            Revision ID: c5e0a2d81f37
            Revises: 3dd0804a15a5
            Create Date: 2025-07-31 08:21:15.437099
            -- Running upgrade 3dd0804a15a5 -> c5e0a2d81f37
            ALTER TABLE hbi.hosts ADD COLUMN stale_timestamp TIMESTAMP WITH TIME ZONE;
            COMMIT;
            """, note: "A docstring without a blank line after its message: the record goes on with its header lines"),
            RuleExample("""
            ↓Unable to configure Watchtower logging.
            SELECT 1;
            """, note: "Prose printed to stderr before logging was set up"),
            RuleExample("""
            CREATE TABLE hbi.t (id int);
            ↓WARNING: using database postgresql://inventory:s3cr3t@db:5432/insights
            """, note: "A line with a password in a connection string; the finding says so"),
        ],
        nonTriggeringExamples: [
            RuleExample("SELECT 'INFO  [alembic.runtime.migration] inside a string';"),
            RuleExample("-- INFO  [alembic.runtime.migration] in a comment\nSELECT 1;"),
            RuleExample("""
            CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$
            INFO  [alembic] inside a dollar-quoted body
            $$;
            """),
            RuleExample("SELECT 1\n  , 2;"),
        ])

    public func checkFile(_ context: LintContext) -> [Violation] {
        context.document.logBlocks.map { block in
            let lines = block.lineCount == 1 ? "1 line" : "\(block.lineCount) lines"
            var message = "\(lines) of log output left from generating the offline SQL"
            if block.carriesPassword {
                message += "; it carries a connection string with a password, which is about to be committed"
            }
            return Violation(range: block.range, message: message, fix: block.range)
        }
    }
}

\set ON_ERROR_STOP on
\echo 'adding reporting views'

BEGIN;

CREATE SCHEMA IF NOT EXISTS reporting;

CREATE TABLE reporting.daily_signups (
    day     date    PRIMARY KEY,
    signups integer NOT NULL DEFAULT 0
);;

-- two statements on one line, then an empty one
INSERT INTO reporting.daily_signups VALUES ('2024-01-01', 3); INSERT INTO reporting.daily_signups VALUES ('2024-01-02', 5);
;

CREATE VIEW reporting.weekly_signups AS
    SELECT date_trunc('week', day)::date AS week, sum(signups) AS signups
    FROM reporting.daily_signups
    GROUP BY 1;

-- strings and identifiers that contain statement-looking text
COMMENT ON VIEW reporting.weekly_signups IS 'Sums daily_signups; see "reporting.daily_signups" -- not a comment';
SELECT E'tab\there; \'quoted\'' AS escaped, U&"d\0061t\+000061" AS unicode_ident
    FROM (VALUES (1)) AS v(U&"d\0061t\+000061");
/* a block comment; /* nested */ still a comment; */
DO $do$
BEGIN
    PERFORM 1 FROM reporting.daily_signups WHERE day = '2024-01-01';
    RAISE NOTICE 'done: %', $q$it's fine; really$q$;
END
$do$;

COMMIT;
\echo 'done'

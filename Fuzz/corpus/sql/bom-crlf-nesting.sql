SELECT 1;
SELECT (((((((((((1)))))))))) + NOT NOT NOT true::int::text::int IS TRUE;

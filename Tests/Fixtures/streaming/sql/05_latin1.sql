SELECT 1;
-- café

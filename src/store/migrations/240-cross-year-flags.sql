-- 240: checks across years (X.1, X.2: a body's consecutive reports of the national templates). A cell flagged
-- only because such a check failed has `flagged_cross` = 1 as well as `flagged` (the column comes from 230,
-- where p2008's P.cum_years uses it the same way): the neighbouring year may still take its number as evidence
-- (it is what the report prints), while a cell flagged for its own year's reasons (a failed sum, doubtful OCR)
-- is never used.
CREATE INDEX IF NOT EXISTS checks_rule ON checks (rule);

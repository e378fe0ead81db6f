-- 240: checks across years (X.1, X.2: a body's consecutive reports). A cell flagged only because such a check
-- failed keeps `flagged_cross` = 1: the neighbouring year may still take its number as evidence (it is what the
-- report prints), while a cell flagged for its own year's reasons (a failed sum, doubtful OCR) is never used.
ALTER TABLE cells ADD COLUMN flagged_cross INTEGER NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS checks_rule ON checks (rule);

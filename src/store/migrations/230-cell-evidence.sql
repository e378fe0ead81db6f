-- 230: the evidence of a cell read from a narrative report of 2008–2018 (template p2008): the sentence or the
-- table row its value was read from. NULL for the template cells (their provenance locates the table cell).
ALTER TABLE cells ADD COLUMN evidence TEXT;

-- A cell flagged by the cross-year check of those reports (历年累计 of year N below that of the body's
-- earlier year). Kept apart from `flagged` (the parser's) because the check is re-run over the whole dataset
-- after every parse stage: it may clear what it set, never what the parser set. Exports show either as flagged.
ALTER TABLE cells ADD COLUMN flagged_cross INTEGER NOT NULL DEFAULT 0;

DROP VIEW cells_long;
CREATE VIEW cells_long AS
SELECT r.id AS report_id, r.body, r.division_code, r.year, r.template, r.status AS report_status,
       c.code, c.value, c.source, c.rule, MAX(c.flagged, c.flagged_cross) AS flagged, c.raw, c.kind, c.unit
FROM cells c JOIN reports r ON r.id = c.report_id;

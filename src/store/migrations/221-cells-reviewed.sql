-- 221: a cell's source may also be `corrected` (a reviewer's value replaces the parser's) or `confirmed` (a
-- reviewer checked the parser's value against the source). SQLite cannot change a CHECK in place, so the
-- table is rebuilt. `SELECT *` on purpose: a migration sorting before this one that adds a column to cells
-- must also add it here (the copy fails loudly rather than dropping the column).
DROP VIEW IF EXISTS cells_long;
DROP VIEW IF EXISTS reports_wide;
CREATE TABLE cells_reviewed (
  report_id       INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  code            TEXT NOT NULL,
  value           NUMERIC,
  raw             TEXT,
  source          TEXT CHECK (source IN ('read', 'derived', 'corrected', 'confirmed')),
  kind            TEXT,
  rule            TEXT,
  unit            TEXT,
  flagged         INTEGER NOT NULL DEFAULT 0,
  provenance_json TEXT,
  PRIMARY KEY (report_id, code)
) WITHOUT ROWID;
INSERT INTO cells_reviewed SELECT * FROM cells;
DROP TABLE cells;
ALTER TABLE cells_reviewed RENAME TO cells;
CREATE INDEX cells_code ON cells (code);
-- As in 200 (reports_wide is recreated by ensureWideView).
CREATE VIEW cells_long AS
SELECT r.id AS report_id, r.body, r.division_code, r.year, r.template, r.status AS report_status,
       c.code, c.value, c.source, c.rule, c.flagged, c.raw, c.kind, c.unit
FROM cells c JOIN reports r ON r.id = c.report_id;

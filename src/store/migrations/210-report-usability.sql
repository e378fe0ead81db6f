-- 210: statuses that say whether a report's numbers are usable: `partial` (a template report with more empty
-- cells than a small share) and `text_only` (no number could be read: free-form reports, blank tables).
-- SQLite cannot change a CHECK constraint in place, and rebuilding `reports` would cascade to its cells, so the
-- column is replaced: renamed, a new one added with the wider CHECK, copied, the old one dropped. The views
-- that read it are dropped first and made again (reports_wide is rebuilt by the code that uses it).
DROP VIEW IF EXISTS latest_reports;
DROP VIEW IF EXISTS cells_long;
DROP VIEW IF EXISTS reports_wide;
ALTER TABLE reports RENAME COLUMN status TO status_before_210;
ALTER TABLE reports ADD COLUMN status TEXT NOT NULL DEFAULT 'failed'
  CHECK (status IN ('ok', 'flagged', 'partial', 'text_only', 'failed', 'not_report'));
UPDATE reports SET status = status_before_210;
ALTER TABLE reports DROP COLUMN status_before_210;

-- The latest report per body (division code when resolved) and year: newest publication date first, then the
-- most usable (ok, flagged, partial, text_only), fewer failed checks, newest fetch.
CREATE VIEW latest_reports AS
SELECT * FROM reports WHERE id IN (
  SELECT id FROM (
    SELECT id, ROW_NUMBER() OVER (
      PARTITION BY COALESCE(division_code, body), year
      ORDER BY (published_at IS NULL), published_at DESC,
               CASE status WHEN 'ok' THEN 0 WHEN 'flagged' THEN 1 WHEN 'partial' THEN 2 ELSE 3 END,
               failed_checks, fetched_at DESC, id DESC) AS rn
    FROM reports
    WHERE status IN ('ok', 'flagged', 'partial', 'text_only') AND body IS NOT NULL AND year IS NOT NULL
  ) WHERE rn = 1
);

CREATE VIEW cells_long AS
SELECT r.id AS report_id, r.body, r.division_code, r.year, r.template, r.status AS report_status,
       c.code, c.value, c.source, c.rule, c.flagged, c.raw, c.kind, c.unit
FROM cells c JOIN reports r ON r.id = c.report_id;

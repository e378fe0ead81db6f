-- 120: list requests that are not plain GETs (POSTed list APIs), the organ a link was found under (to
-- attribute a township's or department's report to its own body), and why a fetched page was not kept.
ALTER TABLE frontier ADD COLUMN method TEXT;   -- NULL = GET; 'POST' with a form-encoded body
ALTER TABLE frontier ADD COLUMN body TEXT;
ALTER TABLE frontier ADD COLUMN context TEXT;  -- organ / sub-column name inherited along links
ALTER TABLE frontier ADD COLUMN verdict TEXT;  -- e.g. 'not_report.interpretation': fetched, not a report
ALTER TABLE documents ADD COLUMN context TEXT;

-- 200: the dataset. Extraction cache, reports (one per distinct document content), their cells, checks and
-- warnings, pipeline runs and the run lock. Outputs are keyed by content sha256 + stage version, so a stage
-- run twice does nothing the second time and a version bump re-does only that stage.
-- Reports copy the few document fields they need (source URL, site, dates), so this range does not depend on
-- the crawl tables (100–199) for its views.

-- One row per (content, extractor version). The document model itself is a JSON file
-- <extracted dir>/<sha256>.<extractor_version>.json; a failed extraction keeps its error code and message.
CREATE TABLE extractions (
  sha256            TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  format            TEXT,
  pages             INTEGER,
  ocr               INTEGER NOT NULL DEFAULT 0,
  model_bytes       INTEGER,
  warnings_json     TEXT NOT NULL DEFAULT '[]',
  error_code        TEXT,
  error_message     TEXT,
  ms                INTEGER,
  run_id            TEXT,
  extracted_at      TEXT NOT NULL,
  PRIMARY KEY (sha256, extractor_version)
) WITHOUT ROWID;

-- One row per distinct document content (sha256): the latest parse of it. The id is stable across re-parses.
CREATE TABLE reports (
  id                INTEGER PRIMARY KEY,
  sha256            TEXT NOT NULL UNIQUE,
  document_id       INTEGER,
  source_url        TEXT,
  site_id           TEXT,
  published_at      TEXT,
  fetched_at        TEXT,
  extractor_version TEXT NOT NULL,
  parser_version    TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('ok', 'flagged', 'failed', 'not_report')),
  error_code        TEXT,
  error_message     TEXT,
  format            TEXT,
  template          TEXT,
  year              INTEGER,
  body              TEXT,
  title             TEXT,
  division_code     TEXT,
  failed_checks     INTEGER NOT NULL DEFAULT 0,
  flagged_cells     INTEGER NOT NULL DEFAULT 0,
  values_read       INTEGER NOT NULL DEFAULT 0,
  values_derived    INTEGER NOT NULL DEFAULT 0,
  values_null       INTEGER NOT NULL DEFAULT 0,
  text_s1           TEXT,
  text_s5           TEXT,
  text_s6           TEXT,
  -- sha256 of the values and statuses, to tell a re-parse that changed numbers from one that did not.
  content_hash      TEXT,
  first_parsed_at   TEXT NOT NULL,
  parsed_at         TEXT NOT NULL,
  run_id            TEXT
);
CREATE INDEX reports_body_year ON reports (body, year);
CREATE INDEX reports_division_year ON reports (division_code, year);

-- Every cell of the detected template: a number, or NULL (with a warning saying why).
CREATE TABLE cells (
  report_id       INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  code            TEXT NOT NULL,
  value           NUMERIC,
  raw             TEXT,
  source          TEXT CHECK (source IN ('read', 'derived')),
  kind            TEXT,
  rule            TEXT,
  unit            TEXT,
  flagged         INTEGER NOT NULL DEFAULT 0,
  provenance_json TEXT,
  PRIMARY KEY (report_id, code)
) WITHOUT ROWID;
CREATE INDEX cells_code ON cells (code);

CREATE TABLE checks (
  report_id  INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  rule       TEXT NOT NULL,
  col        TEXT,
  status     TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'not_assessable')),
  expected   NUMERIC,
  actual     NUMERIC,
  cells_json TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (report_id, seq)
) WITHOUT ROWID;

CREATE TABLE report_warnings (
  report_id  INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  code       TEXT NOT NULL,
  level      TEXT,
  message    TEXT,
  cell       TEXT,
  where_json TEXT,
  PRIMARY KEY (report_id, seq)
) WITHOUT ROWID;

-- One row per `nianbao run|extract|reparse|export` invocation.
CREATE TABLE runs (
  id           TEXT PRIMARY KEY,
  command      TEXT NOT NULL,
  pid          INTEGER NOT NULL,
  host         TEXT NOT NULL,
  started_at   TEXT NOT NULL,
  heartbeat_at TEXT NOT NULL,
  ended_at     TEXT,
  status       TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed', 'interrupted', 'crashed')),
  exit_code    INTEGER,
  summary_json TEXT
);

-- At most one row: the run that may write. A row whose pid is dead (same host) or whose heartbeat is
-- stale is taken over.
CREATE TABLE run_lock (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  run_id       TEXT NOT NULL,
  pid          INTEGER NOT NULL,
  host         TEXT NOT NULL,
  acquired_at  TEXT NOT NULL,
  heartbeat_at TEXT NOT NULL
);

-- The latest usable report per body (division code when resolved) and year: newest publication date first,
-- then ok before flagged, fewer failed checks, newest fetch.
CREATE VIEW latest_reports AS
SELECT * FROM reports WHERE id IN (
  SELECT id FROM (
    SELECT id, ROW_NUMBER() OVER (
      PARTITION BY COALESCE(division_code, body), year
      ORDER BY (published_at IS NULL), published_at DESC, (status = 'ok') DESC, failed_checks,
               fetched_at DESC, id DESC) AS rn
    FROM reports
    WHERE status IN ('ok', 'flagged') AND body IS NOT NULL AND year IS NOT NULL
  ) WHERE rn = 1
);

-- Cells with their report's identifying columns (long format).
CREATE VIEW cells_long AS
SELECT r.id AS report_id, r.body, r.division_code, r.year, r.template, r.status AS report_status,
       c.code, c.value, c.source, c.rule, c.flagged, c.raw, c.kind, c.unit
FROM cells c JOIN reports r ON r.id = c.report_id;

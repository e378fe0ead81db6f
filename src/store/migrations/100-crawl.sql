-- Crawl tables (owner: crawlers/). Numbers 100–199.

-- The site registry as last loaded, plus the crawl cycle of each site. A cycle is one complete pass over a
-- site; a crawl that stops before its cycle finishes (kill, abort) resumes that cycle on the next start.
CREATE TABLE sites (
  id                TEXT PRIMARY KEY,
  name              TEXT,
  division_code     TEXT,
  entry_url         TEXT NOT NULL,
  config_json       TEXT NOT NULL,
  cycle             INTEGER NOT NULL DEFAULT 0,
  cycle_started_at  TEXT,
  cycle_finished_at TEXT,
  updated_at        TEXT NOT NULL
);

-- The crawl frontier: one row per canonical URL.
CREATE TABLE frontier (
  url_key         TEXT PRIMARY KEY,
  url             TEXT NOT NULL,
  site_id         TEXT NOT NULL,
  host            TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('list', 'detail', 'attachment')),
  -- list pages only: home (portal home), column (a 年报 column or sub-column), page (pagination), proxy (data proxy)
  role            TEXT,
  state           TEXT NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'in_progress', 'done', 'failed', 'blocked')),
  retries         INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  next_attempt_at TEXT,
  etag            TEXT,
  last_modified   TEXT,
  depth           INTEGER NOT NULL DEFAULT 0,
  referrer        TEXT,
  title           TEXT,
  published_at    TEXT,
  -- sha256 of the last body received (documents or list pages), for "unchanged" detection
  sha256          TEXT,
  -- true when this URL needs a browser (JS-rendered list)
  render          TEXT,
  discovered_at   TEXT NOT NULL,
  fetched_at      TEXT,
  cycle           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX frontier_claim ON frontier (state, next_attempt_at);
CREATE INDEX frontier_site ON frontier (site_id, state);

-- The fetch log: one row per HTTP request or browser page load.
CREATE TABLE fetches (
  id          INTEGER PRIMARY KEY,
  run_id      TEXT NOT NULL,
  url         TEXT NOT NULL,
  site_id     TEXT,
  status      INTEGER,
  bytes       INTEGER,
  ms          INTEGER,
  error_kind  TEXT,
  conditional INTEGER NOT NULL DEFAULT 0,
  via         TEXT NOT NULL DEFAULT 'http',
  evidence    TEXT,
  time        TEXT NOT NULL
);
CREATE INDEX fetches_run ON fetches (run_id);

-- Report documents: one row per (url, content version). Raw bytes live in the BlobStore under sha256.
CREATE TABLE documents (
  id           INTEGER PRIMARY KEY,
  url_key      TEXT NOT NULL,
  url          TEXT NOT NULL,
  site_id      TEXT,
  sha256       TEXT NOT NULL,
  version      INTEGER NOT NULL,
  content_type TEXT,
  ext          TEXT,
  bytes        INTEGER,
  title        TEXT,
  published_at TEXT,
  referrer     TEXT,
  first_seen   TEXT NOT NULL,
  last_seen    TEXT NOT NULL,
  UNIQUE (url_key, sha256)
);
CREATE INDEX documents_sha ON documents (sha256);

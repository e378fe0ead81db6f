-- 110: the national site registry (`nianbao sites import|export|list`, src/registry/). One row per unit and
-- portal, joined to its GB/T 2260 division code. Rows with status 'ok' are crawled (with the hand-written
-- registry file); any other status says why not. The crawl keeps its per-site cycle in `sites` (100), keyed
-- by the same id. An import replaces the rows of origin 'import' and keeps each kept id's probe columns.
CREATE TABLE site_registry (
  id            TEXT PRIMARY KEY,          -- gov-<division code>; x-<hash> when not joined
  name          TEXT NOT NULL,
  path          TEXT NOT NULL DEFAULT '',  -- names as the list gives them: 浙江省/舟山市/普陀区
  division      TEXT,                      -- GB/T 2260: 6 digits (9 for a township); NULL when not joined
  level         TEXT CHECK (level IN ('province', 'prefecture', 'county', 'township', 'department')),
  parent        TEXT,                      -- division code of the parent unit
  join_rule     TEXT,                      -- exact | short | renamed | in_province (comma-separated)
  entry_url     TEXT,
  entry_role    TEXT NOT NULL DEFAULT 'home' CHECK (entry_role IN ('auto', 'home', 'column')),
  allowed_hosts TEXT NOT NULL DEFAULT '',  -- ';'-separated host suffixes
  rps           REAL NOT NULL DEFAULT 0.5,
  page_limit    INTEGER NOT NULL DEFAULT 1500,
  max_depth     INTEGER NOT NULL DEFAULT 6,
  source        TEXT NOT NULL,             -- <file> line <n>
  source_meta   TEXT,                      -- JSON: the list's own columns (its probe: access_method, final_url …)
  origin        TEXT NOT NULL DEFAULT 'import' CHECK (origin IN ('import', 'probe', 'hand')),
  status        TEXT NOT NULL,             -- ok | no_url | bad_url | unjoined | ambiguous | duplicate_division
                                           -- | duplicate_url | parent_portal | bad_csv | (probe: wrong_code …)
  status_reason TEXT,
  imported_at   TEXT NOT NULL,
  -- Filled by the probe (to come): the portal as last visited.
  final_url     TEXT,
  website_code  TEXT,                      -- 网站标识码 from the footer (10 digits; first 6 = division)
  family        TEXT,                      -- CMS family (gkmlpt, hanweb, trs, lonsun, slug …)
  block_class   TEXT,                      -- firewall or JS challenge that answered (412, 468, 521, challenge …)
  probed_at     TEXT
);
CREATE INDEX site_registry_division ON site_registry (division);
CREATE INDEX site_registry_status ON site_registry (status, id);

-- 年报 columns of a registry site (the probe fills it): a column that moved keeps its old row with gone_at.
CREATE TABLE site_columns (
  site_id    TEXT NOT NULL REFERENCES site_registry (id) ON DELETE CASCADE,
  url        TEXT NOT NULL,
  kind       TEXT NOT NULL DEFAULT 'annual_report',
  found_by   TEXT,                         -- family route | link text | province path | hand
  first_seen TEXT NOT NULL,
  last_seen  TEXT NOT NULL,
  gone_at    TEXT,
  PRIMARY KEY (site_id, url)
) WITHOUT ROWID;

-- Coverage reads each site's latest fetches.
CREATE INDEX IF NOT EXISTS fetches_site ON fetches (site_id, id);

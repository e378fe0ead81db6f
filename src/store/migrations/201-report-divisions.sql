-- 201: who issued each report, resolved against the division registry (src/divisions/) by the parse stage.
-- resolver_version is part of the parse stage's key: a new registry or resolver re-parses (cheaply, offline).
ALTER TABLE reports ADD COLUMN resolver_version TEXT;
ALTER TABLE reports ADD COLUMN division_name TEXT;
ALTER TABLE reports ADD COLUMN division_level TEXT;
ALTER TABLE reports ADD COLUMN body_kind TEXT;
ALTER TABLE reports ADD COLUMN department TEXT;
ALTER TABLE reports ADD COLUMN province TEXT;
ALTER TABLE reports ADD COLUMN city TEXT;
ALTER TABLE reports ADD COLUMN county TEXT;
ALTER TABLE reports ADD COLUMN township TEXT;

-- 220: reviewers' decisions (`nianbao review`), kept apart from the parse so they survive every re-parse.
-- One row per (document content, code). A code is a codebook cell (`s4.review.total`) or a report field
-- (`report.status`, `report.body`, `report.year`, `report.division_code`). For a cell, action is `set` (value
-- is the value read off the source), `empty` (the source has no number there) or `confirm` (the parser's value
-- is what the source prints, even if the source breaks its own arithmetic); for a report field, `set`.
-- `value` and `parsed` have no declared type: numbers stay numbers and names stay text. `parsed` is what the
-- parser gave when the decision was made, so a later parser that reads something else is noticed.
CREATE TABLE corrections (
  sha256       TEXT NOT NULL,
  code         TEXT NOT NULL,
  action       TEXT NOT NULL CHECK (action IN ('set', 'empty', 'confirm')),
  value,
  parsed,
  note         TEXT,
  reviewer     TEXT NOT NULL,
  corrected_at TEXT NOT NULL,
  PRIMARY KEY (sha256, code)
) WITHOUT ROWID;

-- The crawl loop claims the oldest pending rows: an index in (state, rowid) order keeps that a bounded read
-- however large the frontier grows (see crawlers/frontier.ts claim).
CREATE INDEX IF NOT EXISTS frontier_pending_order ON frontier (state);

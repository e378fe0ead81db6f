-- 202: automatic retries of transient extraction failures (time-outs, a missing converter, a crashed worker).
-- Such a failure is extracted again by the next runs until `attempts` reaches the limit; other failures are
-- final for their extractor version (unless `--retry-failed`).
ALTER TABLE extractions ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
ALTER TABLE extractions ADD COLUMN retryable INTEGER NOT NULL DEFAULT 0;

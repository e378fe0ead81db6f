/**
 * Extraction worker process (forked by the extract stage's WorkerPool): reads the raw bytes, runs
 * `extract()`, writes the document model JSON atomically and answers with a small summary.
 */
import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { extract } from '../../extractors/index.ts';
import { serveJobs } from './worker-protocol.ts';
import type { ExtractDone, ExtractJob } from './extract-job.ts';

serveJobs<ExtractJob, ExtractDone>(async (job) => {
  const started = Date.now();
  const bytes = readFileSync(job.blobPath);
  const { value, warnings } = await extract(bytes, { fileName: job.fileName, contentType: job.contentType }, { timeoutMs: job.timeoutMs });
  const json = JSON.stringify(value);
  mkdirSync(dirname(job.outPath), { recursive: true });
  const tmp = `${job.outPath}.${process.pid}.tmp`;
  writeFileSync(tmp, json);
  renameSync(tmp, job.outPath);
  return {
    format: value.format, pages: value.pages ?? null, ocr: value.ocr ?? false, warnings,
    modelBytes: Buffer.byteLength(json), ms: Date.now() - started,
  };
});

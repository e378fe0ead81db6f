import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDocument, tempStore } from '../store/fixture-db.ts';
import { runPipeline, type RunPlan } from '../../src/pipeline/run.ts';
import { DEFAULT_PARSER } from '../../src/pipeline/context.ts';
import { openDb } from '../../src/store/db.ts';
import type { Config } from '../../src/pipeline/config.ts';
import { fileURLToPath } from 'node:url';
import { runExtractStage } from '../../src/pipeline/extract-stage.ts';
import { pendingExtractions } from '../../src/store/extractions.ts';
import type { PipelineError } from '../../src/model/errors.ts';
import { quietIo, seed, SEED_A, SEED_B, testConfig } from './helpers.ts';

const OFFLINE = (dir: string): RunPlan => ({ command: 'run', extract: {}, parse: {}, export: { dir, bom: true } });

/** A temp store with the two seed reports as documents; returns the run configuration over it. */
function twoSeeds(t: { after(fn: () => void): void }): Config {
  const store = tempStore();
  t.after(() => store.cleanup());
  addDocument(store, seed(SEED_A));
  addDocument(store, seed(SEED_B));
  store.db.close();
  return testConfig(store);
}

function dump(dbPath: string): unknown {
  const db = openDb(dbPath);
  try {
    return ['extractions', 'reports', 'cells', 'checks', 'report_warnings'].map((t) => db.prepare(`SELECT * FROM ${t}`).all());
  } finally {
    db.close();
  }
}

test('a run over stored documents extracts, parses, stores and exports; a second run does nothing', async (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const a = addDocument(store, seed(SEED_A), { url: 'http://127.0.0.1/a/report.txt', title: '牛屯镇2023年政府信息公开工作年度报告' });
  addDocument(store, seed(SEED_A), { url: 'http://127.0.0.1/a/copy.txt' });
  addDocument(store, seed(SEED_B), { url: 'http://127.0.0.1/b/report.txt' });
  const junk = addDocument(store, Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 9, 0, 1]), { url: 'http://127.0.0.1/c/x.bin', ext: 'bin', contentType: 'application/octet-stream' });
  const notice = addDocument(store, '关于开展植树活动的通知\n\n各村：请于三月十二日前报名。\n', { url: 'http://127.0.0.1/d/notice.txt' });
  store.db.close();
  const config = testConfig(store);
  const out = join(store.dir, 'csv');

  const first = await runPipeline(config, OFFLINE(out), quietIo());
  assert.equal(first.extract?.pending, 4, 'one extraction per distinct content');
  assert.equal(first.extract?.ok, 3);
  assert.equal(first.extract?.failed, 1);
  assert.equal(first.parse?.parsed, 4);
  assert.equal(first.parse?.created, 4);
  assert.equal(first.parse!.byStatus.failed, 1);
  assert.equal(first.parse!.byStatus.not_report, 1);
  assert.equal(first.parse!.byStatus.ok + first.parse!.byStatus.flagged, 2);
  assert.equal(first.exitCode, 1, 'a document failed');
  assert.equal(first.status, 'failed');
  assert.deepEqual(Object.keys(first.failedByReason).length, 1);

  const db = openDb(config.db);
  const rep = db.prepare('SELECT * FROM reports WHERE sha256 = ?').get(a) as Record<string, unknown>;
  assert.equal(rep.body, '牛屯镇');
  assert.equal(rep.year, 2023);
  assert.equal(rep.template, 't2021');
  assert.equal(rep.source_url, 'http://127.0.0.1/a/report.txt');
  assert.deepEqual([rep.division_code, rep.province, rep.county], ['410526105', '河南省', '滑县'], 'division resolved');
  assert.equal(db.prepare('SELECT status FROM reports WHERE sha256 = ?').pluck().get(notice), 'not_report');
  const failed = db.prepare('SELECT status, error_code FROM reports WHERE sha256 = ?').get(junk) as Record<string, unknown>;
  assert.equal(failed.status, 'failed');
  assert.ok(failed.error_code, 'the extraction error code is kept');
  assert.equal(db.prepare("SELECT status FROM runs").pluck().get(), 'failed');
  assert.equal(db.prepare('SELECT COUNT(*) FROM run_lock').pluck().get(), 0, 'lock released');
  db.close();
  const csv = readFileSync(join(out, 'reports.csv'), 'utf8');
  assert.equal(csv.split('\n').filter(Boolean).length, 5, 'header + 4 reports');
  assert.ok(csv.includes('牛屯镇'));

  const before = dump(config.db);
  const second = await runPipeline(config, OFFLINE(out), quietIo());
  assert.equal(second.extract?.pending, 0);
  assert.equal(second.parse?.pending, 0);
  assert.equal(second.exitCode, 0);
  assert.deepEqual(dump(config.db), before, 'a second run changes nothing');
});

test('reparse after a parser version bump re-parses stored extractions without raw bytes or network', async (t) => {
  const config = twoSeeds(t);
  await runPipeline(config, { command: 'run', extract: {}, parse: {} }, quietIo());
  rmSync(config.blobsDir, { recursive: true, force: true });
  const bumped = { ...DEFAULT_PARSER, version: `${DEFAULT_PARSER.version}-bumped` };
  const s = await runPipeline(config, { command: 'reparse', extract: {}, parse: {} }, { ...quietIo(), parser: bumped });
  assert.equal(s.extract?.pending, 0, 'nothing re-extracted');
  assert.equal(s.parse?.reparsed, 2);
  assert.equal(s.parse?.created, 0);
  assert.equal(s.parse?.changed, 0, 'same parser code: same values');
  const db = openDb(config.db);
  assert.deepEqual(db.prepare('SELECT DISTINCT parser_version FROM reports').pluck().all(), [bumped.version]);
  db.close();
});

test('an aborted run stops before the next document and the next run resumes', async (t) => {
  const config = twoSeeds(t);
  const ac = new AbortController();
  ac.abort();
  const s = await runPipeline(config, { command: 'run', extract: {}, parse: {} }, quietIo(ac.signal));
  assert.equal(s.status, 'interrupted');
  assert.equal(s.store.pendingExtract, 2);
  const next = await runPipeline(config, { command: 'run', extract: {}, parse: {} }, quietIo());
  assert.equal(next.extract?.ok, 2);
  assert.equal(next.parse?.parsed, 2);
  assert.ok(existsSync(config.extractedDir));
});

test('a failed extraction is recorded, and --retry-failed re-extracts and re-parses it', async (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const sha = addDocument(store, seed(SEED_A));
  store.db.close();
  const config = testConfig(store);
  const blob = join(config.blobsDir, sha.slice(0, 2), sha);
  const bytes = readFileSync(blob);
  rmSync(blob);
  const first = await runPipeline(config, { command: 'run', extract: {}, parse: {} }, quietIo());
  assert.deepEqual(first.failedByReason, { 'blob.missing': 1 });
  assert.equal(first.parse?.byStatus.failed, 1);
  writeFileSync(blob, bytes);
  const plain = await runPipeline(config, { command: 'run', extract: {}, parse: {} }, quietIo());
  assert.equal(plain.extract?.pending, 0, 'a failure is final for this extractor version unless retried');
  const retry = await runPipeline(config, { command: 'run', extract: { retryFailed: true }, parse: {} }, quietIo());
  assert.equal(retry.extract?.ok, 1);
  assert.equal(retry.parse?.reparsed, 1);
  assert.equal(retry.parse?.changed, 1);
  assert.equal(retry.store.reports.ok, 1);
  assert.equal(retry.exitCode, 0);
});

test('workers that cannot start stop the stage (exit 4), not mark every document failed for good', async (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  for (let i = 0; i < 8; i++) addDocument(store, `文档 ${i}`);
  const config = testConfig(store, { workers: 1 });
  const ctx = {
    db: store.db, blobs: store.blobs, config, runId: 'r', progress: quietIo().progress, signal: new AbortController().signal,
    parser: DEFAULT_PARSER, resolver: null, extractorVersion: 'e-test',
  };
  const workerScript = fileURLToPath(new URL('../fixtures/pipeline/broken-worker.ts', import.meta.url));
  await assert.rejects(runExtractStage(ctx, { workerScript }), (e: PipelineError) => e.code === 'extract.workers_broken');
  const rows = store.db.prepare('SELECT error_code, retryable FROM extractions').all() as { error_code: string; retryable: number }[];
  assert.equal(rows.length, 5);
  assert.ok(rows.every((r) => r.error_code === 'worker.crashed' && r.retryable === 1));
  assert.equal(pendingExtractions(store.db, 'e-test').length, 8, 'all of them are tried again next run');
});

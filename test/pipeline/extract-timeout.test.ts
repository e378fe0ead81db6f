/**
 * One extraction time limit, honoured everywhere: `extractTimeoutSec` is the extractors' own deadline inside
 * the worker (their typed error and clean-up come first), the pool's kill only a backstop after it; and
 * `nianbao parse --extract-timeout` uses the same setting.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runExtractStage, killAfterMs } from '../../src/pipeline/extract-stage.ts';
import { DEFAULT_OPTIONS } from '../../extractors/index.ts';
import { addDocument, tempStore } from '../store/fixture-db.ts';
import { fixture } from '../extractors/helpers.ts';
import { testConfig } from './helpers.ts';
import { createProgress } from '../../src/pipeline/progress.ts';
import { DEFAULT_PARSER } from '../../src/pipeline/context.ts';
import type { StageContext } from '../../src/pipeline/context.ts';

const BIN = fileURLToPath(new URL('../../bin/nianbao.mjs', import.meta.url));

test('the extract stage gives the document its time limit; the extractors enforce it themselves', { timeout: 120_000 }, async (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const sha = addDocument(store, fixture('formats/report-scan.pdf'), { ext: 'pdf', contentType: 'application/pdf' });
  const config = testConfig(store, { extractTimeoutSec: 1 });
  const ctx: StageContext = {
    db: store.db, blobs: store.blobs, config, runId: 'r', progress: createProgress('quiet'), signal: new AbortController().signal,
    parser: DEFAULT_PARSER, resolver: null, extractorVersion: 'test',
  };
  const stats = await runExtractStage(ctx);
  assert.equal(stats.failed, 1);
  const row = store.db.prepare('SELECT error_code, error_message FROM extractions WHERE sha256 = ?').get(sha) as { error_code: string; error_message: string };
  assert.equal(row.error_code, 'extract.timeout');
  assert.match(row.error_message, /took longer than 1000 ms/, 'the extractor\'s own deadline, not the pool\'s kill');
  assert.ok(killAfterMs(600) > 600_000, 'the pool kills only after the document\'s own limit');
  assert.equal(DEFAULT_OPTIONS.timeoutMs, 300_000, 'the extractors\' default is the documented 300 s');
});

test('nianbao parse honours --extract-timeout and NIANBAO_EXTRACT_TIMEOUT', { timeout: 120_000 }, () => {
  const scan = fileURLToPath(new URL('../fixtures/extractors/formats/report-scan.pdf', import.meta.url));
  const flag = spawnSync(process.execPath, [BIN, 'parse', '--jsonl', '--extract-timeout', '0.5', scan], { encoding: 'utf8' });
  assert.equal(JSON.parse(flag.stdout).errorCode, 'extract.timeout');
  const env = spawnSync(process.execPath, [BIN, 'parse', '--jsonl', scan], { encoding: 'utf8', env: { ...process.env, NIANBAO_EXTRACT_TIMEOUT: '0.5' } });
  assert.match(JSON.parse(env.stdout).error, /longer than 500 ms/);
});

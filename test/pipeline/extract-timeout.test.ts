/**
 * One extraction time limit, honoured everywhere: `extractTimeoutSec` is the extractors' own deadline inside
 * the worker (their typed error and clean-up come first), the pool's kill only a backstop after it; and
 * `nianbao parse --extract-timeout` uses the same setting.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
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

test('nianbao parse honours --extract-timeout and NIANBAO_EXTRACT_TIMEOUT', { timeout: 120_000 }, async () => {
  const scan = fileURLToPath(new URL('../fixtures/extractors/formats/report-scan.pdf', import.meta.url));
  const parse = (args: string[], env: NodeJS.ProcessEnv = {}) => new Promise<{ errorCode?: string; error?: string }>((resolve) => {
    let out = '';
    const child = spawn(process.execPath, [BIN, 'parse', '--jsonl', ...args, scan], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('exit', () => resolve(JSON.parse(out)));
  });
  const [flag, env] = await Promise.all([parse(['--extract-timeout', '0.5']), parse([], { NIANBAO_EXTRACT_TIMEOUT: '0.4' })]);
  assert.equal(flag.errorCode, 'extract.timeout');
  assert.match(flag.error!, /longer than 500 ms/);
  assert.match(env.error!, /longer than 400 ms/);
});

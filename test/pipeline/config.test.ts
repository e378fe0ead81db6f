import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, PROJECT_DIR } from '../../src/pipeline/config.ts';
import { ConfigError } from '../../src/model/errors.ts';

function dir(t: { after(fn: () => void): void }): string {
  const d = mkdtempSync(join(tmpdir(), 'nianbao-config-'));
  t.after(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

test('defaults live under the project folder', () => {
  const c = loadConfig({ env: {}, cwd: '/' });
  assert.equal(c.dataDir, join(PROJECT_DIR, 'data/out'));
  assert.equal(c.db, join(PROJECT_DIR, 'data/out/nianbao.sqlite'));
  assert.equal(c.blobsDir, join(PROJECT_DIR, 'data/out/raw'));
  assert.equal(c.exportDir, c.dataDir);
  assert.equal(c.bom, true);
  assert.ok(c.workers >= 1);
});

test('flags beat env, env beats the config file, the file beats defaults; paths resolve where they were written', (t) => {
  const d = dir(t);
  writeFileSync(join(d, 'nianbao.config.json'), JSON.stringify({ dataDir: 'file-data', workers: 3, bom: false, extractTimeoutSec: 60 }));
  const fileOnly = loadConfig({ env: {}, cwd: d });
  assert.deepEqual([fileOnly.dataDir, fileOnly.workers, fileOnly.bom, fileOnly.extractTimeoutSec], [join(d, 'file-data'), 3, false, 60]);
  assert.equal(fileOnly.configFile, join(d, 'nianbao.config.json'));
  const env = { NIANBAO_WORKERS: '5', NIANBAO_DATA_DIR: 'env-data', NIANBAO_BOM: '1' };
  const withEnv = loadConfig({ env, cwd: d });
  assert.deepEqual([withEnv.dataDir, withEnv.workers, withEnv.bom], [join(d, 'env-data'), 5, true]);
  const withFlags = loadConfig({ env, cwd: d, flags: { workers: '2', dataDir: '/abs/flag' } });
  assert.deepEqual([withFlags.dataDir, withFlags.workers, withFlags.db], ['/abs/flag', 2, '/abs/flag/nianbao.sqlite']);
});

test('bad values and bad files are ConfigErrors that say what and where', (t) => {
  const d = dir(t);
  assert.throws(() => loadConfig({ env: { NIANBAO_WORKERS: '0' }, cwd: d }), (e: unknown) => e instanceof ConfigError && /workers/.test(e.message));
  assert.throws(() => loadConfig({ env: { NIANBAO_BOM: 'maybe' }, cwd: d }), /NIANBAO_BOM=maybe/);
  assert.throws(() => loadConfig({ env: { NIANBAO_LOG: 'loud' }, cwd: d }), /log/);
  assert.throws(() => loadConfig({ env: {}, cwd: d, flags: { config: 'missing.json' } }), (e: unknown) => e instanceof ConfigError && e.code === 'config.missing');
  writeFileSync(join(d, 'bad.json'), '{ "dataDir": ');
  assert.throws(() => loadConfig({ env: { NIANBAO_CONFIG: 'bad.json' }, cwd: d }), (e: unknown) => e instanceof ConfigError && e.code === 'config.unreadable');
  writeFileSync(join(d, 'typo.json'), JSON.stringify({ wrokers: 2 }));
  assert.throws(() => loadConfig({ env: {}, cwd: d, flags: { config: 'typo.json' } }), /wrokers|Unrecognized/);
});

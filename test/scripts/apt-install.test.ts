/**
 * scripts/apt-install.sh (called by setup.sh) waits for another apt or dpkg process to release its lock,
 * bounded, instead of failing at once. A fake apt-get on PATH stands in: locked for its first calls.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../scripts/apt-install.sh', import.meta.url));

/** A fake apt-get that answers "Could not get lock" for its first `locked` calls, then succeeds; logs its args. */
function fakeApt(dir: string, locked: number): string {
  const bin = join(dir, 'bin');
  const log = join(dir, 'calls.log');
  spawnSync('mkdir', ['-p', bin]);
  writeFileSync(join(bin, 'apt-get'), `#!/bin/sh
n=$(cat "${dir}/count" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > "${dir}/count"
echo "$*" >> "${log}"
if [ $n -le ${locked} ]; then echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)" >&2; exit 100; fi
exit 0
`);
  chmodSync(join(bin, 'apt-get'), 0o755);
  return bin;
}

function run(dir: string, bin: string, env: Record<string, string>) {
  return spawnSync('bash', [SCRIPT, 'r-base-core'], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...env } });
}

test('apt held by another process: setup waits and retries, then installs', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-apt-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const r = run(dir, fakeApt(dir, 2), { NIANBAO_APT_RETRY_SEC: '1', NIANBAO_APT_WAIT_SEC: '30' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /holds the lock; waiting/);
  const calls = readFileSync(join(dir, 'calls.log'), 'utf8').trim().split('\n');
  assert.equal(calls.length, 4, 'update twice refused, then update and install');
  assert.match(calls[3]!, /-o DPkg::Lock::Timeout=30 install -y -qq --no-install-recommends r-base-core/);
});

test('a lock that is never released: setup gives up after the bound, with a message', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-apt-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const r = run(dir, fakeApt(dir, 1000), { NIANBAO_APT_RETRY_SEC: '1', NIANBAO_APT_WAIT_SEC: '2' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /stayed locked for 2s; giving up/);
});

/**
 * LibreOffice runs in a process group of its own. Whether its worker is killed by the pool (time-out, close)
 * or orphaned by a `kill -9` of the run, soffice must not survive it, nor its `nianbao-lo-*` profile; what an
 * earlier crash left behind is cleaned at the next start. A fake soffice (a shell script that hangs) stands in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAlive } from '../../extractors/process-tree.ts';
import { cleanStale } from '../../extractors/temp-files.ts';
import { EXTRACT_WORKER } from '../../src/pipeline/extract-job.ts';
import { WorkerPool } from '../../src/pipeline/worker-pool.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const DOC = join(FIXTURES, 'extractors/formats/report.doc');
const DRIVER = join(FIXTURES, 'pipeline/extract-driver.ts');

interface Sandbox {
  dir: string;
  tmp: string;
  pids: string;
  env: NodeJS.ProcessEnv;
  cleanup(): void;
}

/** A temp folder for the workers (TMPDIR) and a PATH whose `soffice` is the fake. */
function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cleanup-test-'));
  const bin = join(dir, 'bin');
  const tmp = join(dir, 'tmp');
  mkdirSync(bin);
  mkdirSync(tmp);
  symlinkSync(join(FIXTURES, 'pipeline/fake-soffice.sh'), join(bin, 'soffice'));
  const pids = join(dir, 'soffice.pids');
  const env = { PATH: `${bin}:${process.env.PATH}`, TMPDIR: tmp, NIANBAO_FAKE_SOFFICE_PIDS: pids };
  return { dir, tmp, pids, env, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function until<T>(what: string, f: () => T | undefined | false, ms = 60_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const v = f();
    if (v) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}

const sofficePid = (s: Sandbox) => () => existsSync(s.pids) && Number(readFileSync(s.pids, 'utf8').trim().split('\n')[0]);
const leftovers = (s: Sandbox) => readdirSync(s.tmp).filter((n) => n.startsWith('nianbao-'));

test('a worker killed by the pool takes its soffice (own process group) and its profile with it', { timeout: 120_000 }, async () => {
  const s = sandbox();
  try {
    const pool = new WorkerPool({ script: fileURLToPath(EXTRACT_WORKER), size: 1, timeoutMs: 600_000, env: s.env });
    const job = pool.run({ sha256: 'x', blobPath: DOC, outPath: join(s.dir, 'out.json'), fileName: 'report.doc' });
    const pid = await until('soffice to start', sofficePid(s));
    assert.ok(leftovers(s).some((n) => n.startsWith('nianbao-lo-')), 'the profile exists while soffice runs');
    const closed = assert.rejects(job, { code: 'worker.closed' });
    await pool.close();
    await closed;
    await until('soffice to die', () => !isAlive(pid), 10_000);
    assert.deepEqual(leftovers(s), [], 'no nianbao-* temp folder left');
  } finally {
    s.cleanup();
  }
});

test('kill -9 of the run: the orphaned worker kills its soffice and removes its profile as it exits', { timeout: 120_000 }, async () => {
  const s = sandbox();
  try {
    const driver = spawn(process.execPath, ['--import', 'tsx', DRIVER, DOC, join(s.dir, 'out.json')], {
      env: { ...process.env, ...s.env }, stdio: 'ignore',
    });
    const pid = await until('soffice to start', sofficePid(s));
    driver.kill('SIGKILL');
    await until('soffice to die', () => !isAlive(pid), 20_000);
    await until('the profile to go', () => leftovers(s).length === 0, 10_000);
  } finally {
    s.cleanup();
  }
});

test('at start, profiles of dead processes are removed and the converters still using them killed', { timeout: 30_000 }, async () => {
  const s = sandbox();
  try {
    const gone = spawn('true');
    await new Promise((r) => gone.on('exit', r));
    const stale = join(s.tmp, `nianbao-lo-${gone.pid}-1-abc`);
    const mine = join(s.tmp, `nianbao-lo-${process.pid}-1-abc`);
    mkdirSync(stale);
    mkdirSync(mine);
    const orphan = spawn('sh', ['-c', 'sleep 300; :', 'soffice', `-env:UserInstallation=file://${stale}`], { detached: true, stdio: 'ignore' });
    await until('the orphan to start', () => isAlive(orphan.pid!));
    assert.deepEqual(cleanStale(s.tmp), [stale]);
    await until('the orphan to die', () => !isAlive(orphan.pid!) || (orphan.exitCode !== null || orphan.signalCode !== null), 10_000);
    assert.deepEqual(leftovers(s), [`nianbao-lo-${process.pid}-1-abc`], 'a live owner keeps its folder');
  } finally {
    s.cleanup();
  }
});

// The JavaScript bundle of the CLI (scripts/build): when it counts as fresh, and that it behaves as the TypeScript does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
// @ts-expect-error plain JavaScript module without types
import { build } from '../../../scripts/build/build.mjs';
// @ts-expect-error plain JavaScript module without types
import { staleReason } from '../../../scripts/build/fresh.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin/nianbao.mjs');
const SEED = join(ROOT, 'test/fixtures/seeds/000_8a12988f6534bb3e.txt');

function fakeBuild(): { repo: string; dist: string; file: string } {
  const repo = mkdtempSync(join(tmpdir(), 'nianbao-fresh-'));
  const dist = join(repo, 'dist');
  mkdirSync(join(repo, 'src'), { recursive: true });
  mkdirSync(dist);
  const file = join(repo, 'src/a.ts');
  writeFileSync(file, 'export const a = 1;\n');
  const { size, mtimeMs } = statSync(file);
  const sha256 = createHash('sha256').update('export const a = 1;\n').digest('hex');
  writeFileSync(join(dist, 'build-info.json'), JSON.stringify({ inputs: { 'src/a.ts': { size, mtimeMs, sha256 } } }));
  return { repo, dist, file };
}

test('fresh: a build is used only while every source it was built from is unchanged', () => {
  const { repo, dist, file } = fakeBuild();
  try {
    assert.equal(staleReason(dist, repo), null);
    // A checkout rewrites the file with the same bytes: the mtime moves, the hash still matches.
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.equal(staleReason(dist, repo), null);
    writeFileSync(file, 'export const a = 2;\n');
    assert.equal(staleReason(dist, repo), 'src/a.ts changed');
    rmSync(file);
    assert.equal(staleReason(dist, repo), 'src/a.ts is gone');
    rmSync(join(dist, 'build-info.json'));
    assert.equal(staleReason(dist, repo), 'no build');
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});

test('the bundle prints the same help and parses a report as the TypeScript does', async () => {
  // Inside the checkout (git-ignored .tmp/), so the bundle finds node_modules as dist/ does.
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const out = mkdtempSync(join(ROOT, '.tmp/build-test-'));
  try {
    const n = await build(join(out, 'dist'));
    assert.ok(n > 50, `bundled ${n} files`);
    assert.equal(staleReason(join(out, 'dist'), ROOT), null);
    const runner = `const { main } = await import(${JSON.stringify(pathToFileURL(join(out, 'dist/nianbao-cli.mjs')).href)}); process.exitCode = await main(['node', 'nianbao', ...process.argv.slice(1)]);`;
    const bundled = (...args: string[]) => spawnSync(process.execPath, ['--input-type=module', '-e', runner, '--', ...args], { encoding: 'utf8', cwd: ROOT });
    const source = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, NIANBAO_FROM_SOURCE: '1' } });
    const [hb, hs] = [bundled('--help'), source('--help')];
    assert.equal(hb.status, 0, hb.stderr);
    assert.equal(hb.stdout, hs.stdout);
    // parse reads data/codebook (a path computed from its module's own URL) and loads the extractors lazily.
    const [pb, ps] = [bundled('parse', '--jsonl', SEED), source('parse', '--jsonl', SEED)];
    assert.equal(pb.status, 0, pb.stderr);
    const [b, s] = [JSON.parse(pb.stdout), JSON.parse(ps.stdout)];
    assert.equal(b.template, 't2021');
    assert.deepEqual(b, s);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

#!/usr/bin/env node
// Runs every test/**/*.test.ts with node's built-in test runner (through tsx).
// Usage: node scripts/run-tests.mjs [filter-substring ...]
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawn } from 'node:child_process';

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'fixtures' || name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const filters = process.argv.slice(2);
const files = walk('test')
  .map((f) => relative('.', f))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
// The TAP output is passed through as it comes; its summary gives the closing line `N passed, N failed`.
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: ['inherit', 'pipe', 'inherit'],
  // The CLI children the tests spawn run the TypeScript (through tsx), never the dist/ bundle.
  env: { ...process.env, NODE_NO_WARNINGS: '1', NIANBAO_FROM_SOURCE: '1' },
});
let tail = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  tail = (tail + chunk.toString()).slice(-4000);
});
child.on('close', (code, signal) => {
  const count = (name) => {
    const last = [...tail.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))].pop();
    return last ? Number(last[1]) : NaN;
  };
  const passed = count('pass');
  const failed = count('fail');
  if (Number.isFinite(passed) && Number.isFinite(failed)) console.log(`${passed} passed, ${failed} failed`);
  else console.log(`test run ended without a summary (${signal ?? `exit ${code}`})`);
  process.exit(code ?? 1);
});

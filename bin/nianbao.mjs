#!/usr/bin/env node
// Entry point for `npx nianbao …`. Runs the JavaScript bundle in dist/ (scripts/build/build.mjs, run by
// scripts/setup.sh) when it was built from the current sources; otherwise (no build, a source changed since,
// or NIANBAO_FROM_SOURCE=1) the TypeScript itself through tsx, so stale code never runs.
import { staleReason } from '../scripts/build/fresh.mjs';

const stale = process.env.NIANBAO_FROM_SOURCE === '1' ? 'NIANBAO_FROM_SOURCE=1' : staleReason();
let main;
if (stale === null) {
  ({ main } = await import('../dist/nianbao-cli.mjs'));
} else {
  if (stale !== 'no build' && process.stderr.isTTY && !process.env.NIANBAO_FROM_SOURCE) {
    process.stderr.write(`nianbao: the build in dist/ is out of date (${stale}); running from source (npm run build to rebuild)\n`);
  }
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);

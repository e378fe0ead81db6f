#!/usr/bin/env node
/**
 * `npm run build` (also run by scripts/setup.sh): bundles the CLI's TypeScript into plain JavaScript under
 * dist/ with esbuild, so `nianbao` starts without compiling TypeScript at every call. Idempotent: does nothing
 * when dist/ is already built from the current sources (`--force` builds anyway).
 *
 * Every output file lies flat in dist/, and each source module's `import.meta.url` is rewritten to the URL of
 * that source file (relative to dist/), so paths a module computes from its own location (data/codebook,
 * store/migrations, review/assets, the worker scripts) stay what they are under tsx. npm packages stay
 * external (loaded from node_modules). Heavy modules behind dynamic `import()` land in chunks of their own,
 * loaded only by the commands that need them.
 *
 * dist/build-info.json lists every source file the bundle was built from, with its size, mtime and sha256:
 * bin/nianbao.mjs runs the bundle only when all of them are unchanged (fresh.mjs), else the TypeScript
 * through tsx.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD_INFO, DIST_DIR, REPO_DIR, isFresh } from './fresh.mjs';

/** Entry points (output name → source). */
export const ENTRIES = { 'nianbao-cli': 'src/cli/main.ts' };

/** esbuild plugin: `import.meta.url` of each source module → the URL of that module's own source file. */
function sourceUrls(outDir) {
  return {
    name: 'nianbao-source-urls',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
        const rel = relative(outDir, args.path).split('\\').join('/');
        const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
        return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}

function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Builds dist/ (or `outDir`) from the sources; returns the number of source files bundled. */
export async function build(outDir = DIST_DIR) {
  const { build: esbuild, version } = await import('esbuild');
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const result = await esbuild({
    absWorkingDir: REPO_DIR,
    entryPoints: Object.entries(ENTRIES).map(([out, src]) => ({ out, in: src })),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    metafile: true,
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [sourceUrls(tmp)],
  });
  const inputs = {};
  for (const path of Object.keys(result.metafile.inputs).sort()) {
    const abs = join(REPO_DIR, path);
    const st = statSync(abs);
    inputs[path] = { size: st.size, mtimeMs: st.mtimeMs, sha256: sha256(abs) };
  }
  const info = { esbuild: version, node: process.version, builtAt: new Date().toISOString(), entries: ENTRIES, inputs };
  writeFileSync(join(tmp, BUILD_INFO), `${JSON.stringify(info, null, 1)}\n`);
  writeFileSync(join(tmp, 'package.json'), '{ "type": "module" }\n');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(dirname(outDir), { recursive: true });
  renameSync(tmp, outDir);
  return Object.keys(inputs).length;
}

async function main(argv) {
  const force = argv.includes('--force');
  if (!force && isFresh()) {
    if (!argv.includes('--quiet')) process.stderr.write('build: dist/ is up to date\n');
    return 0;
  }
  const t0 = performance.now();
  const n = await build();
  process.stderr.write(`build: bundled ${n} source files into ${relative(REPO_DIR, DIST_DIR)}/ in ${Math.round(performance.now() - t0)} ms\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2)).catch((e) => {
    process.stderr.write(`build: ${e?.stack ?? e}\n`);
    return 1;
  });
}


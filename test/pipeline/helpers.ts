/** Shared set-up for pipeline tests: a config over a temp store, quiet progress, seed documents. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../../src/pipeline/config.ts';
import { createProgress } from '../../src/pipeline/progress.ts';
import type { RunIo } from '../../src/pipeline/run.ts';
import type { TestStore } from '../store/fixture-db.ts';

const SEEDS = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));

/** A seed report (plain text, parsed by the lead's seed tests) as bytes. */
export function seed(name: string): Buffer {
  return readFileSync(join(SEEDS, name));
}

export const SEED_A = '004_6e18e055b7681b91.txt';
export const SEED_B = '000_8a12988f6534bb3e.txt';

export function testConfig(store: TestStore, over: Record<string, unknown> = {}): Config {
  return loadConfig({
    env: {}, cwd: store.dir,
    flags: { dataDir: store.dir, workers: 2, extractTimeoutSec: 120, log: 'quiet', ...over },
  });
}

export function quietIo(signal: AbortSignal = new AbortController().signal): RunIo {
  return { progress: createProgress('quiet'), signal };
}

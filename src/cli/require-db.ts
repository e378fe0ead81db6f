/**
 * Commands that read a database (export, status, extract, reparse, coverage) never create one: a missing
 * database is a usage error (exit 2) naming the path and how to point at another one, the demo's included.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from '../model/errors.ts';
import { PROJECT_DIR } from '../pipeline/config.ts';

export function requireDatabase(config: { db: string; dataDir: string }): void {
  if (config.db === ':memory:' || existsSync(config.db)) return;
  const demos = [join(dirname(config.db), 'demo.sqlite'), join(config.dataDir, 'demo.sqlite'), join(PROJECT_DIR, 'data/out/demo.sqlite')];
  const demo = demos.find((p) => existsSync(p));
  const hint = demo
    ? `the demo's database is ${demo}: add --db ${demo} (or set NIANBAO_DB)`
    : 'point at an existing one with --db PATH or NIANBAO_DB (`npm run demo` writes data/out/demo.sqlite)';
  throw new ConfigError('store.missing', `no database at ${config.db}: \`nianbao run\` creates it; ${hint}`);
}

/**
 * Pipeline configuration. Precedence: command-line flags > environment (NIANBAO_*) > config file
 * (nianbao.config.json, or --config / NIANBAO_CONFIG) > defaults. Validated with zod; a bad value is a
 * ConfigError naming where it came from. Relative paths: flags and env against the working directory,
 * config-file values against the file's folder, defaults against the project folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError } from '../model/errors.ts';

export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const CONFIG_FILE_NAME = 'nianbao.config.json';

const LOG_MODES = ['auto', 'tty', 'json', 'quiet'] as const;
export type LogMode = (typeof LOG_MODES)[number];

const Schema = z
  .object({
    dataDir: z.string().min(1),
    db: z.string().min(1).optional(),
    blobsDir: z.string().min(1).optional(),
    extractedDir: z.string().min(1).optional(),
    exportDir: z.string().min(1).optional(),
    sites: z.string().min(1),
    workers: z.coerce.number().int().min(1).max(64),
    extractTimeoutSec: z.coerce.number().positive().max(24 * 3600),
    userAgent: z.string().min(1).optional(),
    contact: z.string().min(1).optional(),
    bom: z.boolean(),
    log: z.enum(LOG_MODES),
  })
  .strict();

export type ConfigInput = Partial<z.input<typeof Schema>>;

export interface Config {
  dataDir: string;
  db: string;
  blobsDir: string;
  extractedDir: string;
  exportDir: string;
  sites: string;
  workers: number;
  extractTimeoutSec: number;
  userAgent?: string;
  contact?: string;
  bom: boolean;
  log: LogMode;
  /** The config file that was read, if any. */
  configFile?: string;
}

/** Environment variable → config key. */
export const ENV_KEYS: Record<string, keyof ConfigInput> = {
  NIANBAO_DATA_DIR: 'dataDir', NIANBAO_DB: 'db', NIANBAO_BLOBS_DIR: 'blobsDir',
  NIANBAO_EXTRACTED_DIR: 'extractedDir', NIANBAO_EXPORT_DIR: 'exportDir', NIANBAO_SITES: 'sites',
  NIANBAO_WORKERS: 'workers', NIANBAO_EXTRACT_TIMEOUT: 'extractTimeoutSec', NIANBAO_USER_AGENT: 'userAgent',
  NIANBAO_CONTACT: 'contact', NIANBAO_BOM: 'bom', NIANBAO_LOG: 'log',
};

const PATH_KEYS = ['dataDir', 'db', 'blobsDir', 'extractedDir', 'exportDir', 'sites'] as const;

export function defaults(): ConfigInput {
  return {
    dataDir: join(PROJECT_DIR, 'data/out'), sites: join(PROJECT_DIR, 'data/sites/sites.csv'), workers: availableParallelism(),
    extractTimeoutSec: 300, bom: true, log: 'auto',
  };
}

function boolFromEnv(name: string, v: string): boolean {
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  throw new ConfigError('config.invalid', `${name}=${v}: expected true/false (or 1/0)`);
}

export function fromEnv(env: NodeJS.ProcessEnv, cwd: string): ConfigInput {
  const out: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const v = env[name];
    if (v === undefined || v === '') continue;
    out[key] = key === 'bom' ? boolFromEnv(name, v) : v;
  }
  return resolvePaths(out, cwd);
}

function resolvePaths(input: Record<string, unknown>, base: string): ConfigInput {
  for (const k of PATH_KEYS) if (typeof input[k] === 'string') input[k] = resolve(base, input[k] as string);
  return input as ConfigInput;
}

function readConfigFile(path: string): ConfigInput {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ConfigError('config.unreadable', `cannot read config file ${path}: ${(e as Error).message}`, { cause: e });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError('config.invalid', `${path}: expected a JSON object`);
  }
  return resolvePaths({ ...(raw as Record<string, unknown>) }, dirname(path));
}

function dropUndefined(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

export interface LoadConfigOptions {
  /** Values from command-line flags (already named like the config keys; undefined = not given). */
  flags?: ConfigInput & { config?: string };
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const { config: flagFile, ...flagValues } = options.flags ?? {};
  const explicit = flagFile ?? env.NIANBAO_CONFIG;
  const file = explicit ? resolve(cwd, explicit) : join(cwd, CONFIG_FILE_NAME);
  if (explicit && !existsSync(file)) throw new ConfigError('config.missing', `config file not found: ${file}`);
  const fromFile = existsSync(file) ? readConfigFile(file) : {};
  const merged = {
    ...defaults(), ...dropUndefined(fromFile), ...dropUndefined(fromEnv(env, cwd)),
    ...dropUndefined(resolvePaths({ ...flagValues }, cwd)),
  };
  const parsed = Schema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    const where = existsSync(file) ? ` (flags, NIANBAO_* variables or ${file})` : ' (flags or NIANBAO_* variables)';
    throw new ConfigError('config.invalid', `invalid configuration${where}:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    ...c,
    db: c.db ?? join(c.dataDir, 'nianbao.sqlite'),
    blobsDir: c.blobsDir ?? join(c.dataDir, 'raw'),
    extractedDir: c.extractedDir ?? join(c.dataDir, 'extracted'),
    exportDir: c.exportDir ?? c.dataDir,
    ...(existsSync(file) ? { configFile: file } : {}),
  };
}

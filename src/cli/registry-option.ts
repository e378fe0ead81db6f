/** `--registry both|db|file` of `nianbao run` and `nianbao crawl`: which site registry the crawl reads. */
import { ConfigError } from '../model/errors.ts';
import { REGISTRY_MODES, type RegistryMode } from '../registry/combine.ts';

export const REGISTRY_HELP =
  'sites to crawl: both = the database registry (nianbao sites import; rows with status ok) plus the --sites file, ' +
  'a file row replacing the database row of the same id or division; db = only the database; file = only the file';

export function registryMode(v: string | undefined): RegistryMode {
  const m = (v ?? 'both') as RegistryMode;
  if (!REGISTRY_MODES.includes(m)) throw new ConfigError('config.bad_flag', `--registry ${v}: expected one of ${REGISTRY_MODES.join(', ')}`);
  return m;
}

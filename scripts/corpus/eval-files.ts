/** The labelled files of a corpus folder: every file with a `<file>.expected.json` next to it, any extension. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Expected } from './types.ts';

export function labelledFiles(dir: string): { path: string; name: string; expected: Expected }[] {
  return readdirSync(dir)
    .filter((f) => !f.endsWith('.expected.json') && existsSync(join(dir, `${f}.expected.json`)))
    .sort()
    .map((name) => ({ path: join(dir, name), name, expected: JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected }));
}

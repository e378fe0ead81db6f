/**
 * `npx tsx scripts/bench/profile-parse.ts [--n 200] [--passes 10]`: profiles only the parse passes (the
 * generated text and HTML reports are extracted first, unprofiled), writes bench/prof/parse.cpuprofile (open it
 * in Chrome DevTools) and prints the top functions by self and inclusive time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { extract } from '../../extractors/index.ts';
import type { DocumentModel } from '../../src/model/document.ts';
import { parseReport } from '../../src/parse/index.ts';
import { generateCorpus } from '../corpus/corpus.ts';
import { summarizeProfile, type CpuProfile } from './profile.ts';
import { fmtNum, formatTable } from './table.ts';

const OUT = fileURLToPath(new URL('../../bench/prof/', import.meta.url));

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { n: { type: 'string', default: '200' }, passes: { type: 'string', default: '10' } } });
  const models: DocumentModel[] = [];
  for (const format of ['txt', 'html'] as const) {
    for (const d of generateCorpus({ n: Number(values.n), seed: 11, formats: [format] })) {
      if (d.expected.error) continue;
      const m = (await extract(d.bytes, { fileName: d.name })).value;
      try {
        parseReport(m);
        models.push(m);
      } catch { /* not a report */ }
    }
  }
  for (let i = 0; i < 3; i++) for (const m of models) parseReport(m);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const t0 = performance.now();
  const passes = Number(values.passes);
  for (let i = 0; i < passes; i++) for (const m of models) parseReport(m);
  const ms = performance.now() - t0;
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, 'parse.cpuprofile');
  writeFileSync(file, JSON.stringify(profile));
  const s = summarizeProfile(profile as unknown as CpuProfile);
  const rows = (xs: typeof s.self) => xs.map((r) => [fmtNum(r.ms), `${(r.share * 100).toFixed(1)}%`, r.name]);
  process.stdout.write(`${models.length * passes} parses in ${fmtNum(ms)} ms (${fmtNum((models.length * passes * 1000) / ms)} /s, profiler on)\n\n`);
  process.stdout.write(`self time\n${formatTable(['ms', 'share', 'function'], rows(s.self), ['right', 'right'])}\n\n`);
  process.stdout.write(`inclusive time\n${formatTable(['ms', 'share', 'function'], rows(s.inclusive), ['right', 'right'])}\n\nprofile: ${file}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main(process.argv.slice(2));

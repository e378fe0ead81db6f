/**
 * CLI: `tsx scripts/corpus/generate.ts --out DIR [--n 200] [--seed 1] [--format txt|html]`
 * writes a labelled corpus (documents + `<file>.expected.json`). The module API lives in corpus.ts.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { generateCorpus, writeCorpus } from './corpus.ts';
import type { OutFormat } from './spec.ts';

export { generateCorpus, generateDoc, planFor, writeCorpus, EXPECTED_ERRORS, type GeneratedDoc, type DocPlan } from './corpus.ts';

export function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, n: { type: 'string', default: '200' }, seed: { type: 'string', default: '1' }, format: { type: 'string' } },
  });
  if (!values.out) {
    process.stderr.write('usage: generate.ts --out DIR [--n 200] [--seed 1] [--format txt|html]\n');
    return 2;
  }
  const formats = values.format ? [values.format as OutFormat] : undefined;
  const docs = generateCorpus({ n: Number(values.n), seed: Number(values.seed), formats });
  writeCorpus(values.out, docs);
  const bytes = docs.reduce((s, d) => s + d.bytes.byteLength, 0);
  process.stdout.write(`wrote ${docs.length} documents (${(bytes / 1024).toFixed(0)} KiB) to ${values.out}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));

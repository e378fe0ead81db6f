/**
 * A store for the review server's tests: a text report whose section 四 breaks R4.1 (flagged) and a small PDF
 * report (for page images), extracted and parsed by the real pipeline.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addDocument, tempStore } from '../store/fixture-db.ts';
import { quietIo, testConfig } from '../pipeline/helpers.ts';
import { runPipeline } from '../../src/pipeline/run.ts';
import type { Config } from '../../src/pipeline/config.ts';
import { openDb } from '../../src/store/db.ts';
import { flaggedReportText } from './helpers.ts';

const PDF = fileURLToPath(new URL('../fixtures/extractors/formats/report.pdf', import.meta.url));

export interface ReviewFixture {
  dir: string;
  config: Config;
  /** Report ids (pdf: null when left out). */
  flagged: number;
  pdf: number | null;
}

export async function reviewFixture(t: { after(fn: () => void): void }, options: { pdf?: boolean } = {}): Promise<ReviewFixture> {
  const store = tempStore();
  t.after(() => store.cleanup());
  const text = addDocument(store, flaggedReportText('某某镇人民政府2023年政府信息公开工作年度报告'), { url: 'http://127.0.0.1/a/report.txt' });
  const pdf = options.pdf === false ? null : addDocument(store, readFileSync(PDF), { url: 'http://127.0.0.1/b/report.pdf', ext: 'pdf', contentType: 'application/pdf' });
  store.db.close();
  const config = testConfig(store);
  await runPipeline(config, { command: 'run', extract: {}, parse: {} }, quietIo());
  const db = openDb(config.db);
  const id = (sha: string) => db.prepare('SELECT id FROM reports WHERE sha256 = ?').pluck().get(sha) as number;
  const out = { dir: store.dir, config, flagged: id(text), pdf: pdf === null ? null : id(pdf) };
  db.close();
  return out;
}

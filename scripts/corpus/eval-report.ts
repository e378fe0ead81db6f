/** Aggregates document scores into the eval figures and prints them as plain-text tables. */
import { addCounts, emptyCounts, type CellClass, type Counts, type DocScore } from './eval-score.ts';

export interface Row {
  group: string;
  docs: number;
  cells: Counts;
  accuracy: number | null;
}

export interface Ratio {
  ok: number;
  total: number;
}

export interface Figures {
  docs: number;
  overall: Row;
  bySource: Row[];
  byFormat: Row[];
  byTemplate: Row[];
  byDamage: Row[];
  byClass: Row[];
  detection: { template: Ratio; year: Ratio; body: Ratio; errors: { detected: number; exact: number; total: number }; unexpectedErrors: Record<string, number> };
  templateConfusion: Record<string, number>;
  ruleBreaks: { docs: number; breaks: number; detected: number };
  worst: { file: string; template: string; damage: string[]; wrong: number; missing: number; silent: number; extra: number; first: string[] }[];
  patterns: { pattern: string; count: number; silent: number; example: string }[];
  warnings: Record<string, number>;
}

function row(group: string, scores: DocScore[], pick: (s: DocScore) => Counts = (s) => s.cells): Row {
  const cells = emptyCounts();
  for (const s of scores) addCounts(cells, pick(s));
  return { group, docs: scores.length, cells, accuracy: cells.total > 0 ? cells.correct / cells.total : null };
}

function groupBy(scores: DocScore[], keys: (s: DocScore) => string[], prefix: string): Row[] {
  const groups = new Map<string, DocScore[]>();
  for (const s of scores) for (const k of keys(s)) groups.set(k, [...(groups.get(k) ?? []), s]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => row(`${prefix}${k}`, v));
}

function ratio(scores: DocScore[], pick: (s: DocScore) => boolean | null): Ratio {
  const xs = scores.map(pick).filter((x): x is boolean => x !== null);
  return { ok: xs.filter(Boolean).length, total: xs.length };
}

function tally(items: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of items) out[x] = (out[x] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}

/** The row a code belongs to (s3.result.withheld.state_secret.total → s3.result.withheld.state_secret). */
function rowOf(code: string): string {
  return code.startsWith('s2.') || code.startsWith('p.') ? code : code.replace(/\.[a-z_]+$/, '');
}

/** Worst-first order: a wrong or invented number costs more than a missing one. */
const badness = (s: DocScore): number => 2 * (s.cells.wrong + s.cells.extra) + s.cells.missing;

const fmtCell = (o: { code: string; expected: number | null; got: number | null }): string => `${o.code} exp ${o.expected ?? 'null'} got ${o.got ?? 'null'}`;

export function aggregate(scores: DocScore[]): Figures {
  const classes: CellClass[] = ['value', 'inferable', 'unrecoverable', 'absent'];
  const bad = scores.flatMap((s) => s.outcomes.filter((o) => o.status !== 'correct').map((o) => ({ s, o })));
  const patterns = new Map<string, { count: number; silent: number; example: string }>();
  for (const { s, o } of bad) {
    const key = `${rowOf(o.code)} ${o.status}${o.cls === 'value' ? '' : ` (${o.cls})`}`;
    const p = patterns.get(key) ?? { count: 0, silent: 0, example: `${s.file}: ${fmtCell(o)}` };
    p.count++; if (o.silent) p.silent++;
    patterns.set(key, p);
  }
  const reports = scores.filter((s) => !s.error);
  return {
    docs: scores.length,
    overall: row('overall', scores),
    bySource: groupBy(scores, (s) => [s.source], 'source='),
    byFormat: groupBy(scores, (s) => [s.format], 'format='),
    byTemplate: groupBy(scores, (s) => [s.template], 'template='),
    byDamage: groupBy(scores, (s) => (s.source === 'seed' ? ['(seeds)'] : s.damage.length ? s.damage : ['(none)']), 'damage='),
    byClass: classes.map((c) => row(`cells=${c}`, scores, (s) => s.byClass[c])),
    detection: {
      template: ratio(scores, (s) => s.templateOk), year: ratio(scores, (s) => s.yearOk), body: ratio(scores, (s) => s.bodyOk),
      errors: { detected: scores.filter((s) => s.error?.detected).length, exact: scores.filter((s) => s.error?.exact).length, total: scores.filter((s) => s.error).length },
      unexpectedErrors: tally(reports.flatMap((s) => (s.unexpectedError ? [s.unexpectedError] : []))),
    },
    templateConfusion: tally(reports.filter((s) => !s.templateOk).map((s) => `${s.template} → ${s.got.template}`)),
    ruleBreaks: {
      docs: scores.filter((s) => s.ruleBreaks.total > 0).length,
      breaks: scores.reduce((n, s) => n + s.ruleBreaks.total, 0),
      detected: scores.reduce((n, s) => n + s.ruleBreaks.detected, 0),
    },
    worst: [...scores]
      .filter((s) => s.cells.wrong + s.cells.missing + s.cells.extra > 0 || s.unexpectedError)
      .sort((a, b) => badness(b) - badness(a) || b.cells.silent - a.cells.silent)
      .slice(0, 10)
      .map((s) => ({
        file: s.file, template: s.template, damage: s.damage, wrong: s.cells.wrong, missing: s.cells.missing, silent: s.cells.silent, extra: s.cells.extra,
        first: [...(s.unexpectedError ? [`error ${s.unexpectedError}`] : []), ...s.outcomes.filter((o) => o.status !== 'correct').slice(0, 4).map(fmtCell)],
      })),
    patterns: [...patterns.entries()].map(([pattern, p]) => ({ pattern, ...p })).sort((a, b) => b.count - a.count).slice(0, 20),
    warnings: Object.fromEntries(Object.entries(tally(scores.flatMap((s) => s.warnings))).slice(0, 20)),
  };
}

const pct = (x: number | null): string => (x === null ? '   -  ' : `${(100 * x).toFixed(1).padStart(5)}%`);
const pad = (s: string | number, n: number): string => String(s).padStart(n);
const ratioText = (r: Ratio): string => `${r.ok}/${r.total} (${pct(r.total ? r.ok / r.total : null).trim()})`;

function table(rows: Row[]): string[] {
  const head = `${'group'.padEnd(30)}${pad('docs', 6)}${pad('cells', 8)}${pad('correct', 9)}${pad('missing', 9)}${pad('wrong', 7)}${pad('silent', 8)}${pad('extra', 7)}  accuracy`;
  return [head, ...rows.map((r) => `${r.group.padEnd(30)}${pad(r.docs, 6)}${pad(r.cells.total, 8)}${pad(r.cells.correct, 9)}${pad(r.cells.missing, 9)}${pad(r.cells.wrong, 7)}${pad(r.cells.silent, 8)}${pad(r.cells.extra, 7)}  ${pct(r.accuracy)}`)];
}

export function formatFigures(f: Figures): string {
  const d = f.detection;
  const lines = [
    ...table([f.overall, ...f.bySource]), '', ...table(f.byFormat), '', ...table(f.byTemplate), '', ...table(f.byDamage), '',
    ...table(f.byClass), '',
    `template detection: ${ratioText(d.template)}   year: ${ratioText(d.year)}   body: ${ratioText(d.body)}`,
    `non-reports / empty files: ${d.errors.detected}/${d.errors.total} reported an error, ${d.errors.exact}/${d.errors.total} with the expected code`,
    `errors on real reports: ${Object.keys(d.unexpectedErrors).length ? JSON.stringify(d.unexpectedErrors) : 'none'}`,
    `template confusion: ${Object.keys(f.templateConfusion).length ? JSON.stringify(f.templateConfusion) : 'none'}`,
    `rule breaks: ${f.ruleBreaks.detected}/${f.ruleBreaks.breaks} failed checks had all their cells flagged (${f.ruleBreaks.docs} documents)`,
    '', 'most common failures (row, status, count, silent, example):',
    ...f.patterns.map((p) => `  ${p.pattern.padEnd(60)} ${pad(p.count, 5)} ${pad(p.silent, 5)}  ${p.example}`),
    '', 'worst documents:',
    ...f.worst.flatMap((w) => [`  ${w.file} [${w.template}; ${w.damage.join(', ') || 'no damage'}] wrong ${w.wrong}, missing ${w.missing}, silent ${w.silent}, extra ${w.extra}`, ...w.first.map((x) => `      ${x}`)]),
    '', `parser warnings: ${JSON.stringify(f.warnings)}`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The pre-2019 figures: of the values the reports state (class `value`), how many read right, empty, wrong
 * (flagged or silent); of the codes they are silent on (`absent`), how many got a number anyway.
 */
export function formatPre2019(f: Figures): string {
  const stated = f.byClass.find((r) => r.group === 'cells=value')!;
  const silent = f.byClass.find((r) => r.group === 'cells=absent')!;
  const c = stated.cells;
  const lines = [
    `stated values: ${c.total}; right ${c.correct} (${pct(stated.accuracy).trim()}), empty ${c.missing}, wrong ${c.wrong} (${c.wrong - c.silent} flagged, ${c.silent} silent)`,
    `codes the reports are silent on: ${silent.cells.total}; given a number anyway ${silent.cells.wrong} (${silent.cells.wrong - silent.cells.silent} flagged, ${silent.cells.silent} silent)`,
    '', ...table(f.byFormat), '', ...table(f.byDamage), '',
    `template p2008: ${ratioText(f.detection.template)}   year: ${ratioText(f.detection.year)}   body: ${ratioText(f.detection.body)}`,
    `template confusion: ${Object.keys(f.templateConfusion).length ? JSON.stringify(f.templateConfusion) : 'none'}`,
    `errors: ${Object.keys(f.detection.unexpectedErrors).length ? JSON.stringify(f.detection.unexpectedErrors) : 'none'}`,
    `table/narrative conflicts: ${f.ruleBreaks.detected}/${f.ruleBreaks.breaks} flagged (${f.ruleBreaks.docs} documents)`,
    '', 'most common failures (code, status, count, silent, example):',
    ...f.patterns.map((p) => `  ${p.pattern.padEnd(60)} ${pad(p.count, 5)} ${pad(p.silent, 5)}  ${p.example}`),
    '', `parser warnings: ${JSON.stringify(f.warnings)}`,
  ];
  return `${lines.join('\n')}\n`;
}

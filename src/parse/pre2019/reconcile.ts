/**
 * Readings → one value per `p.*` code (spec/pre2019 README, rules 1–6):
 * - a table's value stands over the narrative's; where they disagree both are kept (the narrative's in the
 *   warning and the P.table_text check) and the cell is flagged;
 * - among sentences, a negation or count that names disclosure itself outranks one that only sits under a
 *   disclosure heading (全年行政复议5件，没有因政府信息公开引起的 → 0); equal values agree; different values
 *   keep the first read in the indicator's own section, flagged;
 * - a proactive figure stated only by channel is the channel's value and, flagged, the total's;
 * - glued digit runs take the split the narrative confirms, else stay empty.
 */
import type { Check } from '../../model/report.ts';
import { warn, type Message } from '../../model/result.ts';
import type { Reading } from './reading.ts';
import type { Topic } from './stream.ts';
import type { GluedRun } from './tables.ts';

/** The section where each indicator family is reported. */
const HOME: [RegExp, Topic][] = [
  [/^p\.(cum\.)?proactive|^p\.(cum\.)?normative/, 'proactive'],
  [/^p\.(cum\.)?(requests|responses|consultations)/, 'request'],
  [/^p\.(cum\.)?fees/, 'fees'],
  [/^p\.(cum\.)?(review|litigation|appeals|complaints)/, 'review'],
];

function home(code: string): Topic | null {
  return HOME.find(([re]) => re.test(code))?.[1] ?? null;
}

export interface Decided {
  reading: Reading;
  flagged: boolean;
}

/** Approximate narrative figures agree with a table value near them (余/多: at or above; 约/近: within 20%). */
function agrees(text: Reading, table: number): boolean {
  if (text.value === table) return true;
  if (text.kind !== 'approximate') return false;
  if (/[余多来]/.test(text.raw) || /逾|超过/.test(text.raw)) return table >= text.value && table < text.value * 1.5 + 10;
  return Math.abs(table - text.value) <= Math.max(2, 0.2 * text.value);
}

export function reconcile(readings: Reading[], glued: GluedRun[]): { decided: Map<string, Decided>; checks: Check[]; warnings: Message[] } {
  const warnings: Message[] = [];
  const checks: Check[] = [];
  const byCode = new Map<string, Reading[]>();
  for (const r of readings) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  resolveGlued(glued, byCode, warnings);
  const decided = new Map<string, Decided>();
  for (const [code, all] of byCode) {
    const table = all.filter((r) => r.origin === 'table').sort((a, b) => a.order - b.order);
    const text = all.filter((r) => r.origin === 'text').sort((a, b) => a.order - b.order);
    const said = text.length > 0 ? pickText(code, text, table.length > 0 ? [] : warnings) : null;
    if (table.length > 0) {
      const first = table[0]!;
      let flagged = first.doubt !== undefined;
      if (table.some((t) => t.value !== first.value)) {
        flagged = true;
        warnings.push(warn('p.table_conflict', `${code}: the tables print ${[...new Set(table.map((t) => t.value))].join(' and ')}; the first is kept`, { cell: code }));
      }
      if (said) {
        const t = said.reading;
        const ok = agrees(t, first.value);
        checks.push({ rule: 'P.table_text', column: code, status: ok ? 'pass' : 'fail', expected: t.value, actual: first.value, cells: [code] });
        if (!ok) {
          flagged = true;
          warnings.push(warn('p.table_text_conflict', `${code}: the table has ${first.value}, the text says 「${t.raw}」 (${t.evidence}); the table's value stands`, { cell: code }));
        }
      }
      decided.set(code, { reading: first, flagged });
      continue;
    }
    decided.set(code, said!);
  }
  totalFromChannel(decided, warnings);
  return { decided, checks, warnings };
}

function pickText(code: string, text: Reading[], warnings: Message[]): Decided {
  // Rule 3: a statement naming disclosure itself outranks one that only sits under a disclosure heading.
  const explicit = text.filter((t) => t.explicit);
  const scoped = /^p\.(cum\.)?(review|litigation|appeals|review_litigation)/.test(code) && explicit.length > 0 ? explicit : text;
  const own = scoped.filter((t) => t.topic === home(code));
  const pool = own.length > 0 ? own : scoped;
  const values = new Set(scoped.map((t) => t.value));
  const first = pool[0]!;
  if (values.size > 1) {
    warnings.push(warn('p.text_conflict', `${code}: the text gives ${[...values].join(', ')}; 「${first.raw}」 is kept`, { cell: code }));
    return { reading: first, flagged: true };
  }
  const best = pool.find((t) => t.doubt === undefined && t.kind !== 'approximate') ?? pool.find((t) => t.doubt === undefined) ?? first;
  return { reading: best, flagged: best.doubt !== undefined };
}

/** Rule 6: a proactive figure stated only by channel is the channel's; as the total it is doubtful. */
function totalFromChannel(decided: Map<string, Decided>, warnings: Message[]): void {
  for (const prefix of ['p.', 'p.cum.']) {
    const total = `${prefix}proactive.total`;
    const site = decided.get(`${prefix}proactive.by_channel.website`);
    if (decided.has(total) || !site || site.reading.origin !== 'text') continue;
    const others = ['gazette', 'weibo', 'weixin', 'other'].some((c) => decided.has(`${prefix}proactive.by_channel.${c}`));
    if (others) continue;
    decided.set(total, { reading: { ...site.reading, code: total, doubt: 'p.total_from_channel' }, flagged: true });
    warnings.push(warn('p.total_from_channel', `${total}: only a channel figure is given (「${site.reading.raw}」); taken as the total, flagged`, { cell: total }));
  }
}

function resolveGlued(glued: GluedRun[], byCode: Map<string, Reading[]>, warnings: Message[]): void {
  for (const g of glued) {
    const told = (byCode.get(g.code) ?? []).filter((r) => r.origin === 'text' && r.kind !== 'approximate').map((r) => r.value);
    const toldCum = (byCode.get(g.cumCode) ?? []).filter((r) => r.origin === 'text' && r.kind !== 'approximate').map((r) => r.value);
    const fits = g.splits.filter(([y, c]) => (told.length === 0 || told.includes(y!)) && (toldCum.length === 0 || toldCum.includes(c!)));
    const confirmed = told.length > 0 || toldCum.length > 0;
    if (fits.length !== 1 || (!confirmed && g.splits.length !== 1)) {
      warnings.push(warn('p.digits_glued', `${g.code}: 「${g.raw}」 holds the year's figure and its 历年累计 glued together (${g.splits.length} ways to cut it); left empty`, { cell: g.code }));
      continue;
    }
    const [y, c] = fits[0]!;
    const base = { raw: g.raw, kind: 'number' as const, origin: 'table' as const, evidence: g.evidence, prov: g.prov, order: g.order };
    const doubt = confirmed ? undefined : 'p.digits_split';
    for (const [code, value] of [[g.code, y!], [g.cumCode, c!]] as const) {
      byCode.set(code, [...(byCode.get(code) ?? []), { ...base, code, value, ...(doubt ? { doubt } : {}) }]);
    }
    warnings.push(warn('p.digits_split', `${g.code}: 「${g.raw}」 cut into ${y} and ${c} (历年累计)${confirmed ? ', as the text confirms' : ', the only cut with 历年累计 ≥ the year'}`, { cell: g.code, level: 'info' }));
  }
}

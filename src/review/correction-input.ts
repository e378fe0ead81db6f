/**
 * A correction as a person or a file gives it (strings) → a checked Correction, or the reason it is refused.
 * One check for the review page and for `nianbao corrections import`. Pure.
 */
import { FIELD_BY_CODE } from '../model/codebook.ts';
import { isReportField, type Correction, type CorrectionAction } from '../store/corrections.ts';

export interface CorrectionFields {
  sha256: string;
  code: string;
  action: string;
  /** The value typed or read from a file ('' for none). */
  value?: string | number | null;
  parsed?: string | number | null;
  note?: string | null;
  reviewer: string;
  correctedAt: string;
}

const ACTIONS: readonly CorrectionAction[] = ['set', 'empty', 'confirm'];
const MAX_TEXT = 2000;

export type Checked = { ok: true; value: Correction } | { ok: false; error: string };

const fail = (error: string): Checked => ({ ok: false, error });

/** Digits, an optional minus sign, decimals; full-width digits and thousands separators are accepted. */
export function parseNumber(text: string): number | null {
  const t = text.normalize('NFKC').replace(/[,\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

function cellValue(code: string, raw: string): number | { error: string } {
  const type = FIELD_BY_CODE.get(code)?.type ?? 'count';
  const n = parseNumber(raw);
  if (n === null) return { error: `${code}: 「${raw}」 is not a number` };
  if (type === 'count' && !(Number.isInteger(n) && n >= 0)) return { error: `${code}: a count is a whole number ≥ 0` };
  if (type === 'signed' && !Number.isInteger(n)) return { error: `${code}: a whole number` };
  if (type === 'decimal' && n < 0) return { error: `${code}: a number ≥ 0` };
  return n;
}

function fieldValue(code: string, raw: string): number | string | { error: string } {
  switch (code) {
    case 'report.status':
      return raw === 'not_report' ? raw : { error: 'report.status: only not_report can be decided' };
    case 'report.year': {
      const n = parseNumber(raw);
      return n !== null && Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : { error: `report.year: 「${raw}」 is not a year` };
    }
    case 'report.division_code':
      return /^\d{2}(\d{2}){0,2}(\d{3}){0,2}$/.test(raw) ? raw : { error: `report.division_code: 「${raw}」 is not a division code (2, 4, 6, 9 or 12 digits)` };
    default:
      return raw.length > 0 && raw.length <= 200 ? raw : { error: `${code}: a name of 1 to 200 characters` };
  }
}

function text(v: string | number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/** `parsed` keeps its type: a number where the cell is numeric, else text; '' is null. */
function parsedValue(code: string, v: string | number | null | undefined): number | string | null {
  const t = text(v);
  if (t === '') return null;
  if (code === 'report.body' || code === 'report.division_code' || code === 'report.status') return t;
  return parseNumber(t) ?? t;
}

export function checkCorrection(f: CorrectionFields): Checked {
  if (!/^[0-9a-f]{64}$/.test(f.sha256)) return fail(`sha256: 「${f.sha256}」 is not a sha256`);
  const code = f.code.trim();
  const field = isReportField(code);
  if (!field && !FIELD_BY_CODE.has(code)) return fail(`code: 「${code}」 is neither a codebook code nor a report field`);
  const action = f.action.trim() as CorrectionAction;
  if (!ACTIONS.includes(action)) return fail(`action: 「${f.action}」 (set, empty or confirm)`);
  if (field && action !== 'set') return fail(`${code}: only set`);
  const raw = text(f.value);
  let value: number | string | null = null;
  if (action === 'empty') {
    if (raw !== '') return fail(`${code}: empty takes no value`);
  } else {
    const v = field ? fieldValue(code, raw) : cellValue(code, raw);
    if (typeof v === 'object') return fail(v.error);
    value = v;
  }
  const note = text(f.note);
  if (note.length > MAX_TEXT) return fail(`note: at most ${MAX_TEXT} characters`);
  const reviewer = text(f.reviewer);
  if (!reviewer || reviewer.length > 100) return fail('reviewer: a name of 1 to 100 characters');
  if (Number.isNaN(Date.parse(f.correctedAt))) return fail(`corrected_at: 「${f.correctedAt}」 is not a time`);
  return {
    ok: true,
    value: { sha256: f.sha256, code, action, value, parsed: parsedValue(code, f.parsed), note: note || null, reviewer, correctedAt: new Date(f.correctedAt).toISOString() },
  };
}

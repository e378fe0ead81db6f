/**
 * The codebook: every cell of the 2021 and 2019 templates with its canonical code (the public contract:
 * CLI JSON, SQLite and CSV all use these codes). Loaded from data/codebook/fields.csv (a copy of the spec),
 * enriched with English labels and template membership; then the `p.*` codes of the 2008–2018 reports
 * (data/codebook/pre2019.csv, template `p2008`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PRE2019_FIELDS, type PreField } from './codebook-pre2019.ts';

export type TemplateId = 't2021' | 't2019' | 'hybrid' | 'p2008' | 'free_form' | 'unknown';
export type ValueType = 'count' | 'signed' | 'decimal';

export interface Field {
  code: string;
  /** Templates whose tables print (or, for hybrid, imply) this cell. */
  templates: TemplateId[];
  /** The template section; '' for the `p.*` codes (narrative reports). */
  section: '二' | '三' | '四' | '';
  group: string;
  rowLabel: string;
  columnLabel: string;
  unit: string;
  /** The unit in English (cases, applications, documents, items, yuan, ten thousand yuan …). */
  unitEn: string;
  type: ValueType;
  english: string;
  /** A Stata (and R) variable name: at most 32 letters, digits and underscores, unique and stable. */
  stataName: string;
}

const CSV_PATH = fileURLToPath(new URL('../../data/codebook/fields.csv', import.meta.url));

/** English names for each code segment; a code's English label joins its segments. */
const ENGLISH: Record<string, string> = {
  s2: 'Proactive disclosure', s3: 'Applications', s4: 'Review & litigation',
  rules: 'Rules', normative: 'Normative documents', licensing: 'Administrative licensing',
  other_services: 'Other administrative services', penalty: 'Administrative penalties',
  coercion: 'Administrative coercion', fees: 'Administrative fees', procurement: 'Government procurement',
  issued: 'issued this year', repealed: 'repealed this year', in_force: 'currently in force',
  decisions: 'decisions this year', amount: 'amount', new_made: 'newly made', new_published: 'newly published',
  total_published: 'total published', items_prev: 'items previous year', items_delta: 'change in items',
  projects: 'projects',
  new: 'New this year', carried_in: 'Carried over from last year', result: 'Result',
  granted: 'disclosed', partial: 'partly disclosed', withheld: 'withheld', state_secret: 'state secret',
  law_prohibited: 'prohibited by other laws', security_stability: 'endangers security/stability',
  third_party: 'third-party rights', internal_affairs: 'internal affairs', process_info: 'process information',
  enforcement_file: 'enforcement file', admin_query: 'administrative query', unable: 'unable to provide',
  not_held: 'not held', needs_creation: 'would need to be created', unclear: 'still unclear after correction',
  not_processed: 'not processed', petition: 'petition/complaint', duplicate: 'duplicate',
  publication: 'asks for publications', excessive: 'excessive repeated requests',
  confirm_reissue: 'confirm or reissue', other: 'other handling', no_correction: 'no correction',
  fee_unpaid: 'fee unpaid', misc: 'other', total: 'total', carried_out: 'Carried over to next year',
  natural_person: 'natural persons', commercial: 'commercial enterprises', research: 'research institutions',
  social_org: 'social welfare organisations', legal_service: 'legal service organisations',
  other_org: 'other organisations',
  review: 'Administrative review', litigation: 'Litigation', direct: 'direct suit',
  after_review: 'suit after review', upheld: 'upheld', corrected: 'corrected', pending: 'pending',
};

function english(code: string): string {
  const parts = code.split('.');
  const words = parts.slice(1).map((p) => ENGLISH[p] ?? p);
  return `${ENGLISH[parts[0]!] ?? parts[0]}: ${words.join(', ')}`;
}

/** Sub-rows of （六） that the hybrid template replaces by its single printed row. */
const OTHER_SUBROWS = ['s3.result.other.no_correction.', 's3.result.other.fee_unpaid.', 's3.result.other.misc.'];

/** fields.csv, read by its header's column names (no field contains a comma or a quote). */
function parseCsv(text: string): Field[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]!.split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const get = (name: string): string => cells[header.indexOf(name)] ?? '';
    const code = get('code');
    const tpls = get('templates').split(' ') as TemplateId[];
    if (tpls.includes('t2021') && !OTHER_SUBROWS.some((p) => code.startsWith(p)) && !tpls.includes('hybrid')) {
      tpls.push('hybrid');
    }
    return {
      code, templates: tpls, section: get('section') as Field['section'], group: get('group'),
      rowLabel: get('row_label'), columnLabel: get('column_label'), unit: get('unit'), unitEn: get('unit_en'),
      type: get('type') as ValueType, english: english(code), stataName: get('stata_name'),
    };
  });
}

function preField(f: PreField): Field {
  return {
    code: f.code, templates: ['p2008'], section: '', group: f.group, rowLabel: f.labelZh, columnLabel: f.columnLabel,
    unit: f.unit, type: f.type, english: f.labelEn, unitEn: f.unitEn, stataName: f.stataName,
  };
}

/** The template cells, then the `p.*` codes (so `p.*` columns come after the template codes in reports.csv). */
export const FIELDS: readonly Field[] = [...parseCsv(readFileSync(CSV_PATH, 'utf8')), ...PRE2019_FIELDS.map(preField)];
export const FIELD_BY_CODE: ReadonlyMap<string, Field> = new Map(FIELDS.map((f) => [f.code, f]));

/** Codes of every cell a template prints, in codebook order (empty for free_form and unknown). */
export function codesFor(template: TemplateId): string[] {
  return FIELDS.filter((f) => f.templates.includes(template)).map((f) => f.code);
}

/** Every code of both templates, then the `p.*` codes, in codebook order (the CSV export's column order). */
export const ALL_CODES: readonly string[] = FIELDS.map((f) => f.code);

/** The seven applicant columns of section 三, left to right. */
export const S3_COLUMNS = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'] as const;
export type S3Column = (typeof S3_COLUMNS)[number];

/**
 * Report year (the year reported on, not the publication year) and issuing body, from the title lines:
 * 「XX镇人民政府2023年政府信息公开工作年度报告」, the body on the line above the title, 「关于…的」, markdown.
 * Falls back to the source's own title and to the signature at the end.
 */
import { warn, type Message } from '../model/result.ts';
import { chineseYearToDigits } from './normalize.ts';
import type { Row } from './rows.ts';

const TITLE = /(政府信息公开|政务公开|信息公开).{0,12}(年度报告|年报|工作报告|情况的?报告|工作的报告)|年度报告/;
/** A title ends with the report's name; a sentence or a notice about reports does not. */
const TITLE_END = /(年度报告|年报|工作报告|报告)[)）]?\s*$/;
const NOT_TITLE = /通知|要求|做好|编制|发布工作|部署|会议|培训|。/;
const YEAR = /((?:19|20)\d{2})\s*年/;
const BODY_END = /(人民政府|办事处|街道|委员会|管委会|管理委员会|[局委办厅处署院所室站镇乡区县市])$/;

export interface Meta {
  title: string | null;
  year: number | null;
  body: string | null;
}

function clean(s: string): string {
  return s
    .replace(/[#*\t]/g, ' ')
    .replace(/\s+/g, '')
    .replace(/^(关于|《|\()+/, '')
    .replace(/(的|关于|《|:|：|-|—)+$/, '')
    .trim();
}

function plausibleBody(s: string): boolean {
  return s.length >= 2 && s.length <= 40 && !/\d/.test(s) && /\p{Script=Han}/u.test(s) && !TITLE.test(s);
}

export function readMeta(rows: Row[], firstSectionRow: number | undefined, sourceTitle?: string): { value: Meta; warnings: Message[] } {
  const warnings: Message[] = [];
  const limit = Math.min(firstSectionRow ?? 15, 15, rows.length);
  const head = rows.slice(0, limit).map((r) => chineseYearToDigits(r.text.replace(/\t/g, ' ')));
  let title: string | null = null;
  let year: number | null = null;
  let body: string | null = null;
  const candidates = [...head.map((text, i) => ({ text, i })), ...(sourceTitle ? [{ text: chineseYearToDigits(sourceTitle), i: -1 }] : [])];
  for (const { text, i } of candidates) {
    const compact = text.replace(/\s+/g, '');
    const core = compact.replace(/[(（][^()（）]*[)）]$/, '');
    if (!TITLE.test(core) || core.length > 60 || !TITLE_END.test(core) || NOT_TITLE.test(core)) continue;
    const m = YEAR.exec(text);
    if (!m) continue;
    year = Number(m[1]);
    title = text.replace(/^[#\s*]+/, '').trim();
    const before = clean(text.slice(0, m.index));
    // 「2016年某某区政府信息公开工作报告」: the body between the year and the report's name.
    const after = before === '' ? clean(text.slice(m.index + m[0].length).replace(/^度/, '').split(/(政府信息公开|政务公开|信息公开)/)[0] ?? '') : '';
    if (plausibleBody(before)) body = before;
    else if (after && plausibleBody(after)) body = after;
    else if (i > 0) {
      const prev = clean(head[i - 1]!);
      if (plausibleBody(prev)) {
        body = prev;
        title = `${head[i - 1]!.replace(/^[#\s*]+/, '').trim()}${title}`;
      }
    }
    break;
  }
  if (year === null) {
    for (const text of head) {
      const m = YEAR.exec(text);
      if (m) {
        year = Number(m[1]);
        warnings.push(warn('parse.year_from_text', `no title with a year; took ${year} from the opening text`));
        break;
      }
    }
  }
  if (body === null) {
    const tail = rows.slice(-6).map((r) => clean(r.text));
    const sig = tail.find((t) => BODY_END.test(t) && plausibleBody(t));
    if (sig) {
      body = sig;
      warnings.push(warn('parse.body_from_signature', `issuing body taken from the signature: ${sig}`));
    }
  }
  if (year === null) warnings.push(warn('parse.year_missing', 'the report year could not be found'));
  if (body === null) warnings.push(warn('parse.body_missing', 'the issuing body could not be found'));
  return { value: { title, year, body }, warnings };
}

/**
 * Rows of a 2008–2018 report → its narrative paragraphs and its table rows. Narrative lines that a PDF or a
 * text dump wrapped are joined back into paragraphs (with a map from each character to its row and
 * offset, for provenance); each paragraph carries the topic of the heading above it (主动公开, 依申请公开,
 * 收费, 复议诉讼 …), which decides what an unqualified figure means there.
 */
import type { Provenance } from '../../model/result.ts';
import type { Row } from '../rows.ts';

export type Topic = 'overview' | 'proactive' | 'request' | 'fees' | 'review' | 'problems' | 'other' | 'work' | 'none';

export interface Paragraph {
  text: string;
  topic: Topic;
  /** For each character of `text`: its row index and its character offset in that row. */
  at: (i: number) => Provenance;
}

export interface Heading {
  row: number;
  topic: Topic;
  /** 1 for 一、 headings, 2 for （一） and other sub-headings. */
  level: 1 | 2;
  text: string;
}

/** Heading words → topic, most specific first (复议 before 申请: 「因政府信息公开申请行政复议」). */
const TOPIC_WORDS: [Topic, RegExp][] = [
  ['problems', /问题|不足|改进|措施|打算|下一步|工作计划|展望|努力方向|工作思路/],
  ['review', /复议|诉讼|申诉/],
  ['fees', /收费|减免|费用/],
  ['proactive', /主动公开/],
  ['request', /依申请|申请公开|公开申请|不予公开|申请的?(办理|答复|处理)|咨询/],
  ['overview', /概述|总体情况|基本情况|概况|总体概述/],
  ['other', /其他|其它|需要报告/],
  ['work', /组织|机构|制度|保障|培训|队伍|平台|载体|建设|监督|考核|渠道|方式|形式|目录|指南|咨询|回应|解读|会议/],
];

const L1 = /^[#\s*]*(?:第)?[一二三四五六七八九十]{1,2}(?:部分)?\s*[、.,．:：\s]/;
const L2 = /^[#\s*]*(?:[（(][一二三四五六七八九十\d]{1,2}[）)]|\d{1,2}\s*[、.．](?!\d)|[一二三四五六七八九十]是|第[一二三四五六七八九十]{1,2}[，,、])/;
const SENTENCE_END = /[。；;！!？?：:]$/;

const TRAILING_HEADING = /^(.*[。；;])\s*([一二三四五六七八九十]{1,2}[、.．][^。；;，,\d]{2,30})$/;

/** A sub-heading's topic: its own when specific, else its section's (基本情况, 公开形式 under 二、主动公开). */
function subTopic(own: Topic, parent: Topic): Topic {
  if (parent === 'none') return own;
  return own === 'none' || own === 'work' || own === 'overview' || own === 'other' ? parent : own;
}

export function topicOf(text: string): Topic | null {
  for (const [topic, re] of TOPIC_WORDS) if (re.test(text)) return topic;
  return null;
}

/** A heading line: numbered (一、 （一） 1.) or short, with no count in it, and at most 30 characters. */
export function headingOf(text: string, row: number): Heading | null {
  const t = text.replace(/\t/g, ' ').trim();
  const compact = t.replace(/\s+/g, '');
  if (compact.length > 32 || compact.length < 2) return null;
  if (/\d+(?:\.\d+)?\s*(?:条|件|次|人次|人|个|元|万元|篇|名|期|场)|\d$/.test(compact)) return null;
  // 「（一）主动公开情况。主动公开…」: a sub-heading opening a paragraph (INLINE), not a heading line.
  if (/[。；;]./.test(compact)) return null;
  const level = L1.test(t) ? 1 : L2.test(t) ? 2 : 0;
  if (level === 0 && (/[，。；,]/.test(compact) || compact.length > 20)) return null;
  const topic = topicOf(compact);
  if (topic === null && level === 0) return null;
  return { row, topic: topic ?? 'none', level: level === 1 ? 1 : 2, text: compact };
}

/** An inline heading opening a paragraph: 「（一）主动公开情况。2010年，…」. */
const INLINE = /^\s*(?:[（(][一二三四五六七八九十\d]{1,2}[）)]|[一二三四五六七八九十]{1,2}[、.．])\s*([^。：:，,]{2,24})[。：:]/;

export interface NarrativeInput {
  rows: Row[];
  /** Row indexes that are table rows (read by the table reader, not as narrative). */
  tableRows: Set<number>;
}

/**
 * Joins narrative rows into paragraphs: a row that does not end a sentence continues into the next row
 * unless the next row is a heading or a table row.
 */
export function narrativeParagraphs(input: NarrativeInput): { paragraphs: Paragraph[]; headings: Heading[] } {
  const { rows, tableRows } = input;
  const paragraphs: Paragraph[] = [];
  const headings: Heading[] = [];
  let topic: Topic = 'none';
  let parentTopic: Topic = 'none';
  let buf: { text: string; row: number }[] = [];
  const flush = () => {
    if (buf.length === 0) return;
    const parts = buf;
    buf = [];
    // Whitespace goes (PDF text spaces out characters: 「受理申请 35 件」), except between two digits; each
    // kept character remembers its row and offset.
    let text = '';
    const origin: [number, number][] = [];
    parts.forEach((p, k) => {
      const t = p.text;
      for (let j = 0; j < t.length; j++) {
        if (/\s/.test(t[j]!) && !(/\d/.test(text[text.length - 1] ?? '') && /\d/.test(t.slice(j).trimStart()[0] ?? ''))) continue;
        text += /\s/.test(t[j]!) ? ' ' : t[j]!;
        origin.push([k, j]);
      }
    });
    // normalizeText turned 「。2009年」 into 「.2009年」: a full stop after words is a sentence end again.
    text = text.replace(/(?<=[\u4e00-\u9fff）)%])\.(?=\d)/g, '。');
    const inline = INLINE.exec(text);
    const own = inline ? topicOf(inline[1]!) : null;
    const at = (i: number): Provenance => {
      const [k, j] = origin[Math.min(i, origin.length - 1)] ?? [0, 0];
      const row = rows[parts[k]!.row]!;
      const cell = row.cells[0]!;
      const p: Provenance = { offset: (cell.prov.offset ?? 0) + j };
      if (cell.prov.page !== undefined) p.page = cell.prov.page;
      if (cell.prov.table !== undefined) Object.assign(p, { table: cell.prov.table, row: cell.prov.row, col: cell.prov.col });
      return p;
    };
    // 「（一）基本情况。…」 under 二、主动公开: a generic sub-heading keeps its section's topic.
    if (own) topic = subTopic(own, parentTopic);
    paragraphs.push({ text, topic, at });
  };
  const onHeading = (h: Heading) => {
    headings.push(h);
    if (h.level === 1) {
      parentTopic = h.topic;
      topic = h.topic;
    } else topic = subTopic(h.topic, parentTopic);
  };
  rows.forEach((row, i) => {
    if (tableRows.has(i)) {
      flush();
      return;
    }
    const text = row.cells.map((c) => c.text.trim()).filter((t) => t !== '').join(' ');
    const h = headingOf(row.text, i);
    if (h) {
      flush();
      onHeading(h);
      return;
    }
    // A heading a PDF extraction ran onto the end of the paragraph before it (「…方便公众查询。三、依申请公开…情况」).
    const tail = TRAILING_HEADING.exec(text);
    const th = tail ? headingOf(tail[2]!, i) : null;
    if (tail && th && th.level === 1) {
      buf.push({ text: tail[1]!, row: i });
      flush();
      onHeading(th);
      return;
    }
    buf.push({ text, row: i });
    if (SENTENCE_END.test(text.trim())) flush();
  });
  flush();
  return { paragraphs, headings };
}

export interface Sentence {
  text: string;
  /** Offset of the sentence in its paragraph. */
  start: number;
}

/** Sentences of a paragraph, split after 。；！？ (and ; ! ?). */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^。；;！!？?]+[。；;！!？?]*/g;
  for (const m of text.matchAll(re)) {
    if (m[0].trim() !== '') out.push({ text: m[0], start: m.index! });
  }
  return out;
}

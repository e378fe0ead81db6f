/**
 * Second OCR pass over ruled table cells. The whole-page pass mixes the lines of neighbouring cells (wrapped
 * labels) and drops or garbles lone digits ("0" → "", "119" → "I19"). Here every cell is cut out of the
 * cleaned raster and read on its own, in strips: label cells with chi_sim (the cell's own reading replaces
 * the page's), value cells with a digit whitelist in chi_sim and eng, voted against the page reading
 * (ocr-vote.ts) so that disagreements end up with a low confidence instead of a silent wrong number.
 */
import { warn, type Message } from '../src/model/result.ts';
import type { PageLayoutInput, Word } from './layout-types.ts';
import type { Deadline, ResolvedOptions } from './options.ts';
import { findRuledTables, type RuledCell, type RuledTable } from './pdf-ruled.ts';
import { minConfidence } from './pdf-lines.ts';
import type { Gray } from './raster.ts';
import { cellBox, cellCuts, EDGE, readCells, readStrips, type Cut } from './ocr-strip.ts';
import { DASH_LIKE, DISAGREE_CONFIDENCE, voteCell } from './ocr-vote.ts';
import { cellInk, isDashStroke, isSlashStroke, strokeShape } from './ocr-slash.ts';
import { signedVerdict as signed, inkSign } from './ocr-sign.ts';
import { byConsensus, byGlyphs, glyphCount } from './ocr-glyphs.ts';

const DIGITS = ['--psm', '6', '-c', 'tessedit_char_whitelist=0123456789.,-/'];
/** The models value cells are read again with, in this order (the page's own, then an independent one). */
const DIGIT_LANGS = ['chi_sim', 'eng'];
/** The same, one cell's line of ink at a time (`readCells`): it segments a cell alone, where a strip's block reading drops lone digits. */
const DIGIT_LINE = ['--psm', '7', '-c', 'tessedit_char_whitelist=0123456789.,-/'];
const HAN = /\p{Script=Han}/u;
/** Blank runs inside value cuts are squeezed to this many pixels (300 dpi: well over a digit's side bearing). */
const DIGIT_GAP = 10;
/**
 * Digits with one Han character beside them: a speck or a border remnant read as 了 or 人 (「了13」). Not a unit
 * after them (「254675元」): the digit whitelist of the re-reads would turn the unit into digits.
 */
const NUMBER_WITH_MARK = /^(\p{Script=Han}\s*\d[\d.,\s]*|\d[\d.,\s]*(?![元件项个次万])\p{Script=Han})$/u;
export const numberWithMark = (first: string) => hanCount(first) === 1 && NUMBER_WITH_MARK.test(first.trim());
/** A dash with specks or border remnants read as marks beside it (「一。」: the page OCR's reading of a 3 as often as of a dash). */
const dashWithMarks = (first: string) => DASH_LIKE.test(first.replace(/[\s。，、,.·:：;；'"“”‘’|]/g, ''));
/** Value cells: no Han and short (a number, a dash, or nothing), or a number with one Han mark beside it. */
export const isValueCell = (first: string) => (dashWithMarks(first) || !HAN.test(first) || numberWithMark(first)) && [...first].length <= 12;
/** Label cells: Han text, or nothing or a doubtful reading (a label the page OCR lost or took for a digit). */
const isLabelCell = (first: string, cell: RuledCell) =>
  first === '' || (HAN.test(first) && !dashWithMarks(first) && !numberWithMark(first)) || (minConfidence(cell.words) ?? 100) < EMPTY_LABEL_CONFIDENCE;
/**
 * A number with its unit (「58544490. 30元」): cut with the label cells (their strips stay as they were) but its
 * label re-read is not taken (chi_sim's reading of the cell alone drops a digit by the rule as readily as the
 * page's); the digit re-reads skip it (their whitelist turns the unit into digits): the page reading stands.
 */
export const numberWithUnit = (first: string) => /^[-+]?\d[\d.,\s]*(元|万元|件|个|项|条|次)$/u.test(first.trim());
/** Least confidence of a label read to fill a cell the page OCR found empty. */
const EMPTY_LABEL_CONFIDENCE = 50;

/** Pixels (300 dpi) a lone mark may stand apart from the label's other words. */
const MARK_REACH = 40;

/**
 * Lone one-character non-Han marks standing apart from the label's words (border remnants, specks read as
 * 「1」 or 「|」). Marks next to words, like the 「1.」 of 「1.属于国家秘密」, stay.
 */
function dropStrayMarks(words: Word[]): Word[] {
  const lone = (w: Word) => [...w.text].length === 1 && !HAN.test(w.text);
  return words.filter((w) => !lone(w) || words.some((o) => o !== w && !lone(o) && o.y0 < w.y1 && w.y0 < o.y1
    && Math.max(o.x0 - w.x1, w.x0 - o.x1) < MARK_REACH));
}

/** Han characters in a text. */
const hanCount = (text: string) => text.match(/\p{Script=Han}/gu)?.length ?? 0;

/** Lone marks the page OCR put among a label's Han words with a confidence this low are dropped. */
const DOUBTFUL_MARK = 30;

/**
 * Words for a label cell (page points), or undefined to keep the page's words: the cell's own reading
 * unless it found no Han or lost characters (short words are dropped as specks), else the page's words
 * without doubtful lone marks (「结果0维持」).
 */
function chooseLabel(cut: Cut, read: Word[] | undefined): Word[] | undefined {
  if (numberWithUnit(cut.first)) return undefined;
  const words = read ? dropStrayMarks(read) : [];
  const han = hanCount(words.map((w) => w.text).join(''));
  const useful = words.some((w) => HAN.test(w.text) && !DASH_LIKE.test(w.text))
    && (HAN.test(cut.first) || han >= 2 || (minConfidence(words) ?? 0) >= EMPTY_LABEL_CONFIDENCE)
    && han * 3 >= hanCount(cut.first) * 2;
  if (useful) return toPage(words, cut);
  const page = cut.cell.words;
  const doubtful = (w: Word) => [...w.text].length === 1 && !HAN.test(w.text) && (w.confidence ?? 100) < DOUBTFUL_MARK;
  if (!page.some((w) => HAN.test(w.text)) || !page.some(doubtful)) return undefined;
  return page.filter((w) => !doubtful(w));
}

/** Words read in a cut (raster pixels) placed into the cell's box in page points. */
function toPage(words: Word[], cut: Cut): Word[] {
  const [x0, y0, x1, y1] = cellBox(cut.table, cut.cell);
  const sx = (x1 - x0) / Math.max(1, cut.box[2] - cut.box[0]);
  const sy = (y1 - y0) / Math.max(1, cut.box[3] - cut.box[1]);
  const mx = (x: number) => x0 + (x - cut.box[0]) * sx;
  const my = (y: number) => y0 + (y - cut.box[1]) * sy;
  return words.map((w) => ({
    ...w, x0: mx(w.x0), x1: mx(w.x1), y0: my(w.y0), y1: my(w.y1),
    ...(w.chars ? { chars: w.chars.map((c) => ({ ...c, x0: mx(c.x0), x1: mx(c.x1) })) } : {}),
  }));
}

/**
 * A run of digits the page OCR read across several cells as one word (「00113」 over five cells of a row, on their
 * border with the row below): when every cell it lies over was read again, the re-reads stand for it; left in,
 * the layout would split it by its characters and each cell would hold its digit twice (「33」).
 */
export function acrossReplaced(w: Word, boxes: [number, number, number, number][]): boolean {
  if (!/^\d{2,}$/.test(w.text)) return false;
  const over = boxes.filter(([x0, y0, x1, y1]) => w.x1 > x0 && w.x0 < x1 && w.y1 > y0 && w.y0 < y1);
  if (new Set(over.map((b) => `${b[0]},${b[2]}`)).size < 2) return false;
  // every part of the word lies over a replaced cell (a cell read again), but for a speck's width at its ends
  const covered = (x: number) => over.some(([x0, , x1]) => x >= x0 - 1 && x <= x1 + 1);
  let bare = 0;
  for (let x = w.x0; x <= w.x1; x += 1) if (!covered(x)) bare++;
  return bare <= 0.1 * (w.x1 - w.x0);
}

/**
 * A number the page OCR placed in a cell that holds no ink (specks aside) and where no re-read finds a digit: a
 * neighbour's digit the page's layout put across the border (values printed against the left rule), not this
 * cell's. The cell is empty (verdict with no text); undefined otherwise. `ink` is asked only when needed.
 */
export function strayNumber(first: string, reads: { text: string }[], ink: () => number): { text: string; confidence: number; kind: 'repaired' } | undefined {
  if (!/\d/.test(first) || reads.length === 0 || reads.some((r) => /\d/.test(r.text))) return undefined;
  return ink() === 0 ? { text: '', confidence: 80, kind: 'repaired' } : undefined;
}

/**
 * A page word running over a rule into a value cell read again (「11」 over the left rule of a cell printed
 * against it): its characters inside that cell go (the re-read stands for them), the rest stays; null when none is left.
 * Words without character boxes stay whole.
 */
export function withoutReplacedChars(w: Word, boxes: [number, number, number, number][]): Word | null {
  if (!w.chars?.length) return w;
  const cy = (w.y0 + w.y1) / 2;
  const inside = (c: { x0: number; x1: number }) => boxes.some(([x0, y0, x1, y1]) => cy >= y0 && cy < y1 && (c.x0 + c.x1) / 2 >= x0 && (c.x0 + c.x1) / 2 < x1);
  const rest = w.chars.filter((c) => !inside(c));
  if (rest.length === w.chars.length) return w;
  if (rest.length === 0 || !rest.some((c) => c.text.trim() !== '')) return null;
  return { ...w, text: rest.map((c) => c.text).join(''), x0: rest[0]!.x0, x1: rest[rest.length - 1]!.x1, chars: rest };
}

/**
 * Re-reads the table cells of `page` (points) from `g` (the cleaned raster, pixels; `toPx` maps a point in
 * the page frame to raster pixels). Returns the page with the cells' words replaced where the re-read wins.
 */
export async function rereadTableCells(
  page: PageLayoutInput, g: Gray, toPx: (x: number, y: number) => [number, number],
  dir: string, o: ResolvedOptions, deadline: Deadline,
): Promise<{ page: PageLayoutInput; warnings: Message[] }> {
  // One table analysis for both kinds of cut: a cell read as a label is then skipped by the digit vote.
  const { tables } = findRuledTables(page.segments, page.words);
  const values = cellCuts(tables, toPx, isValueCell);
  const labels = cellCuts(tables, toPx, isLabelCell);
  if ((values.length === 0 && labels.length === 0) || deadline.expired()) return { page, warnings: [] };
  // The value and label strips are read at once (they are independent: separate images and processes).
  const [digitRead, lineRead, labelRead] = await Promise.all([
    readStrips(g, values, DIGITS, DIGIT_LANGS, `values-p${page.page}`, dir, o, deadline, DIGIT_GAP),
    readCells(g, values, DIGIT_LINE, DIGIT_LANGS, `lines-p${page.page}`, dir, o, deadline, DIGIT_GAP),
    readStrips(g, labels, ['--psm', '6'], ['chi_sim'], `labels-p${page.page}`, dir, o, deadline),
  ]);
  const warnings: Message[] = [...digitRead.warnings, ...lineRead.warnings, ...labelRead.warnings];
  const replaced = new Map<RuledCell, RuledTable>();
  /** Boxes of the value cells read again (their digits replace the page's; a label's re-read is less sure than a long page word). */
  const valueBoxes: [number, number, number, number][] = [];
  const added: Word[] = [];
  let repaired = 0;
  let disagree = 0;
  for (const [cut, [read]] of labelRead.reads) {
    const words = chooseLabel(cut, read);
    if (!words) continue;
    if (process.env.NIANBAO_OCR_DEBUG) process.stderr.write(`label p${page.page} ${JSON.stringify(cut.first)} -> ${JSON.stringify(words.map((w) => w.text).join(' '))}\n`);
    added.push(...words);
    replaced.set(cut.cell, cut.table);
  }
  for (const [cut, reads] of digitRead.reads) {
    if (replaced.has(cut.cell)) continue;
    const asReading = (ws: Word[]) => ({ text: ws.map((w) => w.text).join(''), confidence: minConfidence(ws) ?? 0 });
    const readings = reads.map(asReading);
    const lines = (lineRead.reads.get(cut) ?? []).map(asReading);
    const shape = strokeShape(g, cut.box);
    const first = { text: cut.first, confidence: minConfidence(cut.cell.words) ?? 0 };
    const glyphs = glyphCount(g, cut.box);
    const all = [...readings, ...lines].map((r, i) => ({ ...r, model: DIGIT_LANGS[i % DIGIT_LANGS.length]!, kind: i < readings.length ? 'strip' as const : 'line' as const }));
    const vote = byConsensus(byGlyphs(voteCell(first, readings[0], readings[1], isSlashStroke(shape), isDashStroke(shape)), first, readings, glyphs), first, all, glyphs);
    const v = strayNumber(first.text, all, () => cellInk(g, cut.box, EDGE)) ?? signed(vote, first, [...readings, ...lines], inkSign(g, cut.box));
    if (process.env.NIANBAO_OCR_DEBUG) process.stderr.write(`cell p${page.page} ${JSON.stringify(cut.first)} ${JSON.stringify(readings)} ${JSON.stringify(lines)} -> ${JSON.stringify(v)} glyphs ${glyphs} shape ${JSON.stringify(shape && Object.fromEntries(Object.entries(shape).map(([k, x]) => [k, Math.round(x * 100) / 100])))}\n`);
    if (!v) continue;
    replaced.set(cut.cell, cut.table);
    const [x0, y0, x1, y1] = cellBox(cut.table, cut.cell);
    valueBoxes.push([x0, y0, x1, y1]);
    if (v.text === '') continue;
    const cy = (y0 + y1) / 2;
    added.push({ text: v.text, x0: x0 + 2, x1: Math.max(x0 + 3, x1 - 2), y0: cy - 4, y1: cy + 4, confidence: v.confidence });
    if (v.kind === 'disagree') disagree++;
    else if (v.kind === 'repaired') repaired++;
  }
  // The page words of a replaced cell go: those placed in it, and any other mostly inside it.
  const gone = new Set([...replaced.keys()].flatMap((c) => c.words));
  const boxes = [...replaced.entries()].map(([c, t]) => cellBox(t, c));
  const inReplaced = (w: Word) => {
    const cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
    return gone.has(w) || boxes.some(([x0, y0, x1, y1]) => cy >= y0 && cy < y1 && ((cx >= x0 && cx < x1) || Math.min(x1, w.x1) - Math.max(x0, w.x0) >= 0.5 * (w.x1 - w.x0)))
      || acrossReplaced(w, boxes);
  };
  if (repaired) warnings.push({ code: 'ocr.cells_reread', level: 'info', message: `page ${page.page}: ${repaired} value cell(s) empty or garbled in the page OCR were read again digit by digit`, where: { page: page.page } });
  if (disagree) warnings.push(warn('ocr.digits_disagree', `page ${page.page}: ${disagree} value cell(s) read differently by the page OCR and the digit re-reads; kept with confidence ≤ ${DISAGREE_CONFIDENCE}`, { where: { page: page.page } }));
  const kept = page.words.filter((w) => !inReplaced(w)).map((w) => withoutReplacedChars(w, valueBoxes)).filter((w): w is Word => w !== null);
  return { page: { ...page, words: [...kept, ...added] }, warnings };
}

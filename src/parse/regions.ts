/**
 * Where each table lives in the label stream. Headings are used when found; otherwise the tables' own
 * header words. Section 三 ends where section 四's header starts (after the 结转下年度 row).
 */
import type { Headings } from './headings.ts';
import type { Stream } from './tokenize.ts';

export interface Regions {
  s2: [number, number];
  s3: [number, number];
  s4: [number, number];
}

function firstMatch(labels: string, re: RegExp, from: number, to = labels.length): number | null {
  const m = re.exec(labels.slice(from, to));
  return m ? from + m.index : null;
}

export function findRegions(stream: Stream, headings: Headings): Regions {
  const L = stream.labels;
  const end = L.length;
  const hpos = (n: number): number | null => {
    const r = headings.row[n];
    return r === undefined ? null : stream.rowPos[r]!;
  };
  // Table words first: a heading found inside a narrative must not move a table's start.
  // (OCR reads 二 as 三 now and then, or loses the 第: 「第三十条第（一）项」, 「二十条第（一）项」.)
  const s2Start = firstMatch(L, /二十条第|第二十条|第三十条第|信息内容/, hpos(2) ?? hpos(1) ?? 0) ?? hpos(2) ?? hpos(1) ?? 0;
  const s3Start = firstMatch(L, /申请人情况|勾稽关系|自然人|本年新收/, s2Start) ?? hpos(3) ?? s2Start;
  const carried = firstMatch(L, /结转下年度|下年度继续/, s3Start);
  const s4Header = firstMatch(L, /行政复议|行政诉讼/, carried ?? s3Start);
  const h4 = hpos(4);
  const s4Start = Math.min(...[s4Header, h4 !== null && h4 > s3Start ? h4 : null, hpos(5), end].filter((x): x is number => x !== null));
  const after4 = [hpos(5), hpos(6)].filter((x): x is number => x !== null && x > s4Start);
  const s4End = after4.length ? Math.min(...after4) : end;
  return { s2: [s2Start, Math.max(s2Start, s3Start)], s3: [s3Start, s4Start], s4: [s4Start, s4End] };
}

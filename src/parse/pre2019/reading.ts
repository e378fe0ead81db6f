/** What the 2008–2018 readers (tables, sentences, negations) propose for one `p.*` code, before they are reconciled. */
import type { Provenance } from '../../model/result.ts';
import type { Topic } from './stream.ts';

export interface Reading {
  code: string;
  value: number;
  /** The printed expression (「12456条」, 「十余次」, 「未收到政府信息公开申请」, a table cell). */
  raw: string;
  /** number: printed; negation: a 0 from a negated statement; approximate: 余/多/约 as printed. */
  kind: 'number' | 'negation' | 'approximate';
  origin: 'table' | 'text';
  /** The sentence or the table row the value was read from. */
  evidence: string;
  prov: Provenance;
  /** A reason to doubt the value (a warning code): it is kept but flagged. */
  doubt?: string;
  /** Text: the sentence names disclosure itself (not only the heading above it). */
  explicit?: boolean;
  topic?: Topic;
  /** Reading order in the document (earlier first). */
  order: number;
}

/** Evidence text: the sentence, cut around the value when it is long. */
export function evidenceOf(sentence: string, at: number, max = 200): string {
  const s = sentence.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const from = Math.max(0, Math.min(at - Math.floor(max / 2), s.length - max));
  return `${from > 0 ? '…' : ''}${s.slice(from, from + max)}${from + max < s.length ? '…' : ''}`;
}

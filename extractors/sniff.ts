/** Format detection from the bytes (magic numbers and container directories); the file name only breaks ties. */
import type { Format } from '../src/model/document.ts';
import { isOle, oleStreamNames } from './ole.ts';
import { isZip, readZipDirectory } from './zip.ts';

export interface Sniffed {
  format: Format;
  /** Why: the evidence used, e.g. `zip:word/document.xml`, `ole:WordDocument`, `magic:%PDF`. */
  evidence: string;
}

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
}

function latinHead(bytes: Uint8Array, n: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(n, bytes.byteLength)).toString('latin1');
}

const HTML_START = /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|div|table|p|span|center|font|h[1-6]|link|style|script)[\s>/]/i;

function sniffOle(bytes: Uint8Array, fileName: string): Sniffed {
  const names = oleStreamNames(bytes);
  const has = (re: RegExp) => names.some((n) => re.test(n));
  const wpsName = /\.wps$/i.test(fileName);
  if (has(/^Wps|^KSO|WpsContent/i)) return { format: 'wps', evidence: 'ole:wps-stream' };
  if (has(/^WordDocument$/)) return wpsName ? { format: 'wps', evidence: 'ole:WordDocument+name.wps' } : { format: 'doc', evidence: 'ole:WordDocument' };
  if (has(/^CONTENTS$/) && (has(/^SPELLING$/) || wpsName)) return { format: 'wps', evidence: 'ole:works-CONTENTS' };
  if (wpsName) return { format: 'wps', evidence: 'ole+name.wps' };
  if (/\.doc$/i.test(fileName) && names.length === 0) return { format: 'doc', evidence: 'ole+name.doc' };
  return { format: 'unknown', evidence: `ole:${names.slice(0, 6).join(',') || 'unreadable'}` };
}

/** Detects the format of `bytes`; `fileName` (or URL path) is used only when the bytes are ambiguous. */
export function sniff(bytes: Uint8Array, fileName = ''): Sniffed {
  const head = latinHead(bytes, 1024);
  if (head.includes('%PDF-')) return { format: 'pdf', evidence: 'magic:%PDF' };
  if (isZip(bytes)) {
    let names: string[] = [];
    try {
      names = readZipDirectory(bytes).map((e) => e.name);
    } catch {
      return { format: /\.docx$/i.test(fileName) ? 'docx' : 'unknown', evidence: 'zip:unreadable' };
    }
    if (names.includes('word/document.xml')) return { format: 'docx', evidence: 'zip:word/document.xml' };
    if (names.some((n) => /^word\/document\d*\.xml$/.test(n))) return { format: 'docx', evidence: 'zip:word/document*.xml' };
    return { format: 'unknown', evidence: `zip:${names.slice(0, 4).join(',')}` };
  }
  if (isOle(bytes)) return sniffOle(bytes, fileName);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { format: 'image', evidence: 'magic:png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { format: 'image', evidence: 'magic:jpeg' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return { format: 'image', evidence: 'magic:tiff' };
  const text = head.replace(/^\xef\xbb\xbf/, '');
  if (/^\s*\{\\rtf/.test(text)) return { format: 'rtf', evidence: 'magic:{\\rtf' };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const raw = Buffer.from(bytes.subarray(2, 1026));
    const u = raw.subarray(0, raw.length & ~1);
    const s = bytes[0] === 0xff ? u.toString('utf16le') : Buffer.from(u).swap16().toString('utf16le');
    return { format: HTML_START.test(s) ? 'html' : 'txt', evidence: 'bom:utf-16' };
  }
  if (HTML_START.test(text) || /<html[\s>]/i.test(head) || /<body[\s>]/i.test(head)) return { format: 'html', evidence: 'markup' };
  if (looksBinary(bytes.subarray(0, 4096))) return { format: 'unknown', evidence: 'binary' };
  return { format: 'txt', evidence: 'text' };
}

/**
 * Binary: more than a few control bytes (NUL, and C0 controls other than tab, line feed, form feed, carriage
 * return and escape) in the probe. A stray NUL from a bad copy does not make a text report binary.
 */
export function looksBinary(probe: Uint8Array): boolean {
  let controls = 0;
  for (const b of probe) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  return controls > Math.max(4, probe.length / 100);
}

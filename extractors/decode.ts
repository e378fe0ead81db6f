/**
 * Bytes → string. Order of trust: a declared charset (HTTP header, then BOM, then `<meta>` for HTML), each
 * checked against the bytes; then strict UTF-8; then GB18030 (a superset of GBK/GB2312). A declared charset
 * the bytes contradict is overridden with a `decode.charset_mismatch` warning.
 */
import iconv from 'iconv-lite';
import { warn, type Message } from '../src/model/result.ts';

const GB_FAMILY = /^(gb2312|gbk|gb18030|x-gbk|cp936|windows-936|euc-cn|hz-gb-2312|csgb2312|x-euc-cn)$/i;
/** Single-byte charsets never fail to decode, so they cannot be checked against the bytes. */
const SINGLE_BYTE = /^(iso-?8859-\d+|latin-?1|windows-125\d|cp125\d|us-ascii|ascii|koi8-[ru])$/i;

export interface Decoded {
  text: string;
  charset: string;
  warnings: Message[];
}

export function normaliseCharset(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const n = name.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (GB_FAMILY.test(n)) return 'gb18030';
  if (n === 'utf8' || n === 'utf-8') return 'utf-8';
  return iconv.encodingExists(n) ? n : undefined;
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
}

/** `<meta charset>` or `<meta http-equiv content="…charset=…">` within the first 4 KB (read as latin1). */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1];
  }
  return undefined;
}

function bomCharset(buf: Buffer): { charset: string; skip: number } | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return undefined;
}

function strictUtf8(buf: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return undefined;
  }
}

function hasHighBytes(buf: Buffer): boolean {
  for (const b of buf) if (b >= 0x80) return true;
  return false;
}

function countReplacement(s: string): number {
  let n = 0;
  for (const c of s) if (c === '\uFFFD') n++;
  return n;
}

/**
 * Decodes with a declared charset unless the bytes contradict it: valid multi-byte UTF-8 under a non-UTF-8
 * label, or clean GB18030 under a UTF-8 or single-byte label.
 */
function decodeDeclared(buf: Buffer, declared: string, source: string): Decoded | undefined {
  const cs = normaliseCharset(declared);
  if (!cs) return undefined;
  const warnings: Message[] = [];
  if (!hasHighBytes(buf)) return { text: buf.toString('latin1'), charset: cs, warnings };
  const utf8 = strictUtf8(buf);
  if (cs === 'utf-8') {
    if (utf8 !== undefined) return { text: utf8, charset: cs, warnings };
    const gb = iconv.decode(buf, 'gb18030');
    if (countReplacement(gb) === 0) {
      warnings.push(warn('decode.charset_mismatch', `${source} declares ${declared} but the bytes are not valid UTF-8; decoded as GB18030`));
      return { text: gb, charset: 'gb18030', warnings };
    }
    warnings.push(warn('decode.invalid_bytes', `${source} declares ${declared}; some bytes are invalid and were replaced`));
    return { text: iconv.decode(buf, 'utf-8'), charset: cs, warnings };
  }
  if (utf8 !== undefined) {
    warnings.push(warn('decode.charset_mismatch', `${source} declares ${declared} but the bytes are valid UTF-8; decoded as UTF-8`));
    return { text: utf8, charset: 'utf-8', warnings };
  }
  if (SINGLE_BYTE.test(cs) || SINGLE_BYTE.test(declared)) {
    const gb = iconv.decode(buf, 'gb18030');
    if (countReplacement(gb) === 0 && /\p{Script=Han}/u.test(gb)) {
      warnings.push(warn('decode.charset_mismatch', `${source} declares ${declared} but the bytes are GB18030 Chinese; decoded as GB18030`));
      return { text: gb, charset: 'gb18030', warnings };
    }
  }
  const text = iconv.decode(buf, cs);
  if (countReplacement(text) > 0) {
    const gb = iconv.decode(buf, 'gb18030');
    if (cs !== 'gb18030' && countReplacement(gb) === 0) {
      warnings.push(warn('decode.charset_mismatch', `${source} declares ${declared} but the bytes decode cleanly only as GB18030`));
      return { text: gb, charset: 'gb18030', warnings };
    }
    warnings.push(warn('decode.invalid_bytes', `${source} declares ${declared}; some bytes are invalid and were replaced`));
  }
  return { text, charset: cs, warnings };
}

/** No usable declaration: strict UTF-8, else GB18030. */
function decodeUndeclared(buf: Buffer): Decoded {
  const utf8 = strictUtf8(buf);
  if (utf8 !== undefined) return { text: utf8, charset: 'utf-8', warnings: [] };
  const text = iconv.decode(buf, 'gb18030');
  const warnings = countReplacement(text) > 0 ? [warn('decode.invalid_bytes', 'neither UTF-8 nor clean GB18030; some bytes were replaced')] : [];
  return { text, charset: 'gb18030', warnings };
}

function withBom(buf: Buffer, declared: string | undefined, meta: () => string | undefined, kind: string): Decoded {
  const warnings: Message[] = [];
  if (declared) {
    const d = decodeDeclared(buf, declared, 'the HTTP header');
    if (d) return d;
    warnings.push(warn('decode.unknown_charset', `the HTTP header declares an unknown charset ${declared}; ignored`));
  }
  const bom = bomCharset(buf);
  if (bom) return { text: iconv.decode(buf.subarray(bom.skip), bom.charset), charset: bom.charset, warnings };
  const m = meta();
  if (m) {
    const d = decodeDeclared(buf, m, `the ${kind}`);
    if (d) return { ...d, warnings: [...warnings, ...d.warnings] };
  }
  const d = decodeUndeclared(buf);
  return { ...d, warnings: [...warnings, ...d.warnings] };
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Plain text: declared charset (checked), BOM, strict UTF-8, GB18030. */
export function decodeText(bytes: Uint8Array, declared?: string): Decoded {
  return withBom(asBuffer(bytes), declared, () => undefined, 'text');
}

/** HTML: HTTP header charset (checked), BOM, `<meta>` charset (checked), strict UTF-8, GB18030. */
export function decodeHtml(bytes: Uint8Array, contentType?: string): Decoded {
  return withBom(asBuffer(bytes), charsetFromContentType(contentType), () => charsetFromMeta(bytes), '<meta> charset');
}

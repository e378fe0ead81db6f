/** Bytes → string: declared charset, then BOM, then strict UTF-8, then GB18030 (a superset of GBK/GB2312). */
import iconv from 'iconv-lite';
import { warn, type Message } from '../src/model/result.ts';

const GB_FAMILY = /^(gb2312|gbk|gb18030|x-gbk|cp936|windows-936|euc-cn)$/i;

export function normaliseCharset(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const n = name.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (GB_FAMILY.test(n)) return 'gb18030';
  if (n === 'utf8') return 'utf-8';
  return iconv.encodingExists(n) ? n : undefined;
}

export function decodeText(bytes: Uint8Array, declared?: string): { text: string; charset: string; warnings: Message[] } {
  const warnings: Message[] = [];
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), charset: 'utf-8', warnings };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), charset: 'utf-16le', warnings };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), charset: 'utf-16be', warnings };
  const cs = normaliseCharset(declared);
  if (cs) {
    const text = iconv.decode(buf, cs);
    if (cs === 'utf-8' && text.includes('\uFFFD') && isGb(buf)) {
      warnings.push(warn('decode.charset_mismatch', `declared ${declared} but bytes are not valid UTF-8; decoded as GB18030`));
      return { text: iconv.decode(buf, 'gb18030'), charset: 'gb18030', warnings };
    }
    return { text, charset: cs, warnings };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), charset: 'utf-8', warnings };
  } catch {
    return { text: iconv.decode(buf, 'gb18030'), charset: 'gb18030', warnings };
  }
}

function isGb(buf: Buffer): boolean {
  return !iconv.decode(buf, 'gb18030').includes('\uFFFD');
}

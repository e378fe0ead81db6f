/**
 * The file name of a download (pure), from its Content-Disposition header: RFC 5987 `filename*=UTF-8''…`,
 * a percent-encoded `filename=` (UTF-8 or GBK), or raw bytes in the header (UTF-8 or GBK, which HTTP clients
 * hand over as latin1 characters).
 */
import iconv from 'iconv-lite';

function decodeBytes(bytes: Buffer): string {
  const utf8 = bytes.toString('utf8');
  if (!utf8.includes('\uFFFD')) return utf8;
  return iconv.decode(bytes, 'gb18030');
}

function percentDecode(s: string, charset = ''): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (s[i] === '+' && charset === 'form') bytes.push(0x20);
    else bytes.push(...Buffer.from(s[i], 'latin1'));
  }
  const buf = Buffer.from(bytes);
  if (/^(gbk|gb2312|gb18030)$/i.test(charset)) return iconv.decode(buf, 'gb18030');
  return decodeBytes(buf);
}

export function dispositionFilename(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const star = /filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)/i.exec(header);
  if (star) return percentDecode(star[2].trim().replace(/^"|"$/g, ''), star[1]).trim() || undefined;
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(header);
  const raw = (plain?.[1] ?? plain?.[2] ?? '').trim();
  if (!raw) return undefined;
  if (/%[0-9a-fA-F]{2}/.test(raw)) return percentDecode(raw).trim() || undefined;
  // Raw 8-bit bytes, handed over as latin1 characters.
  if (/[\u0080-\u00ff]/.test(raw) && !/[\u0100-\uffff]/.test(raw)) return decodeBytes(Buffer.from(raw, 'latin1')).trim() || undefined;
  return raw;
}

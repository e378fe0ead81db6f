/** What a response body is, from magic bytes first, then Content-Type, then the URL (pure). */

const URL_EXT = /\.(pdf|docx?|wps|rtf|s?html?|xml|json|txt)$/i;

export function urlExt(url: string): string | undefined {
  try {
    const u = new URL(url);
    const m = URL_EXT.exec(decodeURIComponent(u.pathname));
    if (m) return m[1].toLowerCase();
    for (const v of u.searchParams.values()) {
      const q = /\.(pdf|docx?|wps|rtf)$/i.exec(v.trim());
      if (q) return q[1].toLowerCase();
    }
  } catch {
    // not a URL
  }
  return undefined;
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/**
 * File kind as an extension without dot: pdf, docx, doc, wps, rtf, html, json, xml, txt, or `bin` when unknown.
 * OLE files (.doc/.wps) keep the URL's extension; a ZIP is docx unless the URL says otherwise.
 */
export function sniffExt(bytes: Uint8Array, url: string, contentType = ''): string {
  const fromUrl = urlExt(url);
  const ct = contentType.toLowerCase();
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return fromUrl && fromUrl !== 'docx' && !/html?|xml|json|txt/.test(fromUrl) ? fromUrl : 'docx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return fromUrl === 'wps' ? 'wps' : 'doc';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1').trimStart().replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  if (/^(<!doctype html|<html|<head|<meta|<body|<!--|<script|<div|<title)/i.test(head) || /html/.test(ct)) return 'html';
  if (/^<\?xml|^<datastore/i.test(head) || /xml/.test(ct)) return 'xml';
  if (/^[{[]/.test(head) || /json/.test(ct)) return 'json';
  if (/^text\/plain/.test(ct)) return 'txt';
  return fromUrl && !/html?/.test(fromUrl) ? fromUrl : 'bin';
}

/** Content-Type to record for a document when the server sent none or a generic one. */
export function contentTypeFor(ext: string, declared?: string): string {
  if (declared && !/octet-stream|^application\/x-download|^application\/force-download/i.test(declared)) return declared;
  const map: Record<string, string> = {
    pdf: 'application/pdf',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    doc: 'application/msword',
    wps: 'application/vnd.ms-works',
    rtf: 'application/rtf',
    html: 'text/html',
    txt: 'text/plain',
  };
  return map[ext] ?? declared ?? 'application/octet-stream';
}

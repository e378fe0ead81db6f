/** HTML for the review pages: escaping, and the page shell (one stylesheet, one script, no inline code: CSP). */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** JSON for a <script type="application/json"> block: `<` escaped so no text can close the block. */
export function jsonBlock(id: string, data: unknown): string {
  return `<script type="application/json" id="${esc(id)}">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

export function page(o: { title: string; token: string; script: string; body: string; bodyClass?: string }): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title><meta name="review-token" content="${esc(o.token)}">
<link rel="stylesheet" href="/assets/review.css"><script type="module" src="/assets/${esc(o.script)}"></script>
</head><body${o.bodyClass ? ` class="${esc(o.bodyClass)}"` : ''}>${o.body}</body></html>`;
}

/**
 * Challenge and block pages (pure). A simple JS cookie challenge (a tiny page that sets document.cookie and
 * reloads) may be passed by the browser like any visitor would; a captcha or an explicit block page is
 * recorded as blocked with evidence and never bypassed.
 */

export type PageVerdict =
  | { kind: 'ok' }
  | { kind: 'challenge'; evidence: string }
  | { kind: 'blocked'; evidence: string };

const CAPTCHA = /(验证码|captcha|人机验证|安全验证|滑块验证|请完成验证|geetest|recaptcha|hcaptcha)/i;
const BLOCKED = /(访问受限|访问被拒绝|拒绝访问|禁止访问|请求被拦截|访问被阻断|已被拦截|网站防火墙|web应用防火墙|Access Denied|Request blocked|安全狗|云防护|您的访问频率过高)/i;
const RELOAD = /(location\.reload|location\.href\s*=|location\.replace|window\.location\s*=|document\.location)/;

function visibleText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function hanCount(s: string): number {
  return (s.match(/\p{Script=Han}/gu) ?? []).length;
}

function snippet(text: string, re: RegExp): string {
  const m = re.exec(text);
  if (!m) return text.slice(0, 160);
  const at = Math.max(0, m.index - 60);
  return text.slice(at, at + 160);
}

/** Classifies a fetched HTML page. Long pages with real content are never called blocked. */
export function classifyPage(html: string, status = 200): PageVerdict {
  const text = visibleText(html);
  const short = hanCount(text) < 300 && html.length < 60_000;
  if (short && (CAPTCHA.test(text) || /<input[^>]+(captcha|yzm|verify)/i.test(html))) {
    return { kind: 'blocked', evidence: `captcha page (HTTP ${status}): ${snippet(text, CAPTCHA)}` };
  }
  if (short && BLOCKED.test(text)) return { kind: 'blocked', evidence: `block page (HTTP ${status}): ${snippet(text, BLOCKED)}` };
  if (html.length < 8000 && /document\.cookie\s*=/.test(html) && RELOAD.test(html) && !/<a\s[^>]*href=["'][^"'#]/i.test(html)) {
    return { kind: 'challenge', evidence: `JS cookie challenge (HTTP ${status}), ${html.length} bytes` };
  }
  return { kind: 'ok' };
}

const NOT_FOUND = /(404|页面不存在|页面未找到|找不到(该|此)?页面|信息不存在|已被删除|已删除|已撤销|文章不存在|内容不存在)/;

/** A "not found" page served with status 200 (short, says so). */
export function looksNotFound(html: string): boolean {
  const text = visibleText(html);
  return hanCount(text) < 150 && NOT_FOUND.test(text);
}

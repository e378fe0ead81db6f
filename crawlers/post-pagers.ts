/**
 * Pagers that POST (pure): ASP.NET WebForms links `javascript:__doPostBack('Pager1','3')` (the page's form
 * posted back with __EVENTTARGET / __EVENTARGUMENT and its hidden state), and 下一页 / page-number buttons in
 * POST forms made of hidden fields. Each gives the request that loads that page.
 */
import type { CheerioAPI } from 'cheerio';
import { canonicalUrl } from './canonical.ts';

export interface PostRequest {
  url: string;
  body: string;
}

const PAGER_TEXT = /^(\d{1,4}|下一页|下页|尾页|末页|上一页|上页|首页|>|>>|»|next|last)$/i;

function hiddenFields($: CheerioAPI, form: ReturnType<CheerioAPI>): URLSearchParams {
  const params = new URLSearchParams();
  form.find('input[type=hidden][name]').each((_, el) => {
    params.set($(el).attr('name') as string, $(el).attr('value') ?? '');
  });
  return params;
}

export function postPagers($: CheerioAPI, pageUrl: string, limit = 200): PostRequest[] {
  const out = new Map<string, PostRequest>();
  const add = (action: string | undefined, body: URLSearchParams): void => {
    const url = canonicalUrl(action || pageUrl, pageUrl);
    if (!url || out.size >= limit) return;
    const b = body.toString();
    out.set(`${url} ${b}`, { url, body: b });
  };
  // ASP.NET postbacks: the form holding __VIEWSTATE (or the page's first POST form).
  const aspForm = $('form').filter((_, f) => $(f).find('input[name=__VIEWSTATE], input[name=__EVENTTARGET]').length > 0).first();
  if (aspForm.length) {
    $('a[href*="__doPostBack"], [onclick*="__doPostBack"]').each((_, el) => {
      const a = $(el);
      if (!PAGER_TEXT.test(a.text().replace(/\s+/g, ''))) return;
      const m = /__doPostBack\(\s*['"]([^'"]*)['"]\s*,\s*['"]([^'"]*)['"]\s*\)/.exec(`${a.attr('href') ?? ''} ${a.attr('onclick') ?? ''}`);
      if (!m) return;
      const body = hiddenFields($, aspForm);
      body.set('__EVENTTARGET', m[1]);
      body.set('__EVENTARGUMENT', m[2]);
      add(aspForm.attr('action'), body);
    });
  }
  // POST forms of hidden fields whose button turns the page.
  $('form').each((_, el) => {
    const f = $(el);
    if ((f.attr('method') ?? '').toLowerCase() !== 'post' || f.find('input[name=__VIEWSTATE]').length) return;
    const visible = f.find('input:not([type=hidden]), select, textarea').toArray().filter((i) => !/^(submit|button|image)$/i.test($(i).attr('type') ?? ''));
    if (visible.length > 0) return;
    const button = f.find('input[type=submit], button').first();
    const label = (button.attr('value') ?? button.text() ?? '').replace(/\s+/g, '');
    if (!PAGER_TEXT.test(label)) return;
    add(f.attr('action'), hiddenFields($, f));
  });
  return [...out.values()];
}

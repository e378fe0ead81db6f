/**
 * Patterns added after the family built its portal: a mobile site whose pages link `_wap` twins of the report
 * pages (other bytes, same report: wap-twins), links to copies on a mirror host outside the allowed hosts
 * (mirrors), a robots.txt Crawl-delay (crawl-delay) and a JS cookie challenge (js-challenge).
 */
import { esc } from './markup.ts';
import type { Portal } from './portal.ts';

const CLEARANCE = '__jsl_clearance_s';

/** js-challenge: every request without the clearance cookie gets 521 and a script that sets it and reloads. */
function challenge(portal: Portal): void {
  portal.needsBrowser = true;
  for (const site of Object.values(portal.sites)) {
    if (!site) continue;
    const token = `${portal.plan.siteCode}|${Math.floor(portal.plan.seed)}`;
    site.guard = (req) => (req.path === '/robots.txt' || req.cookies[CLEARANCE] === encodeURIComponent(token) ? undefined : {
      status: 521, validators: 'none',
      body: `<script>document.cookie=('${CLEARANCE}=')+encodeURIComponent(['${token.split('|')[0]}','${token.split('|')[1]}'].join('|'))+';max-age=3600;path=/';location.href=location.pathname+location.search</script>`,
    });
  }
}

export function addExtras(portal: Portal): void {
  if (portal.has('js-challenge')) challenge(portal);
  if (portal.has('crawl-delay')) portal.crawlDelay[portal.sites.files ? 'files' : 'www'] = 1;
  const html = portal.reports.filter((r) => r.format === 'html' && !r.pages && /\.s?html?$/.test(new URL(r.url).pathname)).slice(0, 6);
  const mirror = portal.has('mirrors')
    ? portal.reports.slice(0, 3).map((r) => `<li><a href="${esc(`${portal.foreign.mirror}/${portal.plan.county.slug}${new URL(r.url).pathname}`)}">${esc(r.item.title)}（镜像）</a></li>`).join('')
    : '';
  if (!portal.has('wap-twins') && !mirror) return;
  const twins = portal.has('wap-twins') ? html.map((r) => {
    const u = new URL(r.url);
    const path = u.pathname.replace(/(\.s?html?)$/, '_wap$1');
    const role = (['xxgk', 'files'] as const).find((k) => portal.sites[k] && portal.host(k) === u.host) ?? 'www';
    const twin = portal.url(role, path);
    portal.route(role, path, () => (portal.visible(r.item) ? {
      body: portal.encode(`<!DOCTYPE html><html><head><meta charset="${portal.charset}"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(r.item.fullTitle)}</title></head><body class="wap"><header>${esc(portal.plan.county.name)}</header><h1>${esc(r.item.fullTitle)}</h1><section>${r.item.doc.content}</section></body></html>`),
    } : undefined));
    portal.twins.push({ url: twin, of: r.url });
    portal.documentUrls.add(twin);
    return `<li><a href="${esc(twin)}">${esc(r.item.title)}</a></li>`;
  }) : [];
  portal.route('www', '/m/index.html', () => portal.page(`${portal.plan.county.name}人民政府（手机版）`, `<ul class="m-list">${twins.join('')}${mirror}</ul>`));
}

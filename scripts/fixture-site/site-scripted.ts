/**
 * Two sites that need a browser. `jsrender`: the 年报 list exists only after a script decodes it (base64
 * JSON), so static HTML shows nothing to follow. `challenge`: every request without the `nb_guard` cookie gets
 * a tiny page whose script sets the cookie and reloads; its 2019年 sub-column is a captcha page (blocked).
 */
import { numId, type BuildContext } from './build-context.ts';
import { linkList, page } from './html.ts';

export function buildJsRender(ctx: BuildContext): void {
  const { site, docs, pub } = ctx;
  const links = docs.map((d, i) => pub.publish(site, d, { detailPath: `/nb/detail/${numId(i)}.html`, attachmentPath: `/nb/files/${d.id}.${d.format}` }));
  const data = Buffer.from(JSON.stringify(links.map((l) => ({ t: l.text, u: l.href, d: l.date }))), 'utf8').toString('base64');
  const script = `<script>
var raw = '${data}';
var items = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(raw), function (c) { return c.charCodeAt(0); })));
var ul = document.getElementById('list');
items.forEach(function (it) {
  var li = document.createElement('li'); var a = document.createElement('a');
  a.setAttribute('hr' + 'ef', it.u); a.textContent = it.t; li.appendChild(a);
  var s = document.createElement('span'); s.textContent = it.d; li.appendChild(s); ul.appendChild(li);
});
</script>`;
  site.route('/', () => ({ body: page('示例新区管委会', linkList([{ href: '/nb/index.html', text: '政府信息公开年报' }])) }));
  site.route('/nb/index.html', () => ({ body: page('政府信息公开年报', `<ul id="list"></ul>${script}`), validators: 'none' }));
}

const CHALLENGE = `<html><head><script>document.cookie = "nb_guard=" + ["pa", "ssed"].join("") + "; path=/"; location.reload();</script></head><body>正在检查浏览器环境……</body></html>`;
const CAPTCHA = `<html><head><meta charset="utf-8"><title>安全验证</title></head><body><form action="/verify"><p>请输入验证码后继续访问</p><img src="/captcha.jpg"><input name="captcha"><button>提交</button></form></body></html>`;

export function buildChallenge(ctx: BuildContext): void {
  const { site, docs, pub } = ctx;
  site.guard = (req) => (req.path !== '/robots.txt' && req.cookies.nb_guard !== 'passed' ? { body: CHALLENGE, validators: 'none' } : undefined);
  const links = docs.map((d, i) => pub.publish(site, d, { detailPath: `/xxgk/nb/${numId(i)}.html`, attachmentPath: `/xxgk/nb/files/${d.id}.${d.format}` }));
  site.route('/', () => ({ body: page('示例开发区', linkList([{ href: '/xxgk/nb/index.html', text: '政府信息公开年报' }])) }));
  site.route('/xxgk/nb/index.html', () => ({ body: page('政府信息公开年报', linkList([...links, { href: '/xxgk/nb/2019/index.html', text: '2019年' }])) }));
  site.route('/xxgk/nb/2019/index.html', () => ({ body: CAPTCHA, validators: 'none' }));
}

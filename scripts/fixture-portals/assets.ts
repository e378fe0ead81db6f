/**
 * Static assets every portal page loads: a stylesheet and a small jQuery stand-in (ready, html, append,
 * attr, click/on, hide, each, get/getJSON), so that the list scripts of the pages run in a real browser.
 */
export const COMMON_CSS = 'body{font-family:"Microsoft YaHei",SimSun,sans-serif;margin:0}.list li{line-height:2}.footer{text-align:center;color:#666}';

export const JQUERY_SHIM = `/*! jQuery-compatible subset for the simulated portals */
(function (w, d) {
  function Q(nodes) { this.n = nodes; }
  Q.prototype.each = function (f) { this.n.forEach(function (e, i) { f.call(e, i, e); }); return this; };
  Q.prototype.html = function (h) { if (h === undefined) return this.n[0] ? this.n[0].innerHTML : ''; return this.each(function () { this.innerHTML = h; }); };
  Q.prototype.append = function (h) { return this.each(function () { this.insertAdjacentHTML('beforeend', h); }); };
  Q.prototype.attr = function (k, v) { if (v === undefined) return this.n[0] ? this.n[0].getAttribute(k) : undefined; return this.each(function () { this.setAttribute(k, v); }); };
  Q.prototype.on = function (ev, f) { return this.each(function () { this.addEventListener(ev, f); }); };
  Q.prototype.click = function (f) { return this.on('click', f); };
  Q.prototype.hide = function () { return this.each(function () { this.style.display = 'none'; }); };
  Q.prototype.jpage = function () { return this; };
  function $(s) {
    if (typeof s === 'function') { if (d.readyState !== 'loading') s(); else d.addEventListener('DOMContentLoaded', s); return; }
    if (s && s.nodeType) return new Q([s]);
    return new Q(Array.prototype.slice.call(d.querySelectorAll(s)));
  }
  function qs(o) { return o ? Object.keys(o).map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(o[k]); }).join('&') : ''; }
  $.each = function (a, f) { (a || []).forEach(function (x, i) { f(i, x); }); };
  $.get = function (u, data, cb) { var q = qs(data); return fetch(u + (q ? (u.indexOf('?') < 0 ? '?' : '&') + q : '')).then(function (r) { return r.text(); }).then(function (t) { var v; try { v = JSON.parse(t); } catch (e) { v = t; } if (cb) cb(v); return v; }); };
  $.getJSON = $.get;
  w.$ = w.jQuery = $;
})(window, document);
`;

/**
 * Browser rendering (playwright-core + Debian chromium, DEPENDENCIES gotcha 8), only for lists that exist
 * after JS runs and for simple JS cookie challenges (the page sets a cookie and reloads, as for any visitor).
 * Images, fonts and media are not loaded. One browser per crawl, launched on first use.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { FetchError, MissingToolError } from '../src/model/errors.ts';

export const CHROMIUM_PATH = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'];

export interface Rendered {
  url: string;
  status: number;
  html: string;
  /** JSON / XML / script-fetched responses the page loaded (XHR, fetch), at most 40 and 5 MB in all. */
  responses: { url: string; body: string }[];
  cookies: { name: string; value: string }[];
  ms: number;
}

export class BrowserRenderer {
  private browser: Promise<Browser> | undefined;

  constructor(private readonly options: { userAgent: string; timeoutMs: number; maxBytes: number }) {}

  private launch(): Promise<Browser> {
    if (!existsSync(CHROMIUM_PATH)) {
      return Promise.reject(new MissingToolError('tool.chromium_missing', `chromium not found at ${CHROMIUM_PATH}`));
    }
    this.browser ??= import('playwright-core').then(({ chromium }) =>
      chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS, timeout: this.options.timeoutMs }));
    return this.browser;
  }

  /**
   * Loads `url` with the given cookies, lets scripts run (and one challenge reload happen), and returns the
   * rendered HTML plus the cookies the page set for its host.
   */
  async render(url: string, cookies: { name: string; value: string }[], intervalMs = 0): Promise<Rendered> {
    const started = Date.now();
    const browser = await this.launch();
    const context: BrowserContext = await browser.newContext({ userAgent: this.options.userAgent, javaScriptEnabled: true });
    try {
      // The page's own requests (scripts, XHR) keep the host's spacing too; what no list needs is not loaded.
      let next = 0;
      await context.route('**/*', async (route) => {
        const type = route.request().resourceType();
        if (['image', 'media', 'font', 'stylesheet', 'websocket', 'manifest'].includes(type)) return route.abort();
        const now = Date.now();
        const at = Math.max(now, next);
        // A little slack: a request let through is sent (and arrives) a few ms later or earlier than the next.
        next = at + (intervalMs > 0 ? intervalMs + Math.min(100, Math.max(20, Math.ceil(intervalMs * 0.5))) : 0);
        if (at > now) await new Promise((r) => setTimeout(r, at - now));
        return route.continue();
      });
      if (cookies.length) await context.addCookies(cookies.map((c) => ({ ...c, url })));
      const page = await context.newPage();
      const responses: { url: string; body: string }[] = [];
      let captured = 0;
      page.on('response', (r) => {
        const type = r.request().resourceType();
        if (type !== 'xhr' && type !== 'fetch') return;
        if (responses.length >= 40 || captured > 5 * 1024 * 1024) return;
        void r.text().then((body) => {
          if (captured + body.length > 5 * 1024 * 1024) return;
          captured += body.length;
          responses.push({ url: r.url(), body });
        }, () => undefined);
      });
      const response = await page.goto(url, { waitUntil: 'networkidle', timeout: this.options.timeoutMs });
      // A challenge page reloads itself after setting its cookie: give it the chance once.
      await page.waitForLoadState('networkidle', { timeout: this.options.timeoutMs }).catch(() => undefined);
      const html = await page.content();
      if (Buffer.byteLength(html) > this.options.maxBytes) {
        throw new FetchError('fetch.too_large', `${url}: rendered page larger than ${this.options.maxBytes} bytes`, url);
      }
      const host = new URL(url).hostname;
      const jar = (await context.cookies()).filter((c) => c.domain.replace(/^\./, '') === host);
      return { url: page.url(), status: response?.status() ?? 0, html, responses, cookies: jar.map((c) => ({ name: c.name, value: c.value })), ms: Date.now() - started };
    } catch (e) {
      if (e instanceof FetchError) throw e;
      const timeout = /timeout/i.test((e as Error).message);
      throw new FetchError(timeout ? 'browser.timeout' : 'browser.error', `${url}: ${(e as Error).message.split('\n')[0]}`, url, { cause: e, retryable: true });
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    if (b) await (await b.catch(() => undefined))?.close().catch(() => undefined);
  }
}

/**
 * robots.txt rules (pure parsing around robots-parser). RFC 9309: a 4xx robots.txt allows everything; an
 * unreachable one (5xx, network) disallows everything for now.
 */
import m from 'robots-parser';

// robots-parser's .d.ts declares `export default` but the package is `module.exports = fn` (DEPENDENCIES gotcha).
const robotsParser = m as unknown as typeof m.default;

/** The product token matched against `User-agent:` lines. */
export const ROBOTS_TOKEN = 'nianbao';

export interface RobotsRules {
  /** 'ok' parsed rules, 'none' no robots.txt (4xx), 'unavailable' 5xx or network error (everything disallowed). */
  status: 'ok' | 'none' | 'unavailable';
  allowed(url: string): boolean;
  /** Crawl-delay for our token (or `*`) in ms, when given. */
  crawlDelayMs?: number;
}

export function robotsUrlFor(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}/robots.txt`;
}

export function parseRobots(robotsUrl: string, text: string, token = ROBOTS_TOKEN): RobotsRules {
  const robot = robotsParser(robotsUrl, text);
  const delay = robot.getCrawlDelay(token);
  return {
    status: 'ok',
    // isAllowed is undefined for URLs of another host: those are checked against their own robots.txt.
    allowed: (url) => robot.isAllowed(url, token) !== false,
    crawlDelayMs: typeof delay === 'number' && Number.isFinite(delay) && delay > 0 ? Math.min(delay, 60) * 1000 : undefined,
  };
}

export const ALLOW_ALL: RobotsRules = { status: 'none', allowed: () => true };
export const DISALLOW_ALL: RobotsRules = { status: 'unavailable', allowed: () => false };

/** Rules for a robots.txt response status (after redirects): 2xx parsed, 4xx allow all, else disallow all. */
export function robotsFromResponse(robotsUrl: string, status: number, text: string): RobotsRules {
  if (status >= 200 && status < 300) return parseRobots(robotsUrl, text);
  if (status >= 400 && status < 500) return ALLOW_ALL;
  return DISALLOW_ALL;
}

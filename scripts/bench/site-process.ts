/**
 * The fixture site (scripts/fixture-site) in its own process, so the crawler's CPU and memory are measured
 * without the server's. `startSiteProcess()` resolves once the site listens; `stop()` ends it (stdin closes).
 * Run directly, this file is that child: it prints one JSON line with the site's facts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startFixtureSite } from '../fixture-site/index.ts';

export interface SiteInfo {
  sitesFile: string;
  sites: Record<string, string>;
  reports: number;
  pid: number;
}

export interface SiteProcess {
  info: SiteInfo;
  stop(): Promise<void>;
}

const SELF = fileURLToPath(import.meta.url);

export function startSiteProcess(opts: { maxPerFormat?: number; timeoutMs?: number } = {}): Promise<SiteProcess> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SELF, String(opts.maxPerFormat ?? 4)], { stdio: ['pipe', 'pipe', 'inherit'] });
    let buf = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the fixture site did not start in time'));
    }, opts.timeoutMs ?? 60_000);
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.once('error', reject);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      buf = (buf + d).slice(-100_000);
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      const info = JSON.parse(buf.slice(0, nl)) as SiteInfo;
      resolve({
        info,
        async stop() {
          child.stdin!.end();
          const t = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(t);
        },
      });
    });
  });
}

async function main(maxPerFormat: number): Promise<void> {
  const site = await startFixtureSite({ maxPerFormat, rps: 100 });
  const info: SiteInfo = { sitesFile: site.sitesFile, sites: site.sites, reports: site.expectedReports.length, pid: process.pid };
  process.stdout.write(`${JSON.stringify(info)}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void site.close().then(() => process.exit(0)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(Number(process.argv[2] ?? 4));

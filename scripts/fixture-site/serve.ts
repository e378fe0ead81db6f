/**
 * Runs the fixture site by hand: `tsx scripts/fixture-site/serve.ts [--revision 2]`, then for example
 * `nianbao crawl --sites <printed sites file> --db /tmp/fx.sqlite --data /tmp/fx`. Ctrl-C stops it.
 */
import { startFixtureSite } from './index.ts';

const site = await startFixtureSite();
const rev = process.argv.indexOf('--revision');
if (rev > 0) site.setRevision(Number(process.argv[rev + 1]));
process.stdout.write(`fixture site (revision ${site.revision})\n`);
for (const [name, url] of Object.entries(site.sites)) process.stdout.write(`  ${name.padEnd(10)} ${url}/\n`);
process.stdout.write(`sites file: ${site.sitesFile}\nreports held: ${site.expectedReports.length}\n`);
const stop = async (): Promise<void> => {
  await site.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

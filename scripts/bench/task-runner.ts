/**
 * Child-process entry of the bench (see child.ts): `node --import tsx task-runner.ts <task>` with the task's
 * parameters as JSON in env BENCH_PARAMS. Progress goes to stderr; the result is printed as one
 * `@@bench {"result":…,"maxRss":…}` line on stdout.
 */
import { RESULT_PREFIX } from './child.ts';
import { crawlTask } from './sections/crawl.ts';
import { e2eTask } from './sections/e2e.ts';
import { extractTask } from './sections/extract.ts';
import { frontierTask } from './sections/frontier.ts';
import { nationalTask } from './sections/national.ts';
import { startupTask } from './sections/startup.ts';
import { parseTask } from './sections/parse.ts';
import { registryTask } from './sections/registry.ts';
import { queueTask } from './sections/queue.ts';
import { probeTask } from './sections/probe.ts';
import { pdftotextTask, sofficeReuseTask, tesseractTask } from './sections/reference.ts';

type Task = (params: never, log: (s: string) => void) => Promise<unknown>;

export const TASKS: Record<string, Task> = {
  parse: parseTask, extract: extractTask, pdftotext: pdftotextTask, tesseract: tesseractTask, 'soffice-reuse': sofficeReuseTask,
  crawl: crawlTask, frontier: frontierTask, e2e: e2eTask, registry: registryTask, probe: probeTask, queue: queueTask, national: nationalTask, startup: startupTask,
};

async function main(name: string): Promise<void> {
  const task = TASKS[name];
  if (!task) throw new Error(`unknown bench task ${name}; known: ${Object.keys(TASKS).join(', ')}`);
  const params = JSON.parse(process.env.BENCH_PARAMS ?? '{}') as never;
  const result = await task(params, (s) => process.stderr.write(`  ${s}\n`));
  const maxRss = process.resourceUsage().maxRSS * 1024;
  // Pipes are synchronous on Linux: the line is out before exit (a task may leave handles open, e.g. pdfjs).
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify({ result, maxRss })}\n`, () => process.exit(0));
}

await main(process.argv[2] ?? '');

/** Runs a pipeline plan for a command: progress on stderr, interrupts, the summary on stdout, the exit code. */
import type { Config } from '../pipeline/config.ts';
import type { RunPlan } from '../pipeline/run.ts';
import { withInterrupts } from './interrupts.ts';

export async function executePlan(config: Config, plan: RunPlan, output: { json?: boolean }): Promise<number> {
  // Loaded here, not at start-up: `nianbao --help` and the light commands never pay for the pipeline.
  const [{ createProgress, resolveMode }, { runPipeline }, { formatSummary }] = await Promise.all([
    import('../pipeline/progress.ts'), import('../pipeline/run.ts'), import('../pipeline/summary.ts'),
  ]);
  const progress = createProgress(resolveMode(config.log));
  let summary;
  try {
    summary = await withInterrupts(progress, (signal) => runPipeline(config, plan, { progress, signal }));
  } finally {
    progress.close();
  }
  process.stdout.write(output.json ? `${JSON.stringify(summary)}\n` : `${formatSummary(summary)}\n`);
  return summary.exitCode;
}

/** Runs a pipeline plan for a command: progress on stderr, interrupts, the summary on stdout, the exit code. */
import type { Config } from '../pipeline/config.ts';
import { createProgress, resolveMode } from '../pipeline/progress.ts';
import { runPipeline, type RunPlan } from '../pipeline/run.ts';
import { formatSummary } from '../pipeline/summary.ts';
import { withInterrupts } from './interrupts.ts';

export async function executePlan(config: Config, plan: RunPlan, output: { json?: boolean }): Promise<number> {
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

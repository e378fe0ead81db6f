/**
 * SIGINT/SIGTERM for pipeline commands: the first signal aborts (stages finish the document in hand, commit,
 * export what is committed and exit normally); a second one, a second or more later, exits at once
 * (committed work is kept; the next run resumes).
 */
import { setMaxListeners } from 'node:events';
import type { Progress } from '../pipeline/progress.ts';

export async function withInterrupts<T>(progress: Progress, body: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController();
  // Every in-flight request and worker job listens to this one signal.
  setMaxListeners(256, ac.signal);
  let first = 0;
  const onSignal = (sig: NodeJS.Signals): void => {
    // One Ctrl-C can arrive twice (from the terminal and relayed by npm or tsx): repeats within a second are one.
    if (ac.signal.aborted && Date.now() - first < 1000) return;
    if (ac.signal.aborted) {
      progress.close();
      process.stderr.write(`nianbao: second ${sig}: stopping now\n`);
      process.exit(130);
    }
    progress.log('warning', 'run.interrupt', { signal: sig, message: 'finishing the documents in hand; signal again to stop now' });
    first = Date.now();
    ac.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await body(ac.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

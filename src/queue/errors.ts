/** Errors of the distributed mode (no Redis import here: exit-codes.ts loads this for every command). */
import { PipelineError } from '../model/errors.ts';

/** Redis cannot be reached (or went away for too long), or no worker serves the queue: exit 6. */
export class QueueUnavailableError extends PipelineError {
  override name = 'QueueUnavailableError';
}

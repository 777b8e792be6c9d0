import type { JobDefinition } from './definition';
import { pruneJobs } from './store';

const DAY = 86_400_000;
/** Done jobs are kept a week (idempotency keys hold that long); failed ones a month, for the operator to read. */
const KEEP_DONE_MS = 7 * DAY;
const KEEP_FAILED_MS = 30 * DAY;

/** The runner's own housekeeping, always registered. */
export const pruneJob: JobDefinition = {
  name: 'jobs.prune',
  every: 3_600_000,
  async run(deps) {
    const now = deps.clock.now();
    const n = await pruneJobs(deps.db, now - KEEP_DONE_MS, now - KEEP_FAILED_MS);
    if (n > 0) deps.log.info({ pruned: n }, 'old jobs pruned');
  },
};

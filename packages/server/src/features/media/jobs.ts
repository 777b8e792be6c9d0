import type { JobDefinition } from '../../jobs/definition';
import { sweepOrphans } from './service';

/** Media's jobs. Orphans live in the shared store (database + media storage), so one node sweeps them. */
export const mediaJobs: JobDefinition[] = [
  {
    name: 'media.sweep-orphans',
    every: 5 * 60_000,
    async run(deps) {
      await sweepOrphans(deps, deps.clock.now());
    },
  },
];

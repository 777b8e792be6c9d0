import type { JobDefinition } from '../../jobs/definition';
import { deleteExpiredSessions } from './service';

/** Accounts' jobs: expired sessions are rows in the shared database, so one node deletes them. */
export const accountsJobs: JobDefinition[] = [
  {
    name: 'accounts.delete-expired-sessions',
    every: 5 * 60_000,
    async run(deps) {
      await deleteExpiredSessions(deps);
    },
  },
];

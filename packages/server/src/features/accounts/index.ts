import type { FeatureFactory } from '../module';
import { accountsJobs } from './jobs';
import { accountsRoutes } from './routes';

/** Registration, sessions, profiles, admin changes. */
export const accounts: FeatureFactory = (deps) => ({
  name: 'accounts',
  jobs: accountsJobs,
  routes: async (api) => api.register(accountsRoutes, { deps }),
});

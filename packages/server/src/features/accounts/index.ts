import type { FeatureFactory } from '../module';
import { accountsRoutes } from './routes';

/** Registration, sessions, profiles, admin changes. */
export const accounts: FeatureFactory = (deps) => ({
  name: 'accounts',
  routes: async (api) => api.register(accountsRoutes, { deps }),
});

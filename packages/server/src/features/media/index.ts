import type { FeatureFactory } from '../module';
import { mediaJobs } from './jobs';
import { mediaRoutes } from './routes';

/** Uploads, pictures and files, downloads. */
export const media: FeatureFactory = (deps) => ({
  name: 'media',
  jobs: mediaJobs,
  routes: async (api) => api.register(mediaRoutes, { deps }),
});

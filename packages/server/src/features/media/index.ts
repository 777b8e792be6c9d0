import type { FeatureFactory } from '../module';
import { mediaRoutes } from './routes';

/** Uploads, pictures and files, downloads. */
export const media: FeatureFactory = (deps) => ({
  name: 'media',
  routes: async (api) => api.register(mediaRoutes, { deps }),
});

import type { FeatureFactory } from '../module';
import { roomsRoutes } from './routes';

/** Rooms, groups, capacity and overflow, roles, members, announcements. */
export const rooms: FeatureFactory = (deps) => ({
  name: 'rooms',
  routes: async (api) => api.register(roomsRoutes, { deps }),
});

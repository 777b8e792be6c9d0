import type { RouteContract } from '../contract';
import { accountsRoutes } from './accounts';
import { mediaRoutes } from './media';
import { messagesRoutes } from './messages';
import { roomsRoutes } from './rooms';

/** Every REST route under /api/v1, by feature. */
export const contracts = {
  accounts: accountsRoutes,
  rooms: roomsRoutes,
  messages: messagesRoutes,
  media: mediaRoutes,
};

/** The same routes as one list (OpenAPI, the route-coverage test). */
export const allRoutes: RouteContract[] = Object.values(contracts).flatMap((f) => Object.values(f));
export { UserSearchQuery, UserSearchResult } from './accounts';
export { SyncQuery, ThreadQuery } from './messages';

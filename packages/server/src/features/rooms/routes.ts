import { contracts } from '@rounds/protocol';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../context';
import { route } from '../../http/route';
import * as rooms from './service';

const c = contracts.rooms;

/** Rooms, room groups and memberships. */
export const roomsRoutes: FastifyPluginAsync<{ deps: Deps }> = async (app, { deps }) => {
  route(app, c.listGroups, async ({ actor }) => ({ groups: await rooms.listGroups(deps, actor) }));
  route(app, c.createGroup, async ({ actor, body }) => rooms.createGroup(deps, actor, body));
  route(app, c.getGroup, async ({ actor, params }) => rooms.getGroup(deps, actor, params.groupId));
  route(app, c.updateGroup, async ({ actor, params, body }) => rooms.updateGroup(deps, actor, params.groupId, body));
  route(app, c.listRooms, async ({ actor, query }) => ({ rooms: await rooms.listRooms(deps, actor, query) }));
  route(app, c.createRoom, async ({ actor, body }) => rooms.createRoom(deps, actor, body));
  route(app, c.getRoom, async ({ actor, params }) => rooms.getRoom(deps, actor, params.roomId));
  route(app, c.updateRoom, async ({ actor, params, body }) => rooms.updateRoom(deps, actor, params.roomId, body));
  route(app, c.joinRoom, async ({ actor, params }) => rooms.joinRoom(deps, actor, params.roomId));
  route(app, c.leaveRoom, async ({ actor, params }) => rooms.leaveRoom(deps, actor, params.roomId));
  route(app, c.listMembers, async ({ actor, params, query }) => rooms.listMembers(deps, actor, params.roomId, query));
  route(app, c.addMember, async ({ actor, params, body }) => rooms.addMember(deps, actor, params.roomId, body));
  route(app, c.setMemberRole, async ({ actor, params, body }) =>
    rooms.setMemberRole(deps, actor, params.roomId, params.userId, body.role),
  );
  route(app, c.removeMember, async ({ actor, params }) =>
    rooms.removeMember(deps, actor, params.roomId, params.userId),
  );
  route(app, c.listMyRooms, async ({ actor }) => ({ rooms: await rooms.listMyRooms(deps, actor) }));
};

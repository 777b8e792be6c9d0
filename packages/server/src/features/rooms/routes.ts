import {
  AddMemberBody,
  CreateGroupBody,
  CreateRoomBody,
  GroupList,
  Id,
  JoinResult,
  Member,
  MemberList,
  MemberListQuery,
  MyRoomList,
  Room,
  RoomGroup,
  RoomList,
  RoomListQuery,
  UpdateGroupBody,
  UpdateMemberBody,
  UpdateRoomBody,
} from '@rounds/protocol';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../context';
import { requireActor } from '../../http/auth';
import * as rooms from './service';

const tags = ['rooms'];
const RoomParams = z.object({ roomId: Id });
const MemberParams = z.object({ roomId: Id, userId: Id });
const GroupParams = z.object({ groupId: Id });

/** Rooms, room groups and memberships. */
export const roomsRoutes: FastifyPluginAsync<{ deps: Deps }> = async (base, { deps }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get('/groups', { schema: { tags, response: { 200: GroupList } } }, async (req) => ({
    groups: await rooms.listGroups(deps, requireActor(req)),
  }));

  app.post('/groups', { schema: { tags, body: CreateGroupBody, response: { 201: RoomGroup } } }, async (req, reply) =>
    reply.status(201).send(await rooms.createGroup(deps, requireActor(req), req.body)),
  );

  app.get('/groups/:groupId', { schema: { tags, params: GroupParams, response: { 200: RoomGroup } } }, async (req) =>
    rooms.getGroup(deps, requireActor(req), req.params.groupId),
  );

  app.patch(
    '/groups/:groupId',
    { schema: { tags, params: GroupParams, body: UpdateGroupBody, response: { 200: RoomGroup } } },
    async (req) => rooms.updateGroup(deps, requireActor(req), req.params.groupId, req.body),
  );

  app.get('/rooms', { schema: { tags, querystring: RoomListQuery, response: { 200: RoomList } } }, async (req) => ({
    rooms: await rooms.listRooms(deps, requireActor(req), req.query),
  }));

  app.post('/rooms', { schema: { tags, body: CreateRoomBody, response: { 201: Room } } }, async (req, reply) =>
    reply.status(201).send(await rooms.createRoom(deps, requireActor(req), req.body)),
  );

  app.get('/rooms/:roomId', { schema: { tags, params: RoomParams, response: { 200: Room } } }, async (req) =>
    rooms.getRoom(deps, requireActor(req), req.params.roomId),
  );

  app.patch(
    '/rooms/:roomId',
    { schema: { tags, params: RoomParams, body: UpdateRoomBody, response: { 200: Room } } },
    async (req) => rooms.updateRoom(deps, requireActor(req), req.params.roomId, req.body),
  );

  app.post(
    '/rooms/:roomId/join',
    { schema: { tags, params: RoomParams, response: { 200: JoinResult } } },
    async (req) => rooms.joinRoom(deps, requireActor(req), req.params.roomId),
  );

  app.post('/rooms/:roomId/leave', { schema: { tags, params: RoomParams } }, async (req, reply) => {
    await rooms.leaveRoom(deps, requireActor(req), req.params.roomId);
    return reply.status(204).send();
  });

  app.get(
    '/rooms/:roomId/members',
    { schema: { tags, params: RoomParams, querystring: MemberListQuery, response: { 200: MemberList } } },
    async (req) => rooms.listMembers(deps, requireActor(req), req.params.roomId, req.query),
  );

  app.post(
    '/rooms/:roomId/members',
    { schema: { tags, params: RoomParams, body: AddMemberBody, response: { 201: Member } } },
    async (req, reply) =>
      reply.status(201).send(await rooms.addMember(deps, requireActor(req), req.params.roomId, req.body)),
  );

  app.patch(
    '/rooms/:roomId/members/:userId',
    { schema: { tags, params: MemberParams, body: UpdateMemberBody, response: { 200: Member } } },
    async (req) => rooms.setMemberRole(deps, requireActor(req), req.params.roomId, req.params.userId, req.body.role),
  );

  app.delete('/rooms/:roomId/members/:userId', { schema: { tags, params: MemberParams } }, async (req, reply) => {
    await rooms.removeMember(deps, requireActor(req), req.params.roomId, req.params.userId);
    return reply.status(204).send();
  });

  app.get('/me/rooms', { schema: { tags, response: { 200: MyRoomList } } }, async (req) => ({
    rooms: await rooms.listMyRooms(deps, requireActor(req)),
  }));
};

import {
  AdminUpdateUserBody,
  AuthResult,
  ChangePasswordBody,
  Id,
  LoginBody,
  PublicUser,
  RegisterBody,
  SelfUser,
  SessionInfoResult,
  SessionList,
  UpdateProfileBody,
} from '@rounds/protocol';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../context';
import { clearSessionCookie, requireActor, setSessionCookie } from '../../http/auth';
import * as accounts from './service';

const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') });
const tags = ['accounts'];

/** Registration, sessions, profiles. */
export const accountsRoutes: FastifyPluginAsync<{ deps: Deps }> = async (base, { deps }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const secure = (req: FastifyRequest) => req.protocol === 'https';

  app.post(
    '/auth/register',
    { schema: { tags, body: RegisterBody, response: { 201: AuthResult } } },
    async (req, reply) => {
      const result = await accounts.register(deps, req.body, meta(req));
      setSessionCookie(reply, result.token, deps.config.sessionDays, secure(req));
      return reply.status(201).send(result);
    },
  );

  app.post('/auth/login', { schema: { tags, body: LoginBody, response: { 200: AuthResult } } }, async (req, reply) => {
    const result = await accounts.login(deps, req.body.email, req.body.password, meta(req));
    setSessionCookie(reply, result.token, deps.config.sessionDays, secure(req));
    return result;
  });

  app.post('/auth/logout', { schema: { tags } }, async (req, reply) => {
    await accounts.logout(deps, requireActor(req));
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  app.get('/auth/session', { schema: { tags, response: { 200: SessionInfoResult } } }, async (req) => ({
    user: req.actor ? await accounts.getSelf(deps, req.actor) : null,
  }));

  app.get('/me', { schema: { tags, response: { 200: SelfUser } } }, async (req) =>
    accounts.getSelf(deps, requireActor(req)),
  );

  app.patch('/me', { schema: { tags, body: UpdateProfileBody, response: { 200: SelfUser } } }, async (req) =>
    accounts.updateProfile(deps, requireActor(req), req.body),
  );

  app.post('/me/password', { schema: { tags, body: ChangePasswordBody } }, async (req, reply) => {
    await accounts.changePassword(deps, requireActor(req), req.body.currentPassword, req.body.newPassword);
    return reply.status(204).send();
  });

  app.get('/me/sessions', { schema: { tags, response: { 200: SessionList } } }, async (req) => ({
    sessions: await accounts.listSessions(deps, requireActor(req)),
  }));

  app.delete(
    '/me/sessions/:sessionId',
    { schema: { tags, params: z.object({ sessionId: Id }) } },
    async (req, reply) => {
      await accounts.revokeSession(deps, requireActor(req), req.params.sessionId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/users/:userId',
    { schema: { tags, params: z.object({ userId: Id }), response: { 200: PublicUser } } },
    async (req) => accounts.getUser(deps, requireActor(req), req.params.userId),
  );

  app.get(
    '/users',
    {
      schema: {
        tags,
        querystring: z.object({ q: z.string().min(1).max(80) }),
        response: { 200: z.object({ users: z.array(PublicUser) }) },
      },
    },
    async (req) => ({ users: await accounts.searchUsers(deps, requireActor(req), req.query.q) }),
  );

  app.patch(
    '/admin/users/:userId',
    { schema: { tags, params: z.object({ userId: Id }), body: AdminUpdateUserBody, response: { 200: SelfUser } } },
    async (req) => accounts.adminUpdateUser(deps, requireActor(req), req.params.userId, req.body),
  );
};

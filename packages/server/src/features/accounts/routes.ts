import { contracts } from '@rounds/protocol';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Deps } from '../../context';
import { clearSessionCookie, setSessionCookie } from '../../http/auth';
import { route } from '../../http/route';
import * as accounts from './service';

const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') });
const c = contracts.accounts;

/** Registration, sessions, profiles. */
export const accountsRoutes: FastifyPluginAsync<{ deps: Deps }> = async (app, { deps }) => {
  const secure = (req: FastifyRequest) => req.protocol === 'https';

  route(app, c.register, async ({ body, req, reply }) => {
    const result = await accounts.register(deps, body, meta(req));
    setSessionCookie(reply, result.token, deps.config.sessionDays, secure(req));
    return result;
  });
  route(app, c.login, async ({ body, req, reply }) => {
    const result = await accounts.login(deps, body.email, body.password, meta(req));
    setSessionCookie(reply, result.token, deps.config.sessionDays, secure(req));
    return result;
  });
  route(app, c.logout, async ({ actor, reply }) => {
    await accounts.logout(deps, actor);
    clearSessionCookie(reply);
  });
  route(app, c.session, async ({ actor }) => ({ user: actor ? await accounts.getSelf(deps, actor) : null }));
  route(app, c.getSelf, async ({ actor }) => accounts.getSelf(deps, actor));
  route(app, c.updateProfile, async ({ actor, body }) => accounts.updateProfile(deps, actor, body));
  route(app, c.changePassword, async ({ actor, body }) =>
    accounts.changePassword(deps, actor, body.currentPassword, body.newPassword),
  );
  route(app, c.listSessions, async ({ actor }) => ({ sessions: await accounts.listSessions(deps, actor) }));
  route(app, c.revokeSession, async ({ actor, params }) => accounts.revokeSession(deps, actor, params.sessionId));
  route(app, c.getUser, async ({ actor, params }) => accounts.getUser(deps, actor, params.userId));
  route(app, c.searchUsers, async ({ actor, query }) => ({ users: await accounts.searchUsers(deps, actor, query.q) }));
  route(app, c.adminUpdateUser, async ({ actor, params, body }) =>
    accounts.adminUpdateUser(deps, actor, params.userId, body),
  );
};

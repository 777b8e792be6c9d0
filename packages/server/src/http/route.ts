import {
  binary,
  commonErrors,
  type ErrorCode,
  ErrorResponse,
  multipartFile,
  noContent,
  type ParsedInputOf,
  type ResponseOf,
  type RouteContract,
} from '@rounds/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../context';
import { httpStatus } from '../errors';
import { requireActor } from './auth';

/** What a contract's handler receives: parsed input, the caller, and the raw request and reply for headers. */
export type RouteContext<C extends RouteContract> = ParsedInputOf<C> & {
  actor: C['auth'] extends false ? Actor | undefined : Actor;
  req: FastifyRequest;
  reply: FastifyReply;
  /** Answers with another success status of the contract (a duplicate send answers 200, not 201). */
  setStatus(status: keyof C['responses'] & number): void;
};

/** The error responses of a route for OpenAPI and serialization, one per HTTP status, naming the codes. */
function errorResponses(c: RouteContract): Record<number, typeof ErrorResponse> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set([...commonErrors(c), ...c.errors])) {
    const status = httpStatus[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [status, ErrorResponse.describe(`Error codes: ${codes.join(', ')}.`)]),
  );
}

/**
 * The usual success status: 201 or 204 when the contract has one, else 200 (object keys come back sorted,
 * so the contract's order cannot say it).
 */
function defaultStatus(c: RouteContract): number {
  for (const s of [201, 204, 200] as const) if (c.responses[s]) return s;
  return Number(Object.keys(c.responses)[0]);
}

/**
 * Registers one REST route from its contract: Fastify validates params, query (unknown keys are
 * `validation_failed`) and JSON body with the contract's schemas and serializes the response with it;
 * authenticated routes get the actor or answer `unauthenticated`.
 */
export function route<C extends RouteContract>(
  app: FastifyInstance,
  c: C,
  handler: (
    ctx: RouteContext<C>,
    // biome-ignore lint/suspicious/noConfusingVoidType: a bodiless route may return a service's Promise<void> as it is
  ) => Promise<ResponseOf<C> | FastifyReply | (undefined extends ResponseOf<C> ? void : never)>,
): void {
  const response: Record<number, unknown> = { ...errorResponses(c) };
  for (const [status, spec] of Object.entries(c.responses)) {
    // Bodiless and binary answers have no schema here; OpenAPI describes them (http/openapi.ts).
    if (spec !== noContent && spec !== binary) response[Number(status)] = spec;
  }
  app.route({
    method: c.method,
    url: c.path,
    schema: {
      tags: [c.tag],
      summary: c.summary,
      description: c.description,
      ...(c.auth ? {} : { security: [] }),
      ...(c.params ? { params: c.params } : {}),
      ...(c.query ? { querystring: c.query.strict() } : {}),
      ...(c.body === multipartFile ? { consumes: ['multipart/form-data'] } : c.body ? { body: c.body } : {}),
      response,
    },
    handler: async (req, reply) => {
      let status = defaultStatus(c);
      const actor = c.auth ? requireActor(req) : req.actor;
      const ctx = {
        params: req.params ?? {},
        query: req.query ?? {},
        body: req.body,
        actor,
        req,
        reply,
        setStatus: (s: number) => {
          status = s;
        },
      } as unknown as RouteContext<C>;
      const out = await handler(ctx);
      if (out === reply || reply.sent) return reply;
      if (c.responses[status as 204] === noContent) return reply.status(status).send();
      return reply.status(status).send(out);
    },
  });
}

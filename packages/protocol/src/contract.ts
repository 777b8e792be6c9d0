import type { z } from 'zod';
import type { ErrorCode } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A response without a JSON body: 204, or the bytes of a media download. */
export const noContent = { kind: 'none' } as const;
export const binary = { kind: 'binary' } as const;
type NonJson = typeof noContent | typeof binary;

/** The upload route's body: `multipart/form-data` with one part named `file`. */
export const multipartFile = { kind: 'multipart', field: 'file' } as const;

export type ResponseSpec = z.ZodType | NonJson;

/**
 * One REST route under /api/v1: the server registers it from this, OpenAPI describes it and the typed client
 * (`createClient`) calls it. `path` uses Fastify's `:name` parameters.
 */
export type RouteContract = {
  readonly method: HttpMethod;
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description: string;
  /** False only for registration and sign-in; everything else needs a session or bearer token. */
  readonly auth: boolean;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType | typeof multipartFile;
  /** Success responses by status; the first one listed is the usual one. */
  readonly responses: Readonly<Partial<Record<200 | 201 | 204 | 206 | 304 | 416, ResponseSpec>>>;
  /** The codes this route answers besides the ones every route can give (see `commonErrors`). */
  readonly errors: readonly ErrorCode[];
};

/** Keeps a contract's literal types so handlers and the client are typed from it. */
export function defineRoute<const C extends RouteContract>(c: C): C {
  return c;
}

/** Codes any route can answer: bad input, rate limits, our own failures; and for authenticated routes the auth codes. */
export function commonErrors(c: RouteContract): ErrorCode[] {
  const codes: ErrorCode[] = ['validation_failed', 'payload_too_large', 'rate_limited', 'internal'];
  if (c.auth) codes.push('unauthenticated');
  if (c.method !== 'GET') codes.push('csrf_failed');
  return codes;
}

type Out<S> = S extends z.ZodType ? z.output<S> : S extends typeof binary ? ArrayBuffer : undefined;

/** What a successful call returns (the union of the success bodies). */
export type ResponseOf<C extends RouteContract> = {
  [K in keyof C['responses']]: Out<C['responses'][K]>;
}[keyof C['responses']];

type In<S> = S extends z.ZodType ? z.input<S> : never;

/** What a call takes: path parameters, query and body, each present only when the route has it. */
export type InputOf<C extends RouteContract> = (C['params'] extends z.ZodObject
  ? { params: In<C['params']> }
  : { params?: undefined }) &
  (C['query'] extends z.ZodObject ? { query?: In<C['query']> } : { query?: undefined }) &
  (C['body'] extends z.ZodType
    ? { body: In<C['body']> }
    : C['body'] extends typeof multipartFile
      ? { body: Blob; filename?: string }
      : { body?: undefined });

/** Parsed inputs as the server handler sees them. */
export type ParsedInputOf<C extends RouteContract> = {
  params: C['params'] extends z.ZodObject ? z.output<C['params']> : Record<string, never>;
  query: C['query'] extends z.ZodObject ? z.output<C['query']> : Record<string, never>;
  body: C['body'] extends z.ZodType ? z.output<C['body']> : undefined;
};

/** Fills a contract's `:name` parameters, each URI-encoded. */
export function buildPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(v));
  });
}

import type { z } from 'zod';
import {
  binary,
  buildPath,
  type InputOf,
  multipartFile,
  noContent,
  type ResponseOf,
  type RouteContract,
} from './contract';
import type { ErrorBody, ErrorCode } from './errors';
import { errorCodes, retryableErrorCodes } from './errors';

/**
 * Failures a client observes that no server sends, so they are not error codes: `network` (no HTTP answer),
 * `timeout` (no socket ack in time), `disconnected` (the socket closed before the ack; resend once it is back).
 */
export const clientFailures = ['network', 'timeout', 'disconnected'] as const;
export type ClientFailure = (typeof clientFailures)[number];

/**
 * True when sending the same request again may succeed: the server's `retryableErrorCodes`, and a request
 * that got no answer (`network`, `timeout`; thanks to `clientMsgId` a resent message is not duplicated).
 */
export function isRetryable(code: ErrorCode | ClientFailure): boolean {
  return code === 'network' || code === 'timeout' || (retryableErrorCodes as readonly string[]).includes(code);
}

/** A failed call: the HTTP status and the protocol error; `network` when no answer came (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type ClientOptions = {
  /** Origin of the server, e.g. `http://127.0.0.1:8080`; empty for same-origin browser calls. */
  baseUrl?: string;
  /** A bearer token (API clients, bots); browsers use the session cookie instead. */
  token?: string | (() => string | undefined);
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Sent with every request (the browser passes `same-origin`). */
  credentials?: RequestCredentials;
};

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : '';
}

function toApiError(status: number, statusText: string, json: unknown): ApiError {
  const err = (json as { error?: Partial<ErrorBody> } | undefined)?.error;
  const code = err?.code && (errorCodes as string[]).includes(err.code) ? err.code : 'internal';
  return new ApiError(status, code, err?.message ?? (statusText || `HTTP ${status}`), err?.details);
}

/**
 * A typed REST client built on the route contracts: `call(contracts.rooms.getRoom, {params: {roomId}})`
 * returns the parsed `Room` or throws `ApiError`. Responses are checked with the contract's schema.
 */
export function createClient(opts: ClientOptions = {}) {
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  return async function call<C extends RouteContract>(contract: C, input: InputOf<C>): Promise<ResponseOf<C>> {
    const { params, query, body } = input as {
      params?: Record<string, string>;
      query?: Record<string, unknown>;
      body?: unknown;
    };
    const url = `${opts.baseUrl ?? ''}/api/v1${buildPath(contract.path, params)}${queryString(query)}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = typeof opts.token === 'function' ? opts.token() : opts.token;
    if (token) headers.authorization = `Bearer ${token}`;
    let payload: BodyInit | undefined;
    if (contract.body === multipartFile) {
      const form = new FormData();
      form.append(multipartFile.field, body as Blob, (input as { filename?: string }).filename ?? 'file');
      payload = form;
    } else if (contract.body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let res: Response;
    try {
      res = await doFetch(url, {
        method: contract.method,
        headers,
        ...(payload === undefined ? {} : { body: payload }),
        ...(opts.credentials ? { credentials: opts.credentials } : {}),
      });
    } catch (err) {
      throw new ApiError(0, 'network', err instanceof Error ? err.message : 'network error');
    }
    const spec = contract.responses[res.status as keyof RouteContract['responses']];
    if (res.ok && spec === binary) return (await res.arrayBuffer()) as ResponseOf<C>;
    if (res.ok && spec === noContent) return undefined as ResponseOf<C>;
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok || !spec) throw toApiError(res.status, res.statusText, json);
    return (spec as z.ZodType).parse(json) as ResponseOf<C>;
  };
}

export type Call = ReturnType<typeof createClient>;

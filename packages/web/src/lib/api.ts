import { ApiError, createClient } from '@rounds/protocol';

export { ApiError };

/**
 * The REST API through the protocol's route contracts: `call(contracts.rooms.getRoom, {params: {roomId}})`
 * returns the parsed response or throws `ApiError`. The browser signs in with the session cookie.
 */
export const call = createClient({ credentials: 'same-origin' });

type Method = 'GET' | 'POST';

async function request(method: Method, path: string, body?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : 'network error');
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: ApiError['code']; message?: string; details?: unknown } } | undefined)
      ?.error;
    throw new ApiError(res.status, err?.code ?? 'internal', err?.message ?? res.statusText, err?.details);
  }
  return json;
}

/**
 * Untyped calls kept only for lib/socket.ts's HTTP fallback, which is being split in another branch; it moves
 * to `call` when that lands (issue 10 part 7). Everything else uses `call`.
 */
export const api = {
  get: <T>(path: string) => request('GET', path) as Promise<T>,
  post: <T>(path: string, body?: unknown) => request('POST', path, body ?? {}) as Promise<T>,
};

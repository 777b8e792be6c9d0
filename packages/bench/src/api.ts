/** REST calls to a Rounds server, and a small concurrency pool for bulk set-up. */
import type { AuthResult, JoinResult, RegisterBody, Room } from '@rounds/protocol';

/** A REST call under /api/v1 with an optional bearer token; throws on a non-2xx reply. */
export async function api<T>(base: string, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Runs fn(0..n-1) with at most `concurrency` calls in flight; reports progress every `every` completions. */
export async function pool<T>(
  n: number,
  concurrency: number,
  fn: (i: number) => Promise<T>,
  progress?: { every: number; label: string },
): Promise<T[]> {
  const out = new Array<T>(n);
  let next = 0;
  let done = 0;
  const started = Date.now();
  const lane = async () => {
    while (next < n) {
      const i = next++;
      out[i] = await fn(i);
      done++;
      if (progress && done % progress.every === 0) {
        const secs = (Date.now() - started) / 1000;
        console.log(`    ${progress.label}: ${done}/${n} (${Math.round(done / secs)}/s)`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, lane));
  return out;
}

function registerBody(i: number): RegisterBody {
  return {
    email: `bench-${i}@bench.example.org`,
    password: 'correct horse battery staple',
    handle: `bench-${i}`,
    displayName: `Bench clinician ${i}`,
    profession: 'physician',
    specialty: 'Infectious diseases',
    country: 'CN',
    institution: 'Bench Hospital',
    languages: ['en', 'zh'],
    timeZone: 'Asia/Shanghai',
  };
}

export const register = (base: string, i: number): Promise<AuthResult> =>
  api<AuthResult>(base, 'POST', '/auth/register', registerBody(i));

export const createRoom = (base: string, token: string, name: string, capacity: number): Promise<Room> =>
  api<Room>(base, 'POST', '/rooms', { name, capacity, visibility: 'public' }, token);

export const joinRoom = (base: string, token: string, roomId: string): Promise<JoinResult> =>
  api<JoinResult>(base, 'POST', `/rooms/${roomId}/join`, undefined, token);

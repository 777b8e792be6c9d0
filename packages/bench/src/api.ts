/** REST calls to a Rounds server (the protocol's typed client), and a small concurrency pool for bulk set-up. */
import {
  type AuthResult,
  contracts,
  createClient,
  type JoinResult,
  type RegisterBody,
  type Room,
} from '@rounds/protocol';

/** The protocol's typed REST client against a bench server, with a bearer token when given. */
export const client = (base: string, token?: string) => createClient({ baseUrl: base, ...(token ? { token } : {}) });

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
  client(base)(contracts.accounts.register, { body: registerBody(i) });

export const createRoom = (base: string, token: string, name: string, capacity: number): Promise<Room> =>
  client(base, token)(contracts.rooms.createRoom, { body: { name, capacity, visibility: 'public' } });

export const joinRoom = (base: string, token: string, roomId: string): Promise<JoinResult> =>
  client(base, token)(contracts.rooms.joinRoom, { params: { roomId } });

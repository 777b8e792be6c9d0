import {
  type AuthResult,
  type Call,
  contracts,
  createClient,
  type RegisterBody,
  type ServerFrame,
} from '@rounds/protocol';
import WebSocket from 'ws';

type Json = Record<string, unknown>;
export type ApiResult<T = any> = { status: number; body: T; headers: Headers };

/**
 * The typed contract client against a test server, with a bearer token when given: returns the parsed
 * response or throws the protocol's `ApiError`. Use `api` below for requests a typed client cannot make
 * (malformed ids, unknown keys, raw bodies) and to look at statuses and headers.
 */
export function client(base: string, token?: string): Call {
  return createClient({ baseUrl: base, ...(token ? { token } : {}) });
}

/** A raw REST call with an optional bearer token. */
export async function api<T = any>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

let counter = 0;
/** A valid registration body; override any field. */
export function newUserBody(over: Partial<RegisterBody> = {}): RegisterBody {
  counter++;
  const tag = `${process.pid}-${counter}-${Math.random().toString(36).slice(2, 7)}`;
  return {
    email: `clinician-${tag}@example.org`,
    password: 'correct horse battery staple',
    displayName: `Clinician ${counter}`,
    profession: 'physician',
    specialty: 'Infectious diseases',
    country: 'CN',
    institution: 'Wuhan Union Hospital',
    languages: ['en', 'zh'],
    timeZone: 'Asia/Shanghai',
    ...over,
  };
}

export type TestUser = AuthResult;

export function registerUser(base: string, over: Partial<RegisterBody> = {}): Promise<TestUser> {
  return client(base)(contracts.accounts.register, { body: newUserBody(over) });
}

/** A real WebSocket client that answers commands by ref and records every frame it receives. */
export class TestSocket {
  readonly frames: ServerFrame[] = [];
  private waiters: { pred: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void }[] = [];
  private refs = 0;
  closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as ServerFrame;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => {
        if (!w.pred(frame)) return true;
        w.resolve(frame);
        return false;
      });
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  /** Opens a socket; with a token, also sends hello and waits for its ack. */
  static async connect(wsUrl: string, token?: string, headers: Record<string, string> = {}): Promise<TestSocket> {
    const ws = new WebSocket(wsUrl, { headers });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    const sock = new TestSocket(ws);
    if (token) {
      const hello = await sock.request({ type: 'hello', version: 1, token });
      if (hello.type !== 'ack') throw new Error(`hello failed: ${JSON.stringify(hello)}`);
    }
    return sock;
  }

  /** Sends a command with a fresh ref; resolves with its ack or error frame. */
  request(cmd: Json): Promise<Extract<ServerFrame, { type: 'ack' | 'error' }>> {
    const ref = `r${++this.refs}`;
    const p = this.waitFor((f) => (f.type === 'ack' || f.type === 'error') && 'ref' in f && f.ref === ref);
    this.ws.send(JSON.stringify({ ...cmd, ref }));
    return p as Promise<Extract<ServerFrame, { type: 'ack' | 'error' }>>;
  }

  /** Sends a command and returns its ack data; throws on an error frame. */
  async call<T = any>(cmd: Json): Promise<T> {
    const f = await this.request(cmd);
    if (f.type === 'error') throw new Error(`${String(cmd.type)} failed: ${f.error.code} ${f.error.message}`);
    return f.data as T;
  }

  sendRaw(data: string | Buffer, binary = false): void {
    this.ws.send(data, { binary });
  }

  /** Resolves with the first frame (already received or future) matching `pred`. */
  waitFor(pred: (f: ServerFrame) => boolean, timeoutMs = 5000): Promise<ServerFrame> {
    const seen = this.frames.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('waitFor timed out')), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
      });
    });
  }

  /** Frames of one type received so far. */
  ofType<T extends ServerFrame['type']>(type: T): Extract<ServerFrame, { type: T }>[] {
    return this.frames.filter((f) => f.type === type) as Extract<ServerFrame, { type: T }>[];
  }

  close(): void {
    this.ws.close();
  }
}

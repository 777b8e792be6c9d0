/** A Rounds socket client for the main process (senders, the sync client): commands answered by ref. */
import {
  type AckDataFor,
  type ClientCommand,
  type ClientCommandType,
  PROTOCOL_VERSION,
  type ServerFrame,
} from '@rounds/protocol';
import WebSocket from 'ws';

type Cmd<T extends ClientCommandType> = Omit<Extract<ClientCommand, { type: T }>, 'ref'>;
type Waiter = { resolve: (data: unknown) => void; reject: (err: Error) => void };

export class RoundsClient {
  private refs = 0;
  private readonly waiting = new Map<string, Waiter>();
  /** Called with every server frame that is not an ack or error. */
  onEvent: ((frame: ServerFrame, raw: string) => void) | undefined;
  readonly closed: Promise<void>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const raw = data.toString();
      const frame = JSON.parse(raw) as ServerFrame;
      if ((frame.type === 'ack' || frame.type === 'error') && frame.ref !== undefined) {
        const w = this.waiting.get(String(frame.ref));
        if (!w) return;
        this.waiting.delete(String(frame.ref));
        if (frame.type === 'ack') w.resolve(frame.data);
        else w.reject(new Error(`${frame.error.code}: ${frame.error.message}`));
        return;
      }
      this.onEvent?.(frame, raw);
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', () => {
        for (const w of this.waiting.values()) w.reject(new Error('socket closed'));
        this.waiting.clear();
        resolve();
      }),
    );
  }

  /** Opens a socket and says hello with the bearer token. */
  static async connect(url: string, token: string): Promise<RoundsClient> {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    const client = new RoundsClient(ws);
    await client.call('hello', { type: 'hello', version: PROTOCOL_VERSION, token });
    return client;
  }

  /** Sends a command; resolves with its ack data, rejects on its error frame. */
  call<T extends ClientCommandType>(_type: T, cmd: Cmd<T>): Promise<AckDataFor<T>> {
    const ref = `c${++this.refs}`;
    return new Promise((resolve, reject) => {
      this.waiting.set(ref, { resolve: resolve as (d: unknown) => void, reject });
      this.ws.send(JSON.stringify({ ...cmd, ref }));
    });
  }

  async close(): Promise<void> {
    this.ws.close();
    await this.closed;
  }
}

/** A bare WebSocket for the baselines' sender: resolves once open. */
export async function openRaw(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  ws.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return ws;
}

/** A minimal Socket.IO client over a bare WebSocket (Engine.IO v4): connects the default namespace. */
export async function openSocketIo(baseWsUrl: string, room: string): Promise<WebSocket> {
  const ws = new WebSocket(`${baseWsUrl}/socket.io/?EIO=4&transport=websocket&room=${encodeURIComponent(room)}`, {
    perMessageDeflate: false,
  });
  // Listen before 'open': the server's open packet can arrive in the same tick as the upgrade.
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      if (text.startsWith('0{')) ws.send('40');
      else if (text.startsWith('40')) resolve();
      else if (text.startsWith('44')) reject(new Error(text));
      else if (text === '2') ws.send('3');
    });
  });
  ws.on('error', () => undefined);
  return ws;
}

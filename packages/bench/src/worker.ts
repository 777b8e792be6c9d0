/**
 * A client worker process: holds up to ~10k sockets to one server and reacts to commands from the main
 * process over IPC. Frames are inspected by their first bytes or a mark, never parsed, so the client side
 * stays cheap next to the server under test.
 */
import WebSocket from 'ws';
import {
  type ClientSpec,
  type ConnectCommand,
  type ConnectResult,
  type FromWorker,
  MARK,
  now,
  type ServerKind,
  type ToWorker,
} from './ipc';

type Client = {
  ws: WebSocket;
  group: number;
  kind: ServerKind;
  spec: ClientSpec;
  ready: boolean;
  inflight: boolean;
  n: number;
  prefix: string;
  /** The last seq this client saw in its room (throughput mode), to count live gaps. */
  lastSeq: number;
};

const post = (m: FromWorker): void => {
  process.send?.(m);
};
const markBuf = Buffer.from(MARK);
const SEQ_KEY = Buffer.from('"seq":');
let clients: Client[] = [];
let mode: 'idle' | 'fanout' | 'throughput' = 'idle';

const fan = { groups: 1, sizes: new Map<number, number>(), counts: new Map<number, number>() };
const tp = {
  running: false,
  body: '',
  tag: '',
  acked: 0,
  delivered: 0,
  gaps: 0,
  errors: 0,
  firstError: undefined as string | undefined,
};

/** The first bytes of a server frame: `{"type":"ack"`, `{"type":"error"`, `{"type":"message.created"`. */
const head = (buf: Buffer): string => buf.toString('latin1', 0, 25);

function onData(c: Client, buf: Buffer): void {
  if (c.kind === 'sio' && buf.length === 1 && buf[0] === 0x32) {
    c.ws.send('3'); // Engine.IO ping -> pong
    return;
  }
  if (mode === 'fanout') {
    const i = buf.indexOf(markBuf);
    if (i < 0) return;
    const k = Number(buf.toString('latin1', i + 2, i + 8));
    const count = (fan.counts.get(k) ?? 0) + 1;
    fan.counts.set(k, count);
    if (count === fan.sizes.get(k % fan.groups)) post({ ev: 'got', k, at: now() });
    return;
  }
  if (mode === 'throughput') {
    const h = head(buf);
    if (h.startsWith('{"type":"message.created"')) {
      tp.delivered++;
      // The event's own seq comes first: {"type":"message.created","roomId":"…","seq":N,"message":{…}}.
      const at = buf.indexOf(SEQ_KEY);
      const seq =
        at < 0 ? 0 : Number.parseInt(buf.toString('latin1', at + SEQ_KEY.length, at + SEQ_KEY.length + 12), 10);
      if (c.lastSeq > 0 && seq > c.lastSeq + 1) tp.gaps++;
      if (seq > c.lastSeq) c.lastSeq = seq;
    } else if (h.startsWith('{"type":"ack"')) {
      tp.acked++;
      c.inflight = false;
      if (tp.running) sendNext(c);
    } else if (h.startsWith('{"type":"error"')) {
      tp.errors++;
      tp.firstError ??= buf.toString('utf8', 0, 300);
      c.inflight = false;
      if (tp.running) setTimeout(() => tp.running && sendNext(c), 10);
    }
  }
}

function sendNext(c: Client): void {
  if (c.ws.readyState !== WebSocket.OPEN) return;
  c.n++;
  c.inflight = true;
  c.ws.send(`${c.prefix}${c.n},"clientMsgId":"${tp.tag}-${c.n}","body":${tp.body}}`);
}

function urlFor(kind: ServerKind, base: string, spec: ClientSpec): string {
  if (kind === 'sio')
    return `${base}/socket.io/?EIO=4&transport=websocket&room=${encodeURIComponent(spec.roomId ?? 'bench')}`;
  if (kind === 'ws' && spec.roomId)
    return `${base}${base.includes('?') ? '&' : '?'}room=${encodeURIComponent(spec.roomId)}`;
  return base;
}

/** Opens one socket and completes the server's handshake (Rounds hello, Socket.IO namespace connect). */
function open(kind: ServerKind, base: string, spec: ClientSpec, group: number): Promise<Client> {
  const ws = new WebSocket(urlFor(kind, base, spec), { perMessageDeflate: false, handshakeTimeout: 60_000 });
  const c: Client = {
    ws,
    group,
    kind,
    spec,
    ready: false,
    inflight: false,
    n: 0,
    lastSeq: 0,
    prefix: `{"type":"message.send","roomId":"${spec.roomId ?? ''}","ref":`,
  };
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      if (c.ready) return;
      if (err) {
        ws.terminate();
        reject(err);
        return;
      }
      c.ready = true;
      resolve(c);
    };
    ws.on('error', (err) => done(err));
    ws.on('unexpected-response', (_req, res) => done(new Error(`HTTP ${res.statusCode}`)));
    ws.on('close', (code) => done(new Error(`closed ${code}`)));
    ws.on('open', () => {
      if (kind === 'ws') done();
      else if (kind === 'rounds') ws.send(JSON.stringify({ type: 'hello', ref: 'h', version: 1, token: spec.token }));
    });
    ws.on('message', (data: Buffer) => {
      if (c.ready) return onData(c, data);
      const text = data.toString();
      if (kind === 'rounds') {
        if (text.startsWith('{"type":"ack"')) done();
        else if (text.startsWith('{"type":"error"')) done(new Error(`hello refused: ${text.slice(0, 200)}`));
      } else if (kind === 'sio') {
        if (text.startsWith('0{')) ws.send('40');
        else if (text.startsWith('40')) done();
        else if (text.startsWith('44')) done(new Error(`namespace refused: ${text}`));
        else if (text === '2') ws.send('3');
      }
    });
  });
}

async function connect(cmd: ConnectCommand): Promise<ConnectResult> {
  const started = now();
  const before = clients.length;
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  const lane = async () => {
    while (next < cmd.clients.length) {
      const spec = cmd.clients[next++] as ClientSpec;
      try {
        clients.push(await open(cmd.kind, cmd.url, spec, cmd.group ?? 0));
      } catch (err) {
        failed++;
        firstError ??= String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, cmd.concurrency) }, lane));
  return { connected: clients.length - before, failed, ...(firstError ? { firstError } : {}), ms: now() - started };
}

async function stopThroughput(): Promise<void> {
  tp.running = false;
  const deadline = Date.now() + 10_000;
  while (clients.some((c) => c.inflight && c.ws.readyState === WebSocket.OPEN) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function handle(cmd: ToWorker): Promise<unknown> {
  switch (cmd.op) {
    case 'connect':
      return connect(cmd);
    case 'fanout': {
      fan.groups = cmd.groups;
      fan.counts.clear();
      fan.sizes.clear();
      for (const c of clients) fan.sizes.set(c.group, (fan.sizes.get(c.group) ?? 0) + 1);
      mode = 'fanout';
      return Object.fromEntries(fan.sizes);
    }
    case 'tp-start':
      Object.assign(tp, {
        running: true,
        body: JSON.stringify(cmd.body),
        tag: `${process.pid}-${Date.now().toString(36)}`,
        acked: 0,
        delivered: 0,
        gaps: 0,
        errors: 0,
        firstError: undefined,
      });
      for (const c of clients) c.lastSeq = 0;
      mode = 'throughput';
      for (const c of clients) if (c.group === cmd.group) sendNext(c);
      return {};
    case 'tp-mark':
      return {
        at: now(),
        acked: tp.acked,
        delivered: tp.delivered,
        gaps: tp.gaps,
        errors: tp.errors,
        ...(tp.firstError ? { firstError: tp.firstError } : {}),
      };
    case 'tp-stop':
      await stopThroughput();
      return {};
    case 'clock':
      return { now: now() };
    case 'close': {
      for (const c of clients) c.ws.terminate();
      clients = [];
      mode = 'idle';
      return {};
    }
    case 'media-floor': {
      // Loaded only here: the socket workers never need sharp.
      const { runFloor } = await import('./media-floor');
      return runFloor(cmd.files, cmd.concurrency, cmd.outDir);
    }
  }
}

process.on('message', (msg: ToWorker) => {
  handle(msg).then(
    (data) => post({ id: msg.id, ok: true, data }),
    (err: unknown) => post({ id: msg.id, ok: false, error: String(err instanceof Error ? err.stack : err) }),
  );
});
// The main process went away: leave with it.
process.on('disconnect', () => process.exit(0));

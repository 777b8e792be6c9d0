/** Messages between the bench's main process and its client worker processes (Node IPC, JSON). */

/** Which server a worker's sockets speak to: Rounds (hello with a token), a bare ws server, or Socket.IO. */
export type ServerKind = 'rounds' | 'ws' | 'sio';

/** One client socket a worker opens. */
export type ClientSpec = {
  /** Rounds bearer token, sent in `hello`. */
  token?: string;
  /** Room the client sends to (throughput) or joins (baselines, as `?room=`). */
  roomId?: string;
};

export type ConnectCommand = {
  op: 'connect';
  kind: ServerKind;
  /** WebSocket URL (for Socket.IO: the server's base ws:// URL). */
  url: string;
  clients: ClientSpec[];
  concurrency: number;
  /** Fan-out group of these sockets (one per server when servers are interleaved); mark k belongs to group k % groups. */
  group?: number;
};

export type ToWorker = { id: number } & (
  | ConnectCommand
  /** Count fan-out marks; report `got` when every socket of mark k's group (k % groups) has received it. */
  | { op: 'fanout'; groups: number }
  /** Every socket of the group starts sending message.send, one in flight, until `tp-stop`. */
  | { op: 'tp-start'; body: string; group: number }
  /** Cumulative counters now. */
  | { op: 'tp-mark' }
  /** Stop sending; resolves when no send is in flight (or after a timeout). */
  | { op: 'tp-stop' }
  | { op: 'clock' }
  /** Closes every socket this worker holds. */
  | { op: 'close' }
  /** The media floor: process these pictures as the server does, `concurrency` at a time (answers FloorResult). */
  | { op: 'media-floor'; files: string[]; concurrency: number; outDir: string }
);

export type FloorResult = {
  /** Per picture, in the order given: ms from start to its three renditions written. */
  ms: number[];
  totalMs: number;
  /** Longest event-loop delay in the floor's process meanwhile (10 ms timer, interval included). */
  loopMaxMs: number;
  /** libuv's thread pool size in the worker (UV_THREADPOOL_SIZE, or 4) and libvips' threads per image. */
  threadpool: number;
  vipsThreads: number;
};

export type ConnectResult = { connected: number; failed: number; firstError?: string; ms: number };
export type TpMark = {
  at: number;
  acked: number;
  delivered: number;
  /** message.created frames whose seq skipped past the last one the client saw in its room (a live gap). */
  gaps: number;
  errors: number;
  firstError?: string;
};

export type FromWorker =
  | { id: number; ok: true; data?: unknown }
  | { id: number; ok: false; error: string }
  /** Every socket of this worker has received fan-out mark k; `at` is the last receive time. */
  | { ev: 'got'; k: number; at: number };

/** The fan-out mark written into each broadcast body: `#B` + 6 digits + `#`. */
export const MARK = '#B';
export const markOf = (k: number): string => `${MARK}${String(k).padStart(6, '0')}#`;

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes on this machine. */
export const now = (): number => performance.timeOrigin + performance.now();

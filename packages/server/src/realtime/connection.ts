import type { Socket } from 'node:net';
import type WebSocket from 'ws';

/** Above this many queued bytes a socket is a slow consumer: it is dropped and will sync on reconnect. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * One authenticated (or authenticating) socket. Kept small: a server holds tens of thousands.
 * Frames are written pre-framed to the TCP socket, so a broadcast frames its payload once; this is safe
 * because permessage-deflate is off, which keeps ws's sender writing straight to the socket too.
 */
export class Connection {
  userId = '';
  sessionId = '';
  /** Set the moment a hello is accepted for processing, before any await: one hello per socket (issue 11). */
  helloStarted = false;
  /** Rooms whose events this socket receives. */
  readonly rooms = new Set<string>();
  alive = true;
  /** Which heartbeat tick pings this socket. */
  slot = 0;
  /** Token bucket for all commands on this socket (flood guard). */
  tokens = 0;
  refilledAt = 0;

  constructor(readonly ws: WebSocket) {}

  get authenticated(): boolean {
    return this.userId !== '';
  }

  /** Writes an already framed WebSocket message. */
  writeFrame(frame: Buffer): void {
    const socket = (this.ws as unknown as { _socket: Socket | null })._socket;
    if (this.ws.readyState !== 1 || !socket) return;
    if (socket.writableLength > MAX_BUFFERED_BYTES) {
      this.ws.terminate();
      return;
    }
    socket.write(frame);
  }

  /** Sends one JSON frame to this socket alone. */
  sendJson(value: unknown): void {
    if (this.ws.readyState === 1) this.ws.send(JSON.stringify(value));
  }
}

import { AckData, type AckDataFor, type ClientCommandType, type ErrorBody } from '@rounds/protocol';
import { type Pending, SocketError } from './socket-types';

type AnswerFrame = { type: 'ack'; ref?: unknown; data?: unknown } | { type: 'error'; ref?: unknown; error: ErrorBody };

/** Commands in flight, by `ref`: each is answered by an `ack` (data checked against the protocol) or an `error`. */
export class Requests {
  private nextRef = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly timeoutMs: number) {}

  send<T extends ClientCommandType>(
    ws: WebSocket,
    type: T,
    payload: Record<string, unknown>,
    timeoutMs?: number,
  ): Promise<AckDataFor<T>> {
    const ref = this.nextRef++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(ref);
        reject(new SocketError('timeout', `${type} timed out`));
      }, timeoutMs ?? this.timeoutMs);
      this.pending.set(ref, { type, resolve: resolve as (v: unknown) => void, reject, timer });
      ws.send(JSON.stringify({ ...payload, type, ref }));
    });
  }

  settle(frame: AnswerFrame): void {
    if (typeof frame.ref !== 'number') {
      if (frame.type === 'error') console.warn('socket error', frame.error);
      return;
    }
    const p = this.pending.get(frame.ref);
    if (!p) return;
    this.pending.delete(frame.ref);
    clearTimeout(p.timer);
    if (frame.type === 'error') {
      p.reject(new SocketError(frame.error.code, frame.error.message));
      return;
    }
    const data = AckData[p.type].safeParse(frame.data);
    if (data.success) p.resolve(data.data);
    else {
      console.warn(`ack for ${p.type} does not match the protocol`, frame.data, data.error.issues);
      p.reject(new SocketError('malformed_frame', 'unexpected ack'));
    }
  }

  /** The connection is gone: every command in flight fails with `disconnected`. */
  failAll(): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new SocketError('disconnected', 'connection lost'));
    }
    this.pending.clear();
  }
}

/**
 * Picture work in a child process of lower scheduling priority (bin/image-worker.mjs): decoding and
 * re-encoding a 12 MP photo takes about a core-second, and done in this process its threads competed with
 * the event loop for the machine's cores (measured: the loop waited 8.5 s for a CPU during 100 uploads on
 * two cores). The child's threads yield to this process; a libvips crash on a hostile file kills only the
 * child, whose jobs then fail with image_unreadable, and the next job starts a new one.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ErrorCode } from '@rounds/protocol';
import type { Logger } from 'pino';
import { AppError } from '../../errors';
import type { Processed } from './process';

export type ImageJob = { id: number; op: 'image' | 'pdf'; file: string };
export type ImageReply =
  | { id: number; ok: true; value: Processed }
  | { id: number; ok: false; error: { code: ErrorCode; message: string; details?: unknown } };

const ENTRY = fileURLToPath(new URL('../../../bin/image-worker.mjs', import.meta.url));
/** A job still running after this long is taken as stuck: the child is killed and its jobs fail. */
const JOB_TIMEOUT_MS = 120_000;

type Pending = { resolve: (p: Processed) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

export class ImageWorker {
  private child: Promise<ChildProcess> | undefined;
  private proc: ChildProcess | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly log: Logger) {}

  /** The child's process id while one runs (operators, tests). */
  get pid(): number | undefined {
    return this.proc?.pid;
  }

  /** Jobs sent to the child and not yet answered. */
  get running(): number {
    return this.pending.size;
  }

  /** Decodes, orients and re-encodes a picture without metadata (processImage, in the child). */
  image(file: string): Promise<Processed> {
    return this.run('image', file);
  }

  /** A PDF's first page as previews; none when poppler is missing or the file has no renderable page. */
  async pdfPreviews(file: string): Promise<Processed['variants']> {
    return (await this.run('pdf', file)).variants;
  }

  /** Stops the child; jobs still running fail. */
  async close(): Promise<void> {
    this.closed = true;
    const child = await this.child?.catch(() => undefined);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }

  private async run(op: ImageJob['op'], file: string): Promise<Processed> {
    if (this.closed) throw new AppError('internal', 'The server is shutting down.');
    const child = await this.start();
    const id = this.nextId++;
    return new Promise<Processed>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.log.warn({ op, ms: JOB_TIMEOUT_MS }, 'picture job timed out; restarting the picture worker');
        child.kill('SIGKILL');
      }, JOB_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      child.channel?.ref();
      child.send({ id, op, file } satisfies ImageJob);
    });
  }

  private start(): Promise<ChildProcess> {
    this.child ??= new Promise<ChildProcess>((resolve, reject) => {
      const child = fork(ENTRY, [], {
        execArgv: [],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      let ready = false;
      child.on('message', (m: ImageReply | { ready: true }) => {
        if ('ready' in m) {
          ready = true;
          this.proc = child;
          child.channel?.unref();
          resolve(child);
        } else this.settle(m, child);
      });
      child.on('error', (err) => {
        this.log.error({ err }, 'picture worker error');
        // Spawning failed: there will be no 'exit'; let the next job try again.
        if (!ready && child.pid === undefined) {
          this.child = undefined;
          reject(new AppError('internal', 'The picture worker could not start.'));
        }
      });
      child.on('exit', (code, signal) => {
        if (this.child && !this.closed) this.log.warn({ code, signal }, 'picture worker exited');
        this.child = undefined;
        this.proc = undefined;
        if (!ready) reject(new AppError('internal', 'The picture worker could not start.'));
        for (const [id, p] of this.pending) {
          clearTimeout(p.timer);
          this.pending.delete(id);
          p.reject(new AppError('image_unreadable', 'The picture could not be processed.'));
        }
      });
      child.unref();
    });
    return this.child;
  }

  private settle(reply: ImageReply, child: ChildProcess): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    clearTimeout(p.timer);
    if (this.pending.size === 0) child.channel?.unref();
    if (!reply.ok) {
      p.reject(new AppError(reply.error.code, reply.error.message, reply.error.details));
      return;
    }
    // Buffers cross the channel as plain Uint8Arrays; view them as Buffers again (no copy).
    const variants: Processed['variants'] = {};
    for (const [name, r] of Object.entries(reply.value.variants)) {
      if (r) {
        const u8 = r.body as Uint8Array;
        variants[name as keyof Processed['variants']] = {
          mime: r.mime,
          body: Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength),
        };
      }
    }
    p.resolve({ ...reply.value, variants });
  }
}

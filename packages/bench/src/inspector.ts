/**
 * Full garbage collection in a server process we do not control, through its V8 inspector (the process is
 * started with --inspect=127.0.0.1:<port>): the memory scenario reads RSS after this, so the figures count
 * what connections retain rather than garbage their handshakes left behind.
 */
import WebSocket from 'ws';

type Reply = { id: number; result?: Record<string, unknown>; error?: { message: string } };

export class Inspector {
  private seq = 0;
  private readonly waiting = new Map<number, (r: Reply) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const msg = JSON.parse(data.toString()) as Reply;
      this.waiting.get(msg.id)?.(msg);
      this.waiting.delete(msg.id);
    });
  }

  static async connect(port: number): Promise<Inspector> {
    const list = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
      webSocketDebuggerUrl: string;
    }[];
    const url = list[0]?.webSocketDebuggerUrl;
    if (!url) throw new Error(`no inspector target on port ${port}`);
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.on('error', () => undefined);
    return new Inspector(ws);
  }

  call(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (r) =>
        r.error ? reject(new Error(`${method}: ${r.error.message}`)) : resolve(r.result ?? {}),
      );
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Two full collections (the second frees what finalizers of the first released); returns JS heap used, in bytes. */
  async collect(): Promise<number> {
    await this.call('HeapProfiler.collectGarbage');
    await this.call('HeapProfiler.collectGarbage');
    const usage = await this.call('Runtime.getHeapUsage');
    return Number(usage.usedSize);
  }

  close(): void {
    this.ws.terminate();
  }
}

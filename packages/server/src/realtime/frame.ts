import * as ws from 'ws';

type FrameFn = (data: Buffer, options: object) => Buffer[];
// ws exports Sender at run time; its type declarations do not.
const frame = (ws as unknown as { Sender: { frame: FrameFn } }).Sender.frame;

/** Frames a text message once (unmasked, server to client) so a broadcast writes the same bytes to every socket. */
export function frameText(json: string): Buffer {
  const parts = frame(Buffer.from(json), { fin: true, rsv1: false, opcode: 1, mask: false, readOnly: false });
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
}

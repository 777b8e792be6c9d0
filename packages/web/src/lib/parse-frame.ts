import { ServerFrame } from '@rounds/protocol';

/** Parses one frame with the protocol schema; a frame that is not JSON or does not match is dropped with a warning. */
export function parseFrame(text: string): ServerFrame | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    console.warn('unparseable frame');
    return undefined;
  }
  const parsed = ServerFrame.safeParse(raw);
  if (parsed.success) return parsed.data;
  console.warn('frame does not match the protocol', raw, parsed.error.issues);
  return undefined;
}

import { Limits } from '@rounds/protocol';
import type { HelloResult } from './socket-types';

export type ServerLimits = HelloResult['limits'];

/** The protocol's defaults until the server says otherwise in its hello ack. */
let current: ServerLimits = {
  uploadMaxBytes: Limits.maxUploadBytes,
  maxAttachments: Limits.maxAttachments,
  maxMessageChars: Limits.maxMessageChars,
};

/** The limits of the server this client talks to (set from every hello). */
export const serverLimits = (): ServerLimits => current;

export function setServerLimits(limits: ServerLimits): void {
  current = limits;
}

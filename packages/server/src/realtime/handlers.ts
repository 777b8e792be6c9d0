import type { AckDataFor, ClientCommand, ClientCommandType } from '@rounds/protocol';
import { clientCommandTypes } from '@rounds/protocol';
import type { Actor, Deps } from '../context';
import type { Connection } from './connection';

/** What a feature's socket command handler gets: the server's dependencies, the caller and their socket. */
type SocketContext = { deps: Deps; actor: Actor; conn: Connection };
export type CommandOf<T extends ClientCommandType> = Extract<ClientCommand, { type: T }>;
export type SocketHandler<T extends ClientCommandType> = (
  ctx: SocketContext,
  cmd: CommandOf<T>,
) => Promise<AckDataFor<T>>;
export type SocketHandlers = { [T in Exclude<ClientCommandType, 'hello' | 'ping'>]: SocketHandler<T> };

/**
 * The socket handlers of every feature, merged. Throws at start-up when a command has no handler or two,
 * so a feature cannot silently shadow another's command.
 */
export function mergeSocketHandlers(
  modules: readonly { name: string; socket?: Partial<SocketHandlers> }[],
): SocketHandlers {
  const merged: Record<string, unknown> = {};
  const owner: Record<string, string> = {};
  for (const m of modules) {
    for (const [type, handler] of Object.entries(m.socket ?? {})) {
      if (owner[type]) throw new Error(`socket command ${type} is handled by both ${owner[type]} and ${m.name}`);
      owner[type] = m.name;
      merged[type] = handler;
    }
  }
  const missing = clientCommandTypes.filter((t) => t !== 'hello' && t !== 'ping' && !merged[t]);
  if (missing.length > 0) throw new Error(`no feature handles socket command(s) ${missing.join(', ')}`);
  return merged as SocketHandlers;
}

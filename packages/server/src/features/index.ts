import { accounts } from './accounts';
import { media } from './media';
import { messages } from './messages';
import type { FeatureFactory } from './module';
import { rooms } from './rooms';

/** Every feature of a Rounds server, in registration order. */
export function features(): FeatureFactory[] {
  return [accounts, rooms, messages, media];
}

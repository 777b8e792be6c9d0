import { accounts } from './accounts';
import { media } from './media';
import { messagesFeature } from './messages';
import type { SendRule } from './messages/pipeline';
import type { FeatureFactory } from './module';
import { rooms } from './rooms';

/** Every feature of a Rounds server, in registration order. */
export function features(opts: { rules?: readonly SendRule[] } = {}): FeatureFactory[] {
  return [accounts, rooms, messagesFeature(opts.rules), media];
}

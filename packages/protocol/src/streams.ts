/**
 * Streams: seq'd events are ordered per stream, each with its own gapless `seq`. A room is a stream whose
 * key is its roomId; a stream addressed to several rooms (a lecture) will send events carrying a
 * `streamId`, which then names the stream instead of the room the event was delivered to.
 */
export function streamOf(event: { roomId?: string; streamId?: string }): string {
  const key = event.streamId ?? event.roomId;
  // A caller bug, not a wire condition: every seq'd event names its room or its stream.
  if (key === undefined) throw new TypeError('a seq event names neither a stream nor a room');
  return key;
}

import type { MyRoom } from '@rounds/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../lib/router';
import { errorText } from '../../ui/errors';
import { notify } from '../../ui/notice';
import { DropHint } from '../attachments/DropHint';
import { useAttach, useFileDrop } from '../attachments/useAttach';
import { useMe } from '../auth/session';
import { MediaViewer } from '../media/MediaViewer';
import { MemberPanel } from '../members/MemberPanel';
import { loadMembers } from '../members/members-store';
import { TypingIndicator } from '../members/TypingIndicator';
import { Composer } from '../messages/Composer';
import { MessageList } from '../messages/MessageList';
import { openRoom } from '../messages/messages-store';
import { ThreadPanel } from '../messages/ThreadPanel';
import { leaveRoom, roomsStore, useMyRoom } from '../rooms/rooms-store';
import { Announcement } from './Announcement';
import { NotMember } from './NotMember';
import { RoomHeader } from './RoomHeader';

/** A room: announcement, messages, composer; a thread or the member list beside it. */
export function RoomView({ roomId, threadId }: { roomId: string; threadId: string | undefined }) {
  const { t } = useTranslation();
  const room = useMyRoom(roomId);
  const loaded = roomsStore.use((s) => s.loaded);
  if (!room) return loaded ? <NotMember roomId={roomId} /> : <p className="list-status muted">{t('common.loading')}</p>;
  return <JoinedRoom key={roomId} room={room} threadId={threadId} />;
}

function JoinedRoom({ room, threadId }: { room: MyRoom; threadId: string | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  const [membersOpen, setMembersOpen] = useState(false);
  const drop = useFileDrop(useAttach(room.id, null));

  // The read position when the room is opened decides where the "new messages" line goes: once per room.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reading lastReadSeq later would move the line as I read
  useEffect(() => {
    void openRoom(room.id, room.lastReadSeq, me.id);
    void loadMembers(room.id);
  }, [room.id]);

  const leave = async () => {
    try {
      await leaveRoom(room.id);
      navigate('/', { replace: true });
    } catch (err) {
      notify(errorText(t, err), 'error');
    }
  };

  const panel = threadId ? 'thread' : membersOpen ? 'members' : null;
  return (
    <section
      className={`room${panel ? ' with-panel' : ''}`}
      aria-labelledby="room-title"
      data-testid="room-view"
      data-room-id={room.id}
    >
      <RoomHeader room={room} membersOpen={membersOpen} onToggleMembers={() => setMembersOpen(!membersOpen)} />
      {room.announcement && <Announcement text={room.announcement} roomId={room.id} myHandle={me.handle} />}
      <div className="room-body">
        <div className="room-main" {...drop.props}>
          {drop.over && <DropHint />}
          <MessageList roomId={room.id} />
          <TypingIndicator roomId={room.id} />
          <Composer roomId={room.id} />
        </div>
        {panel === 'thread' && threadId && <ThreadPanel roomId={room.id} rootId={threadId} />}
        {panel === 'members' && (
          <MemberPanel roomId={room.id} onClose={() => setMembersOpen(false)} onLeave={() => void leave()} />
        )}
      </div>
      <MediaViewer />
    </section>
  );
}

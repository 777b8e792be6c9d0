import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import { outboxStore } from '../../lib/outbox';
import { useMe } from '../auth/session';
import { useMyRoom } from '../rooms/rooms-store';
import { markRead } from './actions';
import { MessageItem } from './MessageItem';
import { loadOlder, useRoomMessages } from './messages-store';
import { PendingItem } from './PendingItem';
import { lastVisibleIndex, NEAR_BOTTOM, useStickToBottom } from './useStickToBottom';

/** Virtuoso needs item indexes that stay put when older pages are prepended: count down from here. */
const BASE = 10_000_000;

type Item = { kind: 'msg'; id: string } | { kind: 'pending'; clientMsgId: string };

/**
 * The room's messages, virtualized (smooth with 10,000+), loading older pages at the top, opening at the
 * first unread message, following new ones when at the bottom, and moving my read position as I read.
 * Keyboard: Tab into the list, then ↑/↓ move between messages, Home/End jump, Escape leaves.
 */
export function MessageList({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const rm = useRoomMessages(roomId);
  const room = useMyRoom(roomId);
  const outbox = outboxStore.use((s) => s);
  const virtuoso = useRef<VirtuosoHandle>(null);
  const [atBottom, setAtBottom] = useState(true);
  const context = useMemo(() => ({ roomId }), [roomId]);

  const pending = useMemo(() => outbox.filter((e) => e.roomId === roomId && !e.threadRootId), [outbox, roomId]);
  const items = useMemo<Item[]>(
    () => [
      ...(rm?.ids ?? []).map((id) => ({ kind: 'msg' as const, id })),
      ...pending.map((e) => ({ kind: 'pending' as const, clientMsgId: e.clientMsgId })),
    ],
    [rm?.ids, pending],
  );
  const anchorPos = rm?.anchorId ? rm.ids.indexOf(rm.anchorId) : 0;
  const firstItemIndex = BASE - Math.max(0, anchorPos);

  // Opened once per room: at the first unread message if there is one, else at the end.
  // biome-ignore lint/correctness/useExhaustiveDependencies: computed when the room becomes ready; later changes must not move the list
  const initialIndex = useMemo(() => {
    if (!rm) return 0;
    const i = rm.firstUnreadSeq === null ? -1 : rm.ids.findIndex((id) => rm.byId[id]?.seq === rm.firstUnreadSeq);
    return i >= 0
      ? { index: i, align: 'start' as const }
      : { index: Math.max(0, items.length - 1), align: 'end' as const };
  }, [rm?.status]);

  // At the bottom, everything that arrived is read.
  const lastSeq = room?.lastSeq ?? 0;
  useEffect(() => {
    if (atBottom && lastSeq > 0) markRead(roomId, lastSeq);
  }, [atBottom, lastSeq, roomId]);

  // Everything down to the last message whose top is in view is read (not only at the bottom), so the
  // unread count clears once the newest message has been seen.
  const { scrollerRef, pin, contentChanged } = useStickToBottom(
    typeof initialIndex === 'object' && initialIndex.align === 'end',
    (scroller) => {
      const index = rm ? lastVisibleIndex(scroller) : undefined;
      if (!rm || index === undefined) return;
      const last = rm.ids[Math.min(rm.ids.length - 1, index - firstItemIndex)];
      const seq = last ? rm.byId[last]?.seq : undefined;
      if (seq) markRead(roomId, seq);
    },
  );

  // Sending lands at the end, and stays there while my message (and its pictures) settles.
  const pendingCount = pending.length;
  const sentBefore = useRef(pendingCount);
  useEffect(() => {
    if (pendingCount > sentBefore.current) pin();
    sentBefore.current = pendingCount;
  }, [pendingCount, pin]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const current = (e.target as HTMLElement).closest('article');
    const all = () => [...e.currentTarget.querySelectorAll<HTMLElement>('article[data-testid]')];
    const focusAt = (el: HTMLElement | undefined) => {
      if (!el) return;
      e.preventDefault();
      el.focus();
    };
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement) return;
      const list = all();
      if (!current) return focusAt(e.key === 'ArrowUp' ? list[list.length - 1] : list[0]);
      const i = list.indexOf(current);
      const next = list[e.key === 'ArrowDown' ? i + 1 : i - 1];
      if (next) focusAt(next);
      else if (e.key === 'ArrowUp') void loadOlder(roomId);
    } else if ((e.key === 'Home' || e.key === 'End') && current) {
      e.preventDefault();
      virtuoso.current?.scrollToIndex({
        index: e.key === 'Home' ? 0 : 'LAST',
        align: e.key === 'Home' ? 'start' : 'end',
      });
      setTimeout(() => {
        const list = all();
        (e.key === 'Home' ? list[0] : list[list.length - 1])?.focus();
      }, 50);
    }
  };

  if (!rm || rm.status === 'loading') return <p className="list-status muted">{t('common.loading')}</p>;
  if (rm.status === 'error') return <p className="list-status error-text">{t('errors.internal')}</p>;

  return (
    <div
      className="message-list"
      role="log"
      aria-label={t('messages.listLabel')}
      aria-live="off"
      onKeyDown={onKeyDown}
      data-testid="message-list"
    >
      {items.length === 0 ? (
        <p className="list-status muted" data-testid="empty-room">
          {t('messages.empty')}
        </p>
      ) : (
        <Virtuoso<Item, ListContext>
          key={roomId}
          context={context}
          ref={virtuoso}
          className="virtuoso"
          data={items}
          firstItemIndex={firstItemIndex}
          initialTopMostItemIndex={initialIndex}
          computeItemKey={(_, item) => (item.kind === 'msg' ? item.id : item.clientMsgId)}
          increaseViewportBy={{ top: 600, bottom: 400 }}
          startReached={() => void loadOlder(roomId)}
          followOutput={(bottom) => (bottom || pending.length > 0 ? 'auto' : false)}
          atBottomStateChange={setAtBottom}
          atBottomThreshold={NEAR_BOTTOM}
          scrollerRef={scrollerRef}
          totalListHeightChanged={contentChanged}
          components={LIST_COMPONENTS}
          itemContent={(index, item) => {
            if (item.kind === 'pending') {
              const entry = pending.find((p) => p.clientMsgId === item.clientMsgId);
              return entry ? (
                <PendingItem entry={entry} myName={me.displayName} myHandle={me.handle} />
              ) : (
                <div className="msg-gap" />
              );
            }
            const i = index - firstItemIndex;
            const m = rm.byId[item.id];
            return (
              <MessageItem
                roomId={roomId}
                id={item.id}
                prevId={i > 0 ? rm.ids[i - 1] : undefined}
                meId={me.id}
                myHandle={me.handle}
                firstUnread={m !== undefined && m.seq === rm.firstUnreadSeq}
                mode="room"
              />
            );
          }}
        />
      )}
      {!atBottom && (
        <button type="button" className="jump-latest button secondary small" onClick={pin} data-testid="jump-latest">
          {t('messages.jumpLatest')} ↓
        </button>
      )}
    </div>
  );
}

type ListContext = { roomId: string };
const LIST_COMPONENTS = { Header: ({ context }: { context: ListContext }) => <OlderStatus roomId={context.roomId} /> };

function OlderStatus({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const rm = useRoomMessages(roomId);
  if (!rm) return null;
  return (
    <div className="older-status muted small" data-testid="history-status">
      {rm.loadingOlder ? t('messages.loadingOlder') : rm.hasOlder ? '' : t('messages.beginning')}
    </div>
  );
}

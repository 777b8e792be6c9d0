import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';
import { useMe } from '../auth/session';
import { canManage } from '../room/RoomHeader';
import { roomsStore } from '../rooms/rooms-store';

/** Whether I review flagged messages in this room: its owners and moderators, and admins. */
export function useReviewsFlags(roomId: string): boolean {
  const me = useMe();
  const role = roomsStore.use((s) => s.mine[roomId]?.role);
  return Boolean(role && canManage(role, me.role));
}

/**
 * "Possible patient identifier": the server's check flagged this message. Shown to the room's owners and
 * moderators (and admins), who review such messages; the kinds found are in the tooltip and accessible name.
 */
export function PrivacyFlag({ roomId, flags }: { roomId: string; flags: string[] }) {
  const { t } = useTranslation();
  if (!useReviewsFlags(roomId) || flags.length === 0) return null;
  const kinds = flags.map((k) => t(`privacy.kinds.${k}`, { defaultValue: k })).join(', ');
  return (
    <span className="privacy-flag" title={t('privacy.flagDetail', { kinds })} data-testid="privacy-flag">
      <Icon name="shield" />
      {t('privacy.flag')}
      <span className="visually-hidden">: {kinds}</span>
    </span>
  );
}

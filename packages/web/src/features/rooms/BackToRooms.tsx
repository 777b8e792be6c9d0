import { useTranslation } from 'react-i18next';
import { Link } from '../../lib/router';

/** On a phone the room list is its own view: this goes back to it (hidden on desktop). */
export function BackToRooms() {
  const { t } = useTranslation();
  return (
    <Link href="/" className="back-link phone-only" aria-label={t('nav.backToRooms')} data-testid="back-to-rooms">
      <span aria-hidden="true">‹</span> <span className="back-label">{t('nav.rooms')}</span>
    </Link>
  );
}

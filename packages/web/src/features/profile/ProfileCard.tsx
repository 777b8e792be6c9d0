import { useTranslation } from 'react-i18next';
import { displayName } from '../../lib/format';
import { Dialog } from '../../ui/Dialog';
import { useFormatter } from '../../ui/useFormatter';
import { useUser } from '../users/users-store';
import { closeProfile, profileCardStore } from './profile-card';

/** A member's professional card: who they are, where they work, what they speak, their local time. */
export function ProfileCard() {
  const open = profileCardStore.use((s) => s);
  if (!open) return null;
  return <Card userId={open.userId} />;
}

function Card({ userId }: { userId: string }) {
  const { t, i18n } = useTranslation();
  const f = useFormatter();
  const user = useUser(userId);
  return (
    <Dialog title={user?.displayName ?? t('common.loading')} onClose={closeProfile} testId="profile-card">
      {!user ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <dl className="profile-dl">
          <dt>{t('profile.handle')}</dt>
          <dd data-testid="card-handle">@{user.handle}</dd>
          <dt>{t('profile.profession')}</dt>
          <dd data-testid="card-profession">
            {t(`profession.${user.profession}`)}
            {user.verification === 'verified' && <span className="badge ok">{t('profile.verified')}</span>}
          </dd>
          {user.specialty && (
            <>
              <dt>{t('profile.specialty')}</dt>
              <dd>{user.specialty}</dd>
            </>
          )}
          <dt>{t('profile.country')}</dt>
          <dd data-testid="card-country">{displayName(i18n.language, 'region', user.country)}</dd>
          {user.institution && (
            <>
              <dt>{t('profile.institution')}</dt>
              <dd>{user.institution}</dd>
            </>
          )}
          <dt>{t('profile.languagesShort')}</dt>
          <dd>{user.languages.map((l) => displayName(i18n.language, 'language', l)).join(', ')}</dd>
          <dt>{t('profile.localTime')}</dt>
          <dd data-testid="card-localtime">
            {f.nowIn(user.timeZone)} <span className="muted">({user.timeZone})</span>
          </dd>
        </dl>
      )}
    </Dialog>
  );
}

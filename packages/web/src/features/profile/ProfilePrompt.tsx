import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../lib/router';
import { useMe } from '../auth/session';

const DISMISSED = 'rounds.profilePromptDismissed';

/**
 * After the short sign-up, asks for the rest of the professional profile (specialty, institution) until it is
 * filled in or put off; "Not now" is remembered in this browser (issue 11, item 23).
 */
export function ProfilePrompt() {
  const { t } = useTranslation();
  const me = useMe();
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(`${DISMISSED}.${me.id}`) === '1');
  if (dismissed || me.specialty || me.institution) return null;
  return (
    <section className="profile-prompt" aria-labelledby="profile-prompt-h" data-testid="profile-prompt">
      <h2 id="profile-prompt-h">{t('profile.promptTitle')}</h2>
      <p className="small">{t('profile.promptText')}</p>
      <div className="profile-prompt-actions">
        <Link href="/profile" className="button primary small" data-testid="profile-prompt-open">
          {t('profile.promptOpen')}
        </Link>
        <button
          type="button"
          className="button secondary small"
          onClick={() => {
            localStorage.setItem(`${DISMISSED}.${me.id}`, '1');
            setDismissed(true);
          }}
          data-testid="profile-prompt-dismiss"
        >
          {t('profile.promptDismiss')}
        </button>
      </div>
    </section>
  );
}

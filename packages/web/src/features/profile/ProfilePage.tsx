import { UpdateProfileBody } from '@rounds/protocol';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AppLocale, setLocale } from '../../i18n';
import { errorText, fieldErrors } from '../../ui/errors';
import { logout, updateProfile, useMe } from '../auth/session';
import { BackToRooms } from '../rooms/BackToRooms';
import { ThemeSwitch } from '../theme/ThemeSwitch';
import { ChangePassword } from './ChangePassword';
import { type ProfileDraft, ProfileFields } from './ProfileFields';
import { Sessions } from './Sessions';

export function ProfilePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [draft, setDraft] = useState<ProfileDraft>({
    displayName: me.displayName,
    profession: me.profession,
    specialty: me.specialty,
    country: me.country,
    institution: me.institution,
    languages: me.languages,
    timeZone: me.timeZone,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = UpdateProfileBody.safeParse(draft);
    if (!parsed.success) {
      const errs: Record<string, string> = {};
      for (const i of parsed.error.issues)
        errs[String(i.path[0])] ??= t(`validation.${String(i.path[0])}`, { defaultValue: t('validation.generic') });
      setErrors(errs);
      setStatus({ ok: false, text: t('validation.fixFields') });
      return;
    }
    setBusy(true);
    try {
      await updateProfile(parsed.data);
      setErrors({});
      setStatus({ ok: true, text: t('profile.saved') });
    } catch (err) {
      setErrors(fieldErrors(err));
      setStatus({ ok: false, text: errorText(t, err) });
    } finally {
      setBusy(false);
    }
  };

  const changeLocale = async (locale: AppLocale) => {
    setLocale(locale);
    try {
      await updateProfile({ locale });
    } catch (err) {
      setStatus({ ok: false, text: errorText(t, err) });
    }
  };

  return (
    <div className="page" data-testid="profile-page">
      <header className="page-head">
        <BackToRooms />
        <h1>{t('profile.title')}</h1>
      </header>
      <section className="card" aria-labelledby="prefs-h">
        <h2 id="prefs-h">{t('profile.preferences')}</h2>
        <div className="prefs-row">
          <div className="field">
            <label htmlFor="locale-select" className="label">
              {t('profile.language')}
            </label>
            <select
              id="locale-select"
              value={i18n.language}
              onChange={(e) => void changeLocale(e.target.value as AppLocale)}
              data-testid="locale-select"
            >
              <option value="en">English</option>
              <option value="zh-CN">简体中文</option>
            </select>
          </div>
          <ThemeSwitch />
        </div>
      </section>
      <section className="card" aria-labelledby="profile-h">
        <h2 id="profile-h">{t('profile.details')}</h2>
        <p className="muted">
          {t('profile.signedInAs', { email: me.email })} · @{me.handle}
        </p>
        <form onSubmit={save} className="form" data-testid="profile-form" noValidate>
          <ProfileFields draft={draft} onChange={setDraft} errors={errors} />
          {status && (
            <p className={status.ok ? 'ok-text' : 'error-text'} role="status" data-testid="profile-status">
              {status.text}
            </p>
          )}
          <button type="submit" className="button primary" disabled={busy} data-testid="profile-save">
            {t('common.save')}
          </button>
        </form>
      </section>
      <ChangePassword />
      <Sessions />
      <section className="card">
        <button type="button" className="button danger" onClick={() => void logout()} data-testid="signout">
          {t('auth.signOut')}
        </button>
      </section>
    </div>
  );
}

import { contracts, Limits } from '@rounds/protocol';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../lib/api';
import { errorText } from '../../ui/errors';
import { Field } from '../../ui/Field';
import { notifySessionsChanged } from '../auth/session';

type Errors = { currentPassword?: string; newPassword?: string; confirm?: string };

/** Changes my password; the server then signs out my other sessions (this one stays). */
export function ChangePassword() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Errors = {};
    if (!current) errs.currentPassword = t('validation.password');
    if (next.length < Limits.minPasswordChars)
      errs.newPassword = t('auth.passwordTooShort', { n: Limits.minPasswordChars });
    else if (next !== confirm) errs.confirm = t('password.mismatch');
    setErrors(errs);
    if (Object.keys(errs).length) return setStatus({ ok: false, text: t('validation.fixFields') });
    setBusy(true);
    setStatus(null);
    try {
      await call(contracts.accounts.changePassword, { body: { currentPassword: current, newPassword: next } });
      setCurrent('');
      setNext('');
      setConfirm('');
      setStatus({ ok: true, text: t('password.changed') });
      notifySessionsChanged();
    } catch (err) {
      // The two expected refusals belong to a field; anything else is said below the form.
      const code = err instanceof ApiError ? err.code : 'internal';
      if (code === 'invalid_credentials') setErrors({ currentPassword: t('password.wrongCurrent') });
      else if (code === 'password_too_weak') setErrors({ newPassword: t('password.tooWeak') });
      const onField = code === 'invalid_credentials' || code === 'password_too_weak';
      setStatus({ ok: false, text: onField ? t('validation.fixFields') : errorText(t, err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="password-h" data-testid="change-password">
      <h2 id="password-h">{t('password.title')}</h2>
      <p className="muted small">{t('password.explain')}</p>
      <form onSubmit={submit} className="form" noValidate>
        <Field
          label={t('password.current')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={errors.currentPassword}
          testId="current-password-input"
        />
        <Field
          label={t('password.new')}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          hint={t('auth.passwordHint', { n: Limits.minPasswordChars })}
          error={errors.newPassword}
          testId="new-password-input"
        />
        <Field
          label={t('password.confirm')}
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={errors.confirm}
          testId="confirm-password-input"
        />
        {status && (
          <p className={status.ok ? 'ok-text' : 'error-text'} role="status" data-testid="password-status">
            {status.text}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy} data-testid="password-submit">
          {t('password.submit')}
        </button>
      </form>
    </section>
  );
}

import { Limits, RegisterBody } from '@rounds/protocol';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { browserTimeZone } from '../../lib/format';
import { Link } from '../../lib/router';
import { errorText, fieldErrors } from '../../ui/errors';
import { Field } from '../../ui/Field';
import type { ProfileDraft } from '../profile/ProfileFields';
import { ProfileFields } from '../profile/ProfileFields';
import { AuthLayout } from './AuthLayout';
import { register } from './session';

function initialLanguages(): string[] {
  return currentLocale() === 'zh-CN' ? ['zh', 'en'] : ['en'];
}

export function SignUp() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [handle, setHandle] = useState('');
  const [draft, setDraft] = useState<ProfileDraft>({
    displayName: '',
    profession: 'physician',
    specialty: '',
    country: '',
    institution: '',
    languages: initialLanguages(),
    timeZone: browserTimeZone(),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError('');
    const body = {
      email: email.trim(),
      password,
      ...draft,
      ...(handle.trim() ? { handle: handle.trim() } : {}),
      locale: currentLocale(),
    };
    const parsed = RegisterBody.safeParse(body);
    const errs: Record<string, string> = {};
    if (password.length < Limits.minPasswordChars)
      errs.password = t('auth.passwordTooShort', { n: Limits.minPasswordChars });
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const k = String(i.path[0] ?? '');
        errs[k] ??= t(`validation.${k}`, { defaultValue: t('validation.generic') });
      }
    }
    setErrors(errs);
    if (Object.keys(errs).length > 0 || !parsed.success) {
      setFormError(t('validation.fixFields'));
      return;
    }
    setBusy(true);
    try {
      await register(parsed.data);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('auth.signUpTitle')}>
      <form onSubmit={submit} className="form" data-testid="signup-form" noValidate>
        <Field
          label={t('auth.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="email"
          required
          error={errors.email}
          testId="email-input"
        />
        <Field
          label={t('auth.password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          required
          minLength={Limits.minPasswordChars}
          hint={t('auth.passwordHint', { n: Limits.minPasswordChars })}
          error={errors.password}
          testId="password-input"
        />
        <Field
          label={t('auth.handle')}
          value={handle}
          onChange={(e) => setHandle(e.target.value.toLowerCase())}
          autoComplete="username"
          hint={t('auth.handleHint')}
          error={errors.handle}
          testId="handle-input"
        />
        <ProfileFields draft={draft} onChange={setDraft} errors={errors} />
        {formError && (
          <p className="error-text" role="alert" data-testid="form-error">
            {formError}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy} data-testid="signup-submit">
          {t('auth.createAccount')}
        </button>
      </form>
      <p className="switch-auth">
        {t('auth.haveAccount')} <Link href="/signin">{t('auth.signIn')}</Link>
      </p>
    </AuthLayout>
  );
}

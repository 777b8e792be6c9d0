import { COUNTRY_CODES, Limits, type Profession, RegisterBody } from '@rounds/protocol';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { browserTimeZone } from '../../lib/format';
import { Link } from '../../lib/router';
import { errorText, fieldErrors } from '../../ui/errors';
import { Field } from '../../ui/Field';
import { CountryPicker, ProfessionSelect } from '../profile/pickers';
import { AuthLayout } from './AuthLayout';
import { register } from './session';

function initialLanguages(): string[] {
  return currentLocale() === 'zh-CN' ? ['zh', 'en'] : ['en'];
}

/** The country the browser's language names (en-US: US), as a first guess the person can change. */
function guessCountry(): string {
  const codes = new Set<string>(COUNTRY_CODES);
  for (const tag of typeof navigator === 'undefined' ? [] : navigator.languages) {
    try {
      const region = new Intl.Locale(tag).maximize().region;
      if (region && codes.has(region)) return region;
    } catch {
      // not a valid tag: try the next
    }
  }
  return '';
}

/**
 * Sign-up asks only what is needed to start (name, e-mail, password, profession, country); languages and
 * time zone come from the browser, the handle is derived, and the rest of the profile is asked for
 * afterwards (ProfilePrompt, the profile page) (issue 11, item 23).
 */
export function SignUp() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [profession, setProfession] = useState<Profession>('physician');
  const [country, setCountry] = useState(guessCountry);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError('');
    const body = {
      email: email.trim(),
      password,
      displayName,
      profession,
      country,
      languages: initialLanguages(),
      timeZone: browserTimeZone(),
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
          label={t('profile.displayName')}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          required
          maxLength={80}
          autoComplete="name"
          error={errors.displayName}
          testId="displayName-input"
        />
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
        <ProfessionSelect value={profession} onChange={setProfession} error={errors.profession} />
        <CountryPicker value={country} onChange={setCountry} error={errors.country} />
        <p className="hint">{t('auth.moreLater')}</p>
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

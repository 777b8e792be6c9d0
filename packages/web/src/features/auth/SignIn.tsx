import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../lib/router';
import { errorText } from '../../ui/errors';
import { Field } from '../../ui/Field';
import { AuthLayout } from './AuthLayout';
import { login } from './session';

export function SignIn() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await login({ email: email.trim(), password });
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <AuthLayout title={t('auth.signInTitle')}>
      <form onSubmit={submit} className="form" data-testid="signin-form" noValidate>
        <Field
          label={t('auth.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="email"
          required
          testId="email-input"
        />
        <Field
          label={t('auth.password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
          testId="password-input"
        />
        {error && (
          <p className="error-text" role="alert" data-testid="form-error">
            {error}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy} data-testid="signin-submit">
          {t('auth.signIn')}
        </button>
      </form>
      <p className="switch-auth">
        {t('auth.noAccount')} <Link href="/signup">{t('auth.signUp')}</Link>
      </p>
    </AuthLayout>
  );
}

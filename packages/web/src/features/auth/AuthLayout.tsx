import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type AppLocale, setLocale } from '../../i18n';
import { ThemeSwitch } from '../theme/ThemeSwitch';

/** The frame around sign-in and sign-up: brand, language and theme. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="auth-page">
      <header className="auth-top">
        <span className="brand" aria-hidden="true">
          <span className="brand-mark" /> Rounds
        </span>
        <div className="auth-prefs">
          <label className="compact">
            <span className="visually-hidden">{t('profile.language')}</span>
            <select
              value={i18n.language}
              onChange={(e) => setLocale(e.target.value as AppLocale)}
              data-testid="auth-language"
            >
              <option value="en">English</option>
              <option value="zh-CN">简体中文</option>
            </select>
          </label>
          <ThemeSwitch compact />
        </div>
      </header>
      <main id="main" className="auth-main">
        <div className="auth-card">
          <h1>{title}</h1>
          <p className="muted tagline">{t('app.tagline')}</p>
          {children}
        </div>
      </main>
    </div>
  );
}

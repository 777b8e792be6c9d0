import { useTranslation } from 'react-i18next';
import { setTheme, type ThemePref, themeStore } from './theme';

/** Light, dark, or follow the system. */
export function ThemeSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const pref = themeStore.use((s) => s.pref);
  return (
    <label className={compact ? 'theme-switch compact' : 'theme-switch field'}>
      <span className={compact ? 'visually-hidden' : 'label'}>{t('theme.label')}</span>
      <select value={pref} onChange={(e) => setTheme(e.target.value as ThemePref)} data-testid="theme-select">
        <option value="system">{t('theme.system')}</option>
        <option value="light">{t('theme.light')}</option>
        <option value="dark">{t('theme.dark')}</option>
      </select>
    </label>
  );
}

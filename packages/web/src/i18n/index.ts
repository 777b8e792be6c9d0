import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

export type AppLocale = 'en' | 'zh-CN';
const KEY = 'rounds.locale';

/** The user's saved choice on this device, else the browser's languages (any Chinese becomes zh-CN). */
function detectLocale(): AppLocale {
  const saved = localStorage.getItem(KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  for (const lang of navigator.languages ?? [navigator.language]) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}

export function initI18n(): typeof i18n {
  const lng = detectLocale();
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18n;
}

/** Switches the interface language on this device (the profile also saves it on the account). */
export function setLocale(locale: AppLocale): void {
  localStorage.setItem(KEY, locale);
  document.documentElement.lang = locale;
  void i18n.changeLanguage(locale);
}

/** Follows the account's saved language, or the device's choice when the account has none. */
export function applyAccountLocale(locale: AppLocale | null): void {
  if (locale) setLocale(locale);
}

export function currentLocale(): AppLocale {
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
}

import { createStore } from '../../lib/store';

/** `system` follows prefers-color-scheme (night shifts); the user may pin light or dark. */
export type ThemePref = 'system' | 'light' | 'dark';
const KEY = 'rounds.theme';

function saved(): ThemePref {
  const v = localStorage.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

export const themeStore = createStore<{ pref: ThemePref; resolved: 'light' | 'dark' }>({
  pref: 'system',
  resolved: 'light',
});

const media = () => window.matchMedia('(prefers-color-scheme: dark)');

function apply(pref: ThemePref): void {
  const resolved = pref === 'system' ? (media().matches ? 'dark' : 'light') : pref;
  document.documentElement.dataset.theme = resolved;
  themeStore.set({ pref, resolved });
}

export function initTheme(): void {
  apply(saved());
  media().addEventListener('change', () => apply(themeStore.get().pref));
}

export function setTheme(pref: ThemePref): void {
  if (pref === 'system') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, pref);
  apply(pref);
}

import { COUNTRY_CODES, type Profession, professions } from '@rounds/protocol';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../lib/format';
import { SelectField } from '../../ui/Field';

/** Country of work: a search box over localized country names, and the filtered list. */
export function CountryPicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange(code: string): void;
  error?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const id = useId();
  const all = useMemo(() => {
    const names = COUNTRY_CODES.map((code) => ({
      code,
      name: displayName(i18n.language, 'region', code),
      en: displayName('en', 'region', code),
    }));
    return names.sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  }, [i18n.language]);
  const needle = q.trim().toLowerCase();
  const shown = needle
    ? all.filter(
        (c) =>
          c.name.toLowerCase().includes(needle) ||
          c.en.toLowerCase().includes(needle) ||
          c.code.toLowerCase() === needle,
      )
    : all;
  const selected = all.find((c) => c.code === value);
  const options = selected && !shown.includes(selected) ? [selected, ...shown] : shown;
  return (
    <fieldset className="field picker">
      <legend className="label">{t('profile.country')}</legend>
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {t('profile.countrySearch')}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        placeholder={t('profile.countrySearch')}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          const first = all.find((c) => {
            const n = e.target.value.trim().toLowerCase();
            return n && (c.name.toLowerCase().startsWith(n) || c.en.toLowerCase().startsWith(n));
          });
          if (first) onChange(first.code);
        }}
        data-testid="country-search"
      />
      <label htmlFor={`${id}-list`} className="visually-hidden">
        {t('profile.country')}
      </label>
      <select
        id={`${id}-list`}
        size={5}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        data-testid="country-select"
      >
        {options.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
      {selected && <p className="hint">{t('profile.countrySelected', { name: selected.name })}</p>}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

const COMMON_LANGUAGES = [
  'en',
  'zh',
  'es',
  'fr',
  'ar',
  'ru',
  'pt',
  'de',
  'it',
  'ja',
  'ko',
  'hi',
  'fa',
  'tr',
  'id',
  'vi',
];

/** Canonical BCP 47 tag, or null if the browser does not recognise it. */
function canonicalTag(tag: string): string | null {
  try {
    const [c] = Intl.getCanonicalLocales(tag.trim());
    return c ?? null;
  } catch {
    return null;
  }
}

/** Languages spoken: common ones as checkboxes, any other BCP 47 tag typed in. */
export function LanguagePicker({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange(tags: string[]): void;
  error?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [extra, setExtra] = useState('');
  const [extraError, setExtraError] = useState('');
  const id = useId();
  const toggle = (tag: string) => onChange(value.includes(tag) ? value.filter((v) => v !== tag) : [...value, tag]);
  const custom = value.filter((v) => !COMMON_LANGUAGES.includes(v));
  const add = () => {
    const tag = canonicalTag(extra);
    if (!tag) {
      setExtraError(t('profile.languageInvalid'));
      return;
    }
    if (!value.includes(tag)) onChange([...value, tag]);
    setExtra('');
    setExtraError('');
  };
  return (
    <fieldset className="field picker" data-testid="language-picker">
      <legend className="label">{t('profile.languages')}</legend>
      <div className="checks">
        {COMMON_LANGUAGES.map((tag) => (
          <label key={tag} className="check">
            <input
              type="checkbox"
              checked={value.includes(tag)}
              onChange={() => toggle(tag)}
              data-testid={`lang-${tag}`}
            />
            {displayName(i18n.language, 'language', tag)}
          </label>
        ))}
        {custom.map((tag) => (
          <label key={tag} className="check">
            <input type="checkbox" checked onChange={() => toggle(tag)} />
            {displayName(i18n.language, 'language', tag)} <span className="muted">({tag})</span>
          </label>
        ))}
      </div>
      <div className="inline-add">
        <label htmlFor={`${id}-extra`} className="visually-hidden">
          {t('profile.languageOther')}
        </label>
        <input
          id={`${id}-extra`}
          placeholder={t('profile.languageOther')}
          value={extra}
          onChange={(e) => setExtra(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          data-testid="language-extra"
        />
        <button type="button" className="button secondary" onClick={add} disabled={!extra.trim()}>
          {t('common.add')}
        </button>
      </div>
      {(extraError || error) && (
        <p className="error-text" role="alert">
          {extraError || error}
        </p>
      )}
    </fieldset>
  );
}

let zones: string[] | undefined;
function timeZones(): string[] {
  zones ??= (() => {
    try {
      return Intl.supportedValuesOf('timeZone');
    } catch {
      return ['UTC'];
    }
  })();
  return zones;
}

/** Time zone: a text box with the IANA names as suggestions. */
export function TimeZonePicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange(tz: string): void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="label">
        {t('profile.timeZone')}
      </label>
      <input
        id={id}
        list={`${id}-list`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        data-testid="timezone-input"
        autoComplete="off"
      />
      <datalist id={`${id}-list`}>
        {timeZones().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The profession select, in sign-up and on the profile page. */
export function ProfessionSelect({
  value,
  onChange,
  error,
}: {
  value: Profession;
  onChange: (p: Profession) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('profile.profession')}
      value={value}
      onChange={(e) => onChange(e.target.value as Profession)}
      testId="profession-select"
      error={error}
    >
      {professions.map((p) => (
        <option key={p} value={p}>
          {t(`profession.${p}`)}
        </option>
      ))}
    </SelectField>
  );
}

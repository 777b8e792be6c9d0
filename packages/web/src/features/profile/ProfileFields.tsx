import type { Profession } from '@rounds/protocol';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { CountryPicker, LanguagePicker, ProfessionSelect, TimeZonePicker } from './pickers';

export type ProfileDraft = {
  displayName: string;
  profession: Profession;
  specialty: string;
  country: string;
  institution: string;
  languages: string[];
  timeZone: string;
};

/** The professional profile, shared by sign-up and the profile page. */
export function ProfileFields({
  draft,
  onChange,
  errors,
}: {
  draft: ProfileDraft;
  onChange(d: ProfileDraft): void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof ProfileDraft>(k: K, v: ProfileDraft[K]) => onChange({ ...draft, [k]: v });
  return (
    <>
      <Field
        label={t('profile.displayName')}
        value={draft.displayName}
        onChange={(e) => set('displayName', e.target.value)}
        required
        maxLength={80}
        autoComplete="name"
        error={errors.displayName}
        testId="displayName-input"
      />
      <ProfessionSelect value={draft.profession} onChange={(p) => set('profession', p)} error={errors.profession} />
      <Field
        label={t('profile.specialty')}
        value={draft.specialty}
        onChange={(e) => set('specialty', e.target.value)}
        maxLength={120}
        hint={t('profile.specialtyHint')}
        error={errors.specialty}
        testId="specialty-input"
      />
      <CountryPicker value={draft.country} onChange={(c) => set('country', c)} error={errors.country} />
      <Field
        label={t('profile.institution')}
        value={draft.institution}
        onChange={(e) => set('institution', e.target.value)}
        maxLength={200}
        autoComplete="organization"
        error={errors.institution}
        testId="institution-input"
      />
      <LanguagePicker value={draft.languages} onChange={(l) => set('languages', l)} error={errors.languages} />
      <TimeZonePicker value={draft.timeZone} onChange={(tz) => set('timeZone', tz)} error={errors.timeZone} />
    </>
  );
}

import { z } from 'zod';
import { CountryCode, Id, LanguageTag, Timestamp, TimeZone } from './common';
import { Limits } from './limits';

export const professions = [
  'physician',
  'nurse',
  'respiratory_therapist',
  'pharmacist',
  'laboratory_scientist',
  'public_health_officer',
  'paramedic',
  'other',
] as const;
export const Profession = z.enum(professions);
export type Profession = z.infer<typeof Profession>;

export const VerificationStatus = z.enum(['unverified', 'pending', 'verified']);
export type VerificationStatus = z.infer<typeof VerificationStatus>;

export const UserRole = z.enum(['user', 'admin']);
export const Locale = z.enum(['en', 'zh-CN']);

/** A handle is how people @mention you: lower case letters, digits, `.`, `_`, `-`. */
export const Handle = z
  .string()
  .min(2)
  .max(32)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dot, underscore or hyphen');

const profileFields = {
  displayName: z.string().trim().min(1).max(80),
  profession: Profession,
  specialty: z.string().trim().max(120).default(''),
  country: CountryCode,
  institution: z.string().trim().max(200).default(''),
  languages: z.array(LanguageTag).min(1).max(10),
  timeZone: TimeZone,
};

/** What any signed-in user may see of another. */
export const PublicUser = z.object({
  id: Id,
  handle: Handle,
  displayName: z.string(),
  profession: Profession,
  specialty: z.string(),
  country: z.string(),
  institution: z.string(),
  languages: z.array(z.string()),
  timeZone: z.string(),
  verification: VerificationStatus,
  role: UserRole,
  demo: z.boolean(),
  createdAt: Timestamp,
});
export type PublicUser = z.infer<typeof PublicUser>;

/** What a user sees of themself. */
export const SelfUser = PublicUser.extend({
  email: z.string(),
  locale: Locale.nullable(),
  canCreateRooms: z.boolean(),
});
export type SelfUser = z.infer<typeof SelfUser>;

export const Password = z.string().min(1).max(Limits.maxPasswordChars);

export const RegisterBody = z.object({
  email: z.email().max(254),
  password: Password,
  handle: Handle.optional(),
  ...profileFields,
  locale: Locale.optional(),
});
export type RegisterBody = z.infer<typeof RegisterBody>;

export const LoginBody = z.object({ email: z.string().max(254), password: Password });
export type LoginBody = z.infer<typeof LoginBody>;

/** Returned by register and login. `token` is a bearer token; browsers also get an httpOnly cookie. */
export const AuthResult = z.object({ user: SelfUser, token: z.string(), sessionId: Id });
export type AuthResult = z.infer<typeof AuthResult>;

/**
 * `GET /auth/session`: who the session cookie (or bearer token) belongs to, `user: null` when nobody. Always
 * 200, so a signed-out page load probes without a failed request in the console (issue 11, item 23).
 */
export const SessionInfoResult = z.object({ user: SelfUser.nullable() });
export type SessionInfoResult = z.infer<typeof SessionInfoResult>;

export const UpdateProfileBody = z
  .object({
    displayName: profileFields.displayName,
    profession: Profession,
    specialty: z.string().trim().max(120),
    country: CountryCode,
    institution: z.string().trim().max(200),
    languages: profileFields.languages,
    timeZone: TimeZone,
    locale: Locale.nullable(),
  })
  .partial();
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;

export const ChangePasswordBody = z.object({ currentPassword: Password, newPassword: Password });

export const SessionInfo = z.object({
  id: Id,
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  expiresAt: Timestamp,
  userAgent: z.string(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SessionList = z.object({ sessions: z.array(SessionInfo) });

/** Admin-only changes to a user. */
export const AdminUpdateUserBody = z
  .object({
    verification: VerificationStatus,
    role: UserRole,
    canCreateRooms: z.boolean(),
  })
  .partial();

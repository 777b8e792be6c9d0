import type { MemberRole } from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import { canJoin, canManage, canModerate, canPost, canSee } from './rooms';

const roles: (MemberRole | null)[] = ['owner', 'moderator', 'expert', 'member', null];
const user = { role: 'user' as const };
const admin = { role: 'admin' as const };
const open = { visibility: 'public' };
const invite = { visibility: 'invite_only' };

describe('room policies', () => {
  it('answers each question for every role, in public and invite-only rooms', () => {
    for (const role of roles) {
      expect(canSee(user, open, role)).toBe(true);
      expect(canSee(user, invite, role)).toBe(role !== null);
      expect(canSee(admin, invite, role)).toBe(true);
      expect(canPost(user, open, role)).toBe(role !== null);
      expect(canModerate(user, role)).toBe(role === 'owner' || role === 'moderator');
      expect(canModerate(admin, role)).toBe(true);
      expect(canManage(user, role)).toBe(role === 'owner');
      expect(canManage(admin, role)).toBe(true);
    }
    expect([canJoin(user, open), canJoin(user, invite), canJoin(admin, invite)]).toEqual([true, false, true]);
  });
});

import { contracts, type SessionInfo } from '@rounds/protocol';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';
import { errorText } from '../../ui/errors';
import { useFormatter } from '../../ui/useFormatter';
import { logout, sessionsVersion } from '../auth/session';

/** Where I am signed in, and a way to sign out a lost phone. */
export function Sessions() {
  const { t } = useTranslation();
  const f = useFormatter();
  const version = sessionsVersion.use((v) => v);
  const [list, setList] = useState<SessionInfo[] | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    try {
      setList((await call(contracts.accounts.listSessions, {})).sessions);
    } catch (err) {
      setError(errorText(t, err));
    }
  }, [t]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes when a session is revoked elsewhere: reload
  useEffect(() => {
    void load();
  }, [load, version]);

  const revoke = async (s: SessionInfo) => {
    if (s.current) return void logout();
    try {
      await call(contracts.accounts.revokeSession, { params: { sessionId: s.id } });
      await load();
    } catch (err) {
      setError(errorText(t, err));
    }
  };

  return (
    <section className="card" aria-labelledby="sessions-h" data-testid="sessions">
      <h2 id="sessions-h">{t('sessions.title')}</h2>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {!list ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <ul className="session-list">
          {list.map((s) => (
            <li key={s.id} className="session" data-testid="session-item">
              <div>
                <strong>{describeAgent(s.userAgent) || t('sessions.unknownDevice')}</strong>
                {s.current && (
                  <span className="badge" data-testid="current-session">
                    {t('sessions.current')}
                  </span>
                )}
                <div className="muted small">
                  {t('sessions.lastSeen', { when: f.dateTime(s.lastSeenAt) })} ·{' '}
                  {t('sessions.started', { when: f.dateTime(s.createdAt) })}
                </div>
              </div>
              <button
                type="button"
                className="button secondary"
                onClick={() => void revoke(s)}
                data-testid="session-revoke"
              >
                {s.current ? t('auth.signOut') : t('sessions.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "Chrome on Linux" from a user-agent string; good enough to recognise a device. */
function describeAgent(ua: string): string {
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : '';
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Mac OS X/.test(ua)
        ? 'macOS'
        : /Windows/.test(ua)
          ? 'Windows'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return [browser, os].filter(Boolean).join(' · ') || ua.slice(0, 60);
}

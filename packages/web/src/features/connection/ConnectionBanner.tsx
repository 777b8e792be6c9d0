import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { outboxStore } from '../../lib/outbox';
import { connectionStore } from '../../lib/socket-types';

/**
 * Says so when the live connection is down, and that messages typed meanwhile will be sent (or, once the
 * HTTP fallback polls, that they are sent and new ones checked for every few seconds).
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const { state, everOnline, polling } = connectionStore.use((s) => s);
  const queued = outboxStore.use((s) => s.filter((e) => e.status !== 'failed').length);
  // Don't flash a banner during the first second of a normal start.
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (state !== 'connecting') return setSlow(false);
    const timer = setTimeout(() => setSlow(true), 1500);
    return () => clearTimeout(timer);
  }, [state]);

  const down = state === 'reconnecting' || (state === 'connecting' && (slow || everOnline));
  return (
    <div className="connection-slot" role="status" aria-live="polite">
      {down && (
        <div className="connection-banner" data-testid="connection-banner" data-state={state}>
          <span className="dot" aria-hidden="true" />
          <span>
            {everOnline ? t('connection.lost') : t('connection.connecting')}{' '}
            {polling
              ? t('connection.polling')
              : queued > 0
                ? t('connection.queued', { count: queued })
                : t('connection.willSend')}
          </span>
        </div>
      )}
    </div>
  );
}

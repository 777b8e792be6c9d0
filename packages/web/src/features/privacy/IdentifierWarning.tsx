import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';
import type { Finding } from './identifiers';

/**
 * Shown above the composer while the draft seems to identify a patient: which words, what kind, where
 * (text, caption, file name), and the two ways on: Redact (replace them) or Send anyway.
 */
export function IdentifierWarning({
  findings,
  held,
  onRedact,
  onSendAnyway,
  editing = false,
}: {
  findings: Finding[];
  held: boolean;
  /** In the editor of a sent message: "Save anyway" instead of "Send anyway". */
  editing?: boolean;
  onRedact(): void;
  onSendAnyway(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="privacy-warning" aria-labelledby={`${id}-h`} data-testid="identifier-warning">
      <h3 id={`${id}-h`} className="privacy-title">
        <Icon name="shield" />
        {t('privacy.title')}
      </h3>
      <p className="small privacy-explain">{t('privacy.explain')}</p>
      <ul className="findings">
        {findings.map((f) => (
          <li key={`${f.source}:${f.kind}:${f.text}`} data-testid="identifier-finding" data-kind={f.kind}>
            <mark>{f.text}</mark> <span className="finding-kind">{t(`privacy.kinds.${f.kind}`)}</span>
            {f.source !== 'text' && <span className="small"> · {t(`privacy.in.${f.source}`)}</span>}
          </li>
        ))}
      </ul>
      {held && (
        <p className="small strong" role="alert" data-testid="identifier-held">
          {t(editing ? 'privacy.heldEdit' : 'privacy.held')}
        </p>
      )}
      <div className="privacy-actions">
        <button type="button" className="button primary small" onClick={onRedact} data-testid="redact-identifiers">
          {t('privacy.redact')}
        </button>
        <button type="button" className="button secondary small" onClick={onSendAnyway} data-testid="send-anyway">
          {t(editing ? 'privacy.saveAnyway' : 'privacy.sendAnyway')}
        </button>
      </div>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';
import { dismissNotice, noticeStore } from './notice';

export function Notice() {
  const { t } = useTranslation();
  const notice = noticeStore.use((s) => s);
  return (
    <div className="notice-slot" role="status" aria-live="polite">
      {notice && (
        <div className={`notice ${notice.tone}`} data-testid="notice">
          <span>{notice.text}</span>
          <button type="button" className="icon-button" onClick={dismissNotice} aria-label={t('common.dismiss')}>
            <Icon name="close" />
          </button>
        </div>
      )}
    </div>
  );
}

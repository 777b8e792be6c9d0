import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';

/** Covers a drop target while files are held over it. */
export function DropHint() {
  const { t } = useTranslation();
  return (
    <div className="drop-hint" aria-hidden="true" data-testid="drop-hint">
      <Icon name="clip" />
      {t('attachments.drop')}
    </div>
  );
}

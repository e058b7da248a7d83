// What an empty state says: how to start (editors) or that there is nothing yet (viewers).
import { useTranslation } from 'react-i18next';

export function EmptyHint({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('canvas');
  return (
    <div className="fm-empty" role="status">
      {canEdit ? (
        <>
          <strong>{t('empty.title')}</strong>
          <span>{t('empty.hint')}</span>
        </>
      ) : (
        <strong>{t('empty.viewOnly')}</strong>
      )}
    </div>
  );
}

// Asks the owner to confirm restoring a snapshot as a new map, and says why it failed if it did.
import { useTranslation } from 'react-i18next';
import type { SnapshotSummary } from '../../api/http.ts';
import { Dialog } from '../../ui/Dialog.tsx';

interface Props {
  snapshot: SnapshotSummary | null;
  busy: boolean;
  error: string | null;
  onRestore(): void;
  /** Escape or the backdrop. */
  onClose(): void;
  onCancel(): void;
}

export function RestoreSnapshotDialog({
  snapshot,
  busy,
  error,
  onRestore,
  onClose,
  onCancel,
}: Props) {
  const { t } = useTranslation('snapshots');
  return (
    <Dialog
      open={snapshot !== null}
      title={t('restore.title', { name: snapshot?.name ?? '' })}
      onClose={onClose}
      description={<p>{t('restore.description')}</p>}
    >
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} data-autofocus>
          {t('restore.cancel')}
        </button>
        <button type="button" className="primary" onClick={onRestore} disabled={busy}>
          {busy ? t('restore.busy') : t('restore.confirm')}
        </button>
      </div>
    </Dialog>
  );
}

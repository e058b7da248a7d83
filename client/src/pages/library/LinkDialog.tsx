// A map's link shown selected in a dialog, for when the browser did not allow copying it to the
// clipboard: the owner copies it by hand.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import './linkDialog.css';

export interface ShownLink {
  title: string;
  link: string;
}

export function LinkDialog({ shown, onClose }: { shown: ShownLink | null; onClose: () => void }) {
  const id = useId();
  const { t } = useTranslation('library');
  return (
    <Dialog open={shown !== null} title={t('copy.dialogTitle')} onClose={onClose}>
      {shown && (
        <div className="field">
          <label htmlFor={id}>{shown.title}</label>
          <input
            id={id}
            data-autofocus
            readOnly
            value={shown.link}
            className="link-input"
            onFocus={(event) => event.currentTarget.select()}
          />
          <p className="field-hint">{t('copy.hint')}</p>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose}>
              {t('copy.done')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

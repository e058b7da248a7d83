// The top bar's way into Import measurements (edit links only). The dialog, its worker and the
// CSV parser load when first opened: editing a map does not need them.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanEdit } from '../../store/selectors.ts';

const MeasureDialog = lazy(() =>
  import('./MeasureDialog.tsx').then((m) => ({ default: m.MeasureDialog })),
);

export function MeasureButton() {
  const canEdit = useCanEdit();
  const { t } = useTranslation('measure');
  const [open, setOpen] = useState(false);
  if (!canEdit) return null;
  return (
    <>
      <button
        type="button"
        className="tab-action measure-button"
        title={t('buttonTip')}
        onClick={() => setOpen(true)}
      >
        {t('button')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <MeasureDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

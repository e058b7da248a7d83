// The top bar's way into the map's snapshots (quarterly reviews), for every link: view links can
// look at snapshots, compare them and follow the trend.
import { useTranslation } from 'react-i18next';
import { setEditor, useEditor } from '../../store/editorStore.ts';
import { SnapshotIcon } from '../../ui/icons.tsx';
import '../topbar/stateTabs.css';

export function SnapshotsButton() {
  const { t } = useTranslation('snapshots');
  const open = useEditor((s) => s.snapshotsOpen && s.compareWith === null);
  return (
    <button
      type="button"
      className="tab-action"
      aria-pressed={open}
      onClick={() =>
        setEditor(open ? { snapshotsOpen: false } : { snapshotsOpen: true, compareWith: null })
      }
      title={open ? t('button.close') : t('button.open')}
    >
      <SnapshotIcon className="tab-icon" />
      {t('button.label')}
    </button>
  );
}

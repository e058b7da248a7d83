// The quarterly review: the map's named snapshots, in place of the canvas. Take one (editors),
// list them with their headline figures, open one read-only, compare any two (or one with now),
// restore one as a new map (owner), and follow the trend across reviews. Loaded on demand, like
// the Chart.js code the trend draws with.
import { mapHeadline } from '@flowmap/shared';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ownerKey } from '../../api/http.ts';
import { setEditor, useEditor } from '../../store/editorStore.ts';
import { useCanEdit } from '../../store/selectors.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { ConfirmDialog } from '../../ui/Dialog.tsx';
import { RestoreSnapshotDialog } from './RestoreSnapshotDialog.tsx';
import { type CompareChoice, SnapshotCompare } from './SnapshotCompare.tsx';
import { SnapshotDetail } from './SnapshotDetail.tsx';
import { SnapshotList } from './SnapshotList.tsx';
import { type SnapshotTab, SnapshotTabs } from './SnapshotTabs.tsx';
import { TakeSnapshot } from './TakeSnapshot.tsx';
import { TrendView } from './TrendView.tsx';
import { NOW_ID } from './trend.ts';
import { useOwnerActions } from './useOwnerActions.ts';
import { useSnapshotList } from './useSnapshots.ts';
import '../compare/compare.css';
import './snapshots.css';

const back = () => setEditor({ snapshotsOpen: false });

/** Escape goes back to the map, unless a dialog or a field has it. */
function useEscapeBack(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, select, textarea')) return;
      back();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function SnapshotsView() {
  const session = useSession();
  const { t } = useTranslation('snapshots');
  const { mapId, token } = session.options;
  const canEdit = useCanEdit();
  // Restoring and deleting need the instance owner key, which only the facilitator's browser has.
  const [isOwner] = useState(() => ownerKey() !== null);
  const liveMap = useEditor((s) => s.map);
  const now = useMemo(() => (liveMap ? mapHeadline(liveMap) : null), [liveMap]);
  const list = useSnapshotList(mapId, token);
  const snapshots = list.snapshots;

  const [tab, setTab] = useState<SnapshotTab>('list');
  const [openId, setOpenId] = useState<string | null>(null);
  const [compare, setCompare] = useState<CompareChoice | null>(null);
  const owner = useOwnerActions(mapId, (id) => {
    list.removed(id);
    if (openId === id) setOpenId(null);
  });
  const tabsId = useId();
  useEscapeBack();

  const actions = {
    open: (id: string) => {
      setOpenId(id);
      setTab('list');
    },
    compareWithNow: (id: string) => {
      setCompare({
        before: { source: id, stateId: null },
        after: { source: NOW_ID, stateId: null },
      });
      setTab('compare');
    },
    restore: isOwner ? owner.askRestore : null,
    remove: isOwner ? owner.askDelete : null,
  };
  const opened = snapshots?.find((s) => s.id === openId) ?? null;

  return (
    <section className="compare snapshots" aria-label={t('view.label')}>
      <div className="compare-inner">
        <div className="snapshots-toolbar">
          <button type="button" className="compare-back" onClick={back}>
            <span aria-hidden="true">←</span> {t('view.back')}
          </button>
        </div>

        <header className="snapshots-header">
          <div className="snapshots-intro">
            <h1 className="snapshots-title">{t('view.title')}</h1>
            <p className="snapshots-lede">{t('view.lede')}</p>
          </div>
          {canEdit && snapshots !== null && (
            <TakeSnapshot
              mapId={mapId}
              token={token}
              taken={snapshots.map((s) => s.name)}
              onTaken={(s) => {
                list.added(s);
                setOpenId(null);
              }}
            />
          )}
        </header>

        <SnapshotTabs
          id={tabsId}
          tab={tab}
          count={snapshots?.length ?? null}
          onSelect={(next) => {
            setTab(next);
            if (next === 'list') setOpenId(null);
          }}
        />

        <div
          role="tabpanel"
          id={`${tabsId}-panel`}
          aria-labelledby={`${tabsId}-${tab}`}
          className="snapshots-panel"
        >
          {list.error && (
            <p className="banner banner-error snapshots-error" role="alert">
              {list.error}{' '}
              <button type="button" onClick={() => void list.reload()}>
                {t('view.tryAgain')}
              </button>
            </p>
          )}
          {snapshots === null ? (
            !list.error && <p className="snapshots-empty">{t('view.loading')}</p>
          ) : tab === 'list' ? (
            opened ? (
              <SnapshotDetail
                mapId={mapId}
                token={token}
                snapshot={opened}
                onBack={() => setOpenId(null)}
                actions={actions}
              />
            ) : (
              <SnapshotList snapshots={snapshots} canEdit={canEdit} actions={actions} />
            )
          ) : tab === 'compare' ? (
            <SnapshotCompare
              mapId={mapId}
              token={token}
              snapshots={snapshots}
              choice={compare}
              onChoice={setCompare}
            />
          ) : (
            <TrendView snapshots={snapshots} now={now} />
          )}
        </div>
      </div>

      <RestoreSnapshotDialog
        snapshot={owner.restoring}
        busy={owner.busy}
        error={owner.error}
        onRestore={() => void owner.restore()}
        onClose={owner.cancel}
        onCancel={owner.closeRestore}
      />

      <ConfirmDialog
        open={owner.deleting !== null}
        title={t('view.deleteTitle', { name: owner.deleting?.name ?? '' })}
        message={<p>{t('view.deleteMessage')}</p>}
        confirmLabel={t('view.deleteConfirm')}
        busy={owner.busy}
        error={owner.error}
        onConfirm={() => void owner.remove()}
        onCancel={owner.cancel}
      />
    </section>
  );
}

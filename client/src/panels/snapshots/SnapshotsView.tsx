// The quarterly review: the map's named snapshots, in place of the canvas. Take one (editors),
// list them with their headline figures, open one read-only, compare any two (or one with now),
// restore one as a new map (owner), and follow the trend across reviews. Loaded on demand, like
// the Chart.js code the trend draws with.
import { mapHeadline } from '@flowmap/shared';
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { api, ownerKey, type SnapshotSummary } from '../../api/http.ts';
import { useSession } from '../../app/SessionContext.tsx';
import { setEditor, useEditor } from '../../store/editorStore.ts';
import { useCanEdit } from '../../store/selectors.ts';
import { ConfirmDialog, Dialog } from '../chrome/Dialog.tsx';
import { quarterName, uniqueName } from './names.ts';
import { type CompareChoice, SnapshotCompare } from './SnapshotCompare.tsx';
import { SnapshotDetail } from './SnapshotDetail.tsx';
import { SnapshotList } from './SnapshotList.tsx';
import { TrendView } from './TrendView.tsx';
import { NOW_ID } from './trend.ts';
import { errorText, useSnapshotList } from './useSnapshots.ts';
import '../chrome/compare.css';
import './snapshots.css';

type Tab = 'list' | 'compare' | 'trend';

const TABS: { id: Tab; label: string }[] = [
  { id: 'list', label: 'Reviews' },
  { id: 'compare', label: 'Compare' },
  { id: 'trend', label: 'Trend' },
];

export function SnapshotsView() {
  const session = useSession();
  const { mapId, token } = session.options;
  const canEdit = useCanEdit();
  // Restoring and deleting need the instance owner key, which only the facilitator's browser has.
  const [isOwner] = useState(() => ownerKey() !== null);
  const liveMap = useEditor((s) => s.map);
  const now = useMemo(() => (liveMap ? mapHeadline(liveMap) : null), [liveMap]);
  const list = useSnapshotList(mapId, token);
  const snapshots = list.snapshots;

  const [tab, setTab] = useState<Tab>('list');
  const [openId, setOpenId] = useState<string | null>(null);
  const [compare, setCompare] = useState<CompareChoice | null>(null);
  const [restoring, setRestoring] = useState<SnapshotSummary | null>(null);
  const [deleting, setDeleting] = useState<SnapshotSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const tabsId = useId();

  const back = () => setEditor({ snapshotsOpen: false });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, select, textarea')) return;
      setEditor({ snapshotsOpen: false });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const open = (id: string) => {
    setOpenId(id);
    setTab('list');
  };
  const compareWithNow = (id: string) => {
    setCompare({ before: { source: id, stateId: null }, after: { source: NOW_ID, stateId: null } });
    setTab('compare');
  };

  const restore = async () => {
    if (!restoring) return;
    setBusy(true);
    setActionError(null);
    try {
      const created = await api.restoreSnapshot(mapId, restoring.id);
      // The new map opens in place of this one, with its own edit link.
      window.location.assign(`/m/${created.id}?token=${encodeURIComponent(created.editToken)}`);
    } catch (e) {
      setActionError(errorText(e));
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    setActionError(null);
    try {
      await api.deleteSnapshot(mapId, deleting.id);
      list.removed(deleting.id);
      if (openId === deleting.id) setOpenId(null);
      setDeleting(null);
    } catch (e) {
      setActionError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const actions = {
    open,
    compareWithNow,
    restore: isOwner ? (s: SnapshotSummary) => setRestoring(s) : null,
    remove: isOwner ? (s: SnapshotSummary) => setDeleting(s) : null,
  };
  const opened = snapshots?.find((s) => s.id === openId) ?? null;

  return (
    <section className="compare snapshots" aria-label="Snapshots">
      <div className="compare-inner">
        <div className="snapshots-toolbar">
          <button type="button" className="compare-back" onClick={back}>
            <span aria-hidden="true">←</span> Back to the map
          </button>
        </div>

        <header className="snapshots-header">
          <div className="snapshots-intro">
            <h1 className="snapshots-title">Snapshots</h1>
            <p className="snapshots-lede">
              A snapshot keeps the whole map as it is today. Take one at every quarterly review,
              then compare reviews and follow the trend of your lead time, flow efficiency, rolled
              %C/A and four key metrics.
            </p>
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

        <div role="tablist" aria-label="Snapshot views" className="snapshots-tabs">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`${tabsId}-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`${tabsId}-panel`}
              className={`snapshots-tab${tab === t.id ? ' is-active' : ''}`}
              onClick={() => {
                setTab(t.id);
                if (t.id === 'list') setOpenId(null);
              }}
            >
              {t.label}
              {t.id === 'list' && snapshots && (
                <span className="count-badge">{snapshots.length}</span>
              )}
            </button>
          ))}
        </div>

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
                Try again
              </button>
            </p>
          )}
          {snapshots === null ? (
            !list.error && <p className="snapshots-empty">Loading snapshots…</p>
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

      <Dialog
        open={restoring !== null}
        title={`Restore “${restoring?.name ?? ''}” as a new map?`}
        onClose={() => {
          setRestoring(null);
          setActionError(null);
        }}
        description={
          <p>
            A new map is created from the snapshot, with its own edit and view links, and opens
            here. This map and its snapshots stay as they are.
          </p>
        }
      >
        {actionError && (
          <p className="form-error" role="alert">
            {actionError}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => setRestoring(null)} data-autofocus>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => void restore()} disabled={busy}>
            {busy ? 'Restoring…' : 'Restore as new map'}
          </button>
        </div>
      </Dialog>

      <ConfirmDialog
        open={deleting !== null}
        title={`Delete the snapshot “${deleting?.name ?? ''}”?`}
        message={<p>It disappears from the reviews, the comparisons and the trend for everyone.</p>}
        confirmLabel="Delete snapshot"
        busy={busy}
        error={actionError}
        onConfirm={() => void remove()}
        onCancel={() => {
          setDeleting(null);
          setActionError(null);
        }}
      />
    </section>
  );
}

function TakeSnapshot({
  mapId,
  token,
  taken,
  onTaken,
}: {
  mapId: string;
  token: string;
  taken: string[];
  onTaken: (snapshot: SnapshotSummary) => void;
}) {
  const suggested = uniqueName(quarterName(new Date()), taken);
  const [name, setName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();
  const value = name ?? suggested;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    if (trimmed === '') {
      setError('Give the snapshot a name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const snapshot = await api.takeSnapshot(mapId, token, trimmed);
      onTaken(snapshot);
      setDone(`Snapshot “${snapshot.name}” taken.`);
      // The next suggestion follows from the new list.
      setName(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="take-snapshot" onSubmit={(e) => void submit(e)}>
      <label htmlFor={inputId}>Snapshot name</label>
      <div className="take-snapshot-row">
        <input
          id={inputId}
          value={value}
          maxLength={200}
          onChange={(e) => {
            setName(e.target.value);
            setDone(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Taking…' : 'Take snapshot'}
        </button>
      </div>
      {error ? (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      ) : (
        <p className="take-snapshot-status" role="status">
          {done}
        </p>
      )}
    </form>
  );
}

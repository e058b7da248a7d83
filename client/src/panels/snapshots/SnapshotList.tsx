// The reviews, newest first: each snapshot with its date and headline figures per state (lead
// time — with the expected one when routes or rework make it differ, and what the figures leave
// out — flow efficiency, rolled %C/A and the DORA level of each key metric).
import { DEFAULT_WORKING_TIME, DORA_KEYS, type WorkingTime } from '@flowmap/shared';
import { useTranslation } from 'react-i18next';
import type { SnapshotSummary } from '../../api/http.ts';
import { DoraTimeNote } from '../../ui/DoraTimeNote.tsx';
import { KindChip } from '../../ui/KindChip.tsx';
import { Menu, MenuItem } from '../../ui/Menu.tsx';
import { LevelBadge } from '../inspector/DoraInputs.tsx';
import { formatPercent, formatTotal } from '../metrics/format.ts';
import { leadTimeNotes } from './headlineNotes.ts';
import { formatDay, formatTaken } from './names.ts';
import './snapshotTable.css';
import { formatTrendValue, TREND_METRICS, trendLabel } from './trend.ts';

export interface SnapshotActions {
  open(id: string): void;
  compareWithNow(id: string): void;
  /** Null without the owner key. */
  restore: ((snapshot: SnapshotSummary) => void) | null;
  remove: ((snapshot: SnapshotSummary) => void) | null;
}

export function SnapshotList({
  snapshots,
  canEdit,
  actions,
}: {
  snapshots: SnapshotSummary[];
  canEdit: boolean;
  actions: SnapshotActions;
}) {
  const { t } = useTranslation('snapshots');
  if (snapshots.length === 0) {
    return (
      <div className="snapshots-empty-card">
        <h2>{t('list.emptyTitle')}</h2>
        <p>{canEdit ? t('list.emptyEditor') : t('list.emptyViewer')}</p>
      </div>
    );
  }
  const newestFirst = [...snapshots].sort((a, b) => b.createdAt - a.createdAt);
  // Most maps have one state; a column repeating its name would only push the figures apart.
  const showStates = snapshots.some((s) => s.headline.states.length > 1);
  return (
    <>
      <div className="snapshot-table-wrap">
        <table className="snapshot-table" aria-label={t('list.label')}>
          <thead>
            <tr>
              <th scope="col">{t('list.snapshot')}</th>
              <th scope="col">{t('list.taken')}</th>
              {showStates && <th scope="col">{t('list.state')}</th>}
              <th scope="col" className="num-head">
                {t('list.leadTime')}
              </th>
              <th scope="col" className="num-head">
                {t('list.flowEfficiency')}
              </th>
              <th scope="col" className="num-head">
                {t('list.rolledPctCA')}
              </th>
              {DORA_KEYS.map((key) => (
                <th scope="col" key={key} className="dora-col" title={trendLabel(t, key)}>
                  {t(`list.dora.${key}`)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('list.actions')}</span>
              </th>
            </tr>
          </thead>
          {newestFirst.map((snapshot) => (
            <SnapshotRows
              key={snapshot.id}
              snapshot={snapshot}
              actions={actions}
              showStates={showStates}
            />
          ))}
        </table>
      </div>
      <DoraTimeNote wt={newestFirst[0]?.headline.workingTime ?? DEFAULT_WORKING_TIME} />
    </>
  );
}

function SnapshotRows({
  snapshot,
  actions,
  showStates,
}: {
  snapshot: SnapshotSummary;
  actions: SnapshotActions;
  showStates: boolean;
}) {
  const { t } = useTranslation('snapshots');
  const { headline } = snapshot;
  const wt: WorkingTime = headline.workingTime;
  const states = headline.states;
  const span = Math.max(1, states.length);
  const { restore, remove } = actions;
  const head = (
    <>
      <th scope="rowgroup" rowSpan={span} className="snapshot-name">
        <button
          type="button"
          className="snap-link"
          onClick={() => actions.open(snapshot.id)}
          title={t('list.open')}
        >
          {snapshot.name}
        </button>
      </th>
      <td rowSpan={span} className="snapshot-date" title={formatTaken(snapshot.createdAt)}>
        {formatDay(snapshot.createdAt)}
      </td>
    </>
  );
  const tail = (
    <td rowSpan={span}>
      <div className="snapshot-actions-row">
        <button type="button" onClick={() => actions.compareWithNow(snapshot.id)}>
          {t('list.compareWithNow')}
        </button>
        {(restore || remove) && (
          <Menu
            label={<span aria-hidden="true">⋯</span>}
            ariaLabel={t('list.more', { name: snapshot.name })}
            buttonClassName="icon-button"
            align="right"
          >
            {(close) => (
              <>
                {restore && (
                  <MenuItem
                    onSelect={() => {
                      close();
                      restore(snapshot);
                    }}
                  >
                    {t('list.restore')}
                  </MenuItem>
                )}
                {remove && (
                  <MenuItem
                    danger
                    onSelect={() => {
                      close();
                      remove(snapshot);
                    }}
                  >
                    {t('list.delete')}
                  </MenuItem>
                )}
              </>
            )}
          </Menu>
        )}
      </div>
    </td>
  );
  if (states.length === 0) {
    return (
      <tbody className="snapshot-group">
        <tr>
          {head}
          <td colSpan={showStates ? 8 : 7} className="snapshot-muted">
            {t('list.noStates')}
          </td>
          {tail}
        </tr>
      </tbody>
    );
  }
  return (
    <tbody className="snapshot-group" data-snapshot={snapshot.name}>
      {states.map((state, i) => (
        <tr key={state.stateId}>
          {i === 0 && head}
          {showStates && (
            <td className="snapshot-state">
              {state.name} <KindChip kind={state.kind} />
            </td>
          )}
          <td className="num strong">
            {state.totalLeadTimeMinutes === null
              ? '—'
              : formatTotal(state.totalLeadTimeMinutes, wt)}
            {leadTimeNotes(t, state, wt).map((note) => (
              <span key={note} className="snapshot-sub">
                {note}
              </span>
            ))}
          </td>
          <td className="num">{formatPercent(state.flowEfficiency)}</td>
          <td className="num">{formatPercent(state.rolledPctCA)}</td>
          {DORA_KEYS.map((key) => {
            const d = state.dora[key];
            const metric = TREND_METRICS.find((m) => m.key === key);
            const shown = metric ? formatTrendValue(t, metric, d.value, wt) : '—';
            return (
              <td
                key={key}
                className="dora-col"
                title={t('list.doraValue', { label: trendLabel(t, key), value: shown })}
              >
                <LevelBadge level={d.level} />
                <span className="visually-hidden">{t('list.doraHidden', { value: shown })}</span>
              </td>
            );
          })}
          {i === 0 && tail}
        </tr>
      ))}
    </tbody>
  );
}

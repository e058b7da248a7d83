// The reviews, newest first: each snapshot with its date and headline figures per state (lead
// time, flow efficiency, rolled %C/A and the DORA level of each key metric).
import { DORA_KEYS, type DoraKey, type WorkingTime } from '@flowmap/shared';
import type { SnapshotSummary } from '../../api/http.ts';
import { Menu, MenuItem } from '../chrome/Menu.tsx';
import { LevelBadge } from '../inspector/DoraInputs.tsx';
import { formatPercent, formatTotal } from '../metrics/format.ts';
import { formatDay, formatTaken } from './names.ts';
import './snapshotTable.css';
import { formatTrendValue, TREND_METRICS } from './trend.ts';

export interface SnapshotActions {
  open(id: string): void;
  compareWithNow(id: string): void;
  /** Null without the owner key. */
  restore: ((snapshot: SnapshotSummary) => void) | null;
  remove: ((snapshot: SnapshotSummary) => void) | null;
}

const DORA_HEADINGS: Record<DoraKey, string> = {
  deploymentFrequency: 'Deploys',
  leadTimeForChanges: 'Change lead time',
  changeFailureRate: 'Failures',
  timeToRestore: 'Restore',
};

export function SnapshotList({
  snapshots,
  canEdit,
  actions,
}: {
  snapshots: SnapshotSummary[];
  canEdit: boolean;
  actions: SnapshotActions;
}) {
  if (snapshots.length === 0) {
    return (
      <div className="snapshots-empty-card">
        <h2>No snapshot yet</h2>
        <p>
          {canEdit
            ? 'Take the first one now: it becomes the baseline every later review is compared with.'
            : 'Snapshots are taken by the workshop’s editors; this link can only look at them.'}
        </p>
      </div>
    );
  }
  const newestFirst = [...snapshots].sort((a, b) => b.createdAt - a.createdAt);
  // Most maps have one state; a column repeating its name would only push the figures apart.
  const showStates = snapshots.some((s) => s.headline.states.length > 1);
  return (
    <div className="snapshot-table-wrap">
      <table className="snapshot-table" aria-label="Snapshots of this map">
        <thead>
          <tr>
            <th scope="col">Snapshot</th>
            <th scope="col">Taken</th>
            {showStates && <th scope="col">State</th>}
            <th scope="col" className="num-head">
              Lead time
            </th>
            <th scope="col" className="num-head">
              Flow efficiency
            </th>
            <th scope="col" className="num-head">
              Rolled %C/A
            </th>
            {DORA_KEYS.map((key) => (
              <th scope="col" key={key} className="dora-col" title={doraLabel(key)}>
                {DORA_HEADINGS[key]}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
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
  );
}

function doraLabel(key: DoraKey): string {
  return TREND_METRICS.find((m) => m.key === key)?.label ?? key;
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
          title="Open this snapshot (read-only)"
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
          Compare with now
        </button>
        {(restore || remove) && (
          <Menu
            label={<span aria-hidden="true">⋯</span>}
            ariaLabel={`More actions for ${snapshot.name}`}
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
                    Restore as new map…
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
                    Delete snapshot…
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
            No states
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
              {state.name} <span className={`kind-chip kind-${state.kind}`}>{state.kind}</span>
            </td>
          )}
          <td className="num strong">
            {state.totalLeadTimeMinutes === null
              ? '—'
              : formatTotal(state.totalLeadTimeMinutes, wt)}
          </td>
          <td className="num">{formatPercent(state.flowEfficiency)}</td>
          <td className="num">{formatPercent(state.rolledPctCA)}</td>
          {DORA_KEYS.map((key) => {
            const d = state.dora[key];
            const metric = TREND_METRICS.find((m) => m.key === key);
            const shown = metric ? formatTrendValue(metric, d.value, wt) : '—';
            return (
              <td key={key} className="dora-col" title={`${doraLabel(key)}: ${shown}`}>
                <LevelBadge level={d.level} />
                <span className="visually-hidden">, {shown}</span>
              </td>
            );
          })}
          {i === 0 && tail}
        </tr>
      ))}
    </tbody>
  );
}

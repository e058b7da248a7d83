// For a step with several arrows out: are they parallel work (every item goes down all of them)
// or an either/or route (each item takes one, in the shares given)? Either/or starts from equal
// shares; editing one share moves the others with it so the total stays 100 % (shared's
// setRouteShare, one undo step); parallel removes the shares.
import {
  displayName,
  formatRatio,
  isEitherOr,
  isPipelineNode,
  type MapEdge,
  type MapState,
  shareTotal,
} from '@flowmap/shared';
import { type RouteMode, setRouteMode, setRouteShare } from '@flowmap/shared/doc';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/editorStore.ts';
import { runCommand } from '../../sync/runCommand.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { CommitField, type CommitOutcome } from './CommitField.tsx';
import { fractionToPercent, percentToFraction } from './settingsFields.ts';

// Each mode with its name's key under the catalog's 'route'.
const MODES = [
  ['parallel', 'parallel'],
  ['either-or', 'eitherOr'],
] as const satisfies readonly (readonly [RouteMode, string])[];

/** The flow arrows out of step `nodeId` to other steps, in the order they are drawn (top down). */
export function outgoingArrows(state: MapState, nodeId: string): MapEdge[] {
  const source = state.nodes[nodeId];
  // A kaizen burst's arrows are links to the stages it improves, not routes.
  if (!source || !isPipelineNode(source.type)) return [];
  return Object.values(state.edges)
    .filter((e) => {
      const target = state.nodes[e.target];
      return e.kind === 'flow' && e.source === nodeId && target && isPipelineNode(target.type);
    })
    .sort((a, b) => {
      const ya = state.nodes[a.target]?.y ?? 0;
      const yb = state.nodes[b.target]?.y ?? 0;
      return ya - yb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
}

export function RouteChoice({
  stateId,
  nodeId,
  canEdit,
}: {
  stateId: string;
  nodeId: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation('inspector');
  const session = useSession();
  const state = useEditor((s) => s.map?.states[stateId]);
  const [error, setError] = useState<string | null>(null);
  if (!state) return null;
  const arrows = outgoingArrows(state, nodeId);
  if (arrows.length < 2) return null;
  const mode: RouteMode = isEitherOr(arrows) ? 'either-or' : 'parallel';
  const name = (id: string) => {
    const node = state.nodes[id];
    return node ? displayName(node, id) : id;
  };

  const choose = (next: RouteMode) => {
    if (!canEdit || next === mode) return;
    const done = runCommand(() => setRouteMode(session.doc, stateId, nodeId, next));
    setError(done.ok ? null : done.error);
  };
  const commitShare =
    (edgeId: string) =>
    (text: string): CommitOutcome => {
      if (!canEdit) return { ok: false, error: t('viewOnly') };
      const read = percentToFraction(text);
      if (!read.ok) return read;
      if (read.value === undefined) return { ok: false, error: t('route.enterShare') };
      const share = read.value;
      const done = runCommand(() => setRouteShare(session.doc, stateId, edgeId, share));
      return done.ok ? { ok: true, text: fractionToPercent(share) } : done;
    };

  const total = shareTotal(arrows);
  const helpId = `route-help-${nodeId}`;
  return (
    <div className="route-choice">
      <fieldset className="segmented" disabled={!canEdit} aria-describedby={helpId}>
        <legend>{t('route.legend')}</legend>
        <div className="segmented-options">
          {MODES.map(([value, label]) => (
            <label key={value} className={mode === value ? 'selected' : undefined}>
              <input
                type="radio"
                name={`route-mode-${nodeId}`}
                value={value}
                checked={mode === value}
                onChange={() => choose(value)}
              />
              {t(`route.${label}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <p id={helpId} className="insp-field-hint">
        {mode === 'either-or' ? t('route.eitherOrHelp') : t('route.parallelHelp')}
      </p>
      {mode === 'either-or' && (
        <>
          {arrows.map((arrow) => (
            <CommitField
              key={arrow.id}
              label={t('route.share', { to: name(arrow.target) })}
              inputMode="decimal"
              className="insp-field-pct"
              value={fractionToPercent(arrow.share)}
              onCommit={commitShare(arrow.id)}
              readOnly={!canEdit}
            />
          ))}
          <p className={Math.abs(total - 1) > 0.001 ? 'insp-field-warning' : 'insp-field-hint'}>
            {t('route.total')}: {formatRatio(total)}
          </p>
        </>
      )}
      {error !== null && (
        <p className="insp-field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

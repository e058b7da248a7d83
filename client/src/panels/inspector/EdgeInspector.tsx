// One selected edge: where it runs, and whether it carries work forward (flow) or sends it back
// (rework, drawn but not part of any path).
import { displayName, type EdgeKind, type MapEdge, type MapState } from '@flowmap/shared';
import { setEdgeKind, setRouteShare, updateEdge } from '@flowmap/shared/doc';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runCommand } from '../../sync/runCommand.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { CommitField, type CommitOutcome } from './CommitField.tsx';
import { fractionToPercent, percentToFraction } from './settingsFields.ts';
import { useRevealOnMount } from './useRevealOnMount.ts';

// Each kind with its name's key under the catalog's 'edge'.
const KINDS = [
  { kind: 'flow', label: 'flow' },
  { kind: 'rework', label: 'rework' },
] as const satisfies readonly { kind: EdgeKind; label: string }[];

export function EdgeInspector({
  state,
  edge,
  canEdit,
}: {
  state: MapState;
  edge: MapEdge;
  canEdit: boolean;
}) {
  const { t } = useTranslation('inspector');
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const name = (id: string) => {
    const node = Object.hasOwn(state.nodes, id) ? state.nodes[id] : undefined;
    return node ? displayName(node, id) : id;
  };
  const choose = (kind: EdgeKind) => {
    if (!canEdit || kind === edge.kind) return;
    const done = runCommand(() => setEdgeKind(session.doc, state.id, edge.id, kind));
    setError(done.ok ? null : done.error);
  };
  const ref = useRef<HTMLElement>(null);
  useRevealOnMount(ref);
  const helpId = `edge-kind-help-${edge.id}`;
  // A rework arrow's rate, a flow arrow's share of an either/or route: typed as a percentage.
  const amount = edge.kind === 'rework' ? 'rate' : 'share';
  const commitAmount = (text: string): CommitOutcome => {
    if (!canEdit) return { ok: false, error: t('viewOnly') };
    const read = percentToFraction(text);
    if (!read.ok) return read;
    if (amount === 'rate' && read.value === 1) {
      return { ok: false, error: t('edge.rateBelow100') };
    }
    // A share moves the other arrows of its split with it, so the route still adds up to 100 %.
    const done = runCommand(() =>
      amount === 'share'
        ? setRouteShare(session.doc, state.id, edge.id, read.value)
        : updateEdge(session.doc, state.id, edge.id, { rate: read.value }),
    );
    return done.ok ? { ok: true, text: fractionToPercent(read.value) } : done;
  };
  return (
    <section ref={ref} className="inspector" aria-labelledby="inspector-heading">
      <header className="inspector-header">
        <span className={`type-chip type-edge-${edge.kind}`}>
          {edge.kind === 'flow' ? t('edge.flowChip') : t('edge.reworkChip')}
        </span>
        <h2 id="inspector-heading" className="edge-route">
          <span>{name(edge.source)}</span>
          <span className="edge-arrow" aria-hidden="true">
            →
          </span>
          <span className="visually-hidden">{t('edge.to')}</span>
          <span>{name(edge.target)}</span>
        </h2>
      </header>
      <fieldset className="segmented" disabled={!canEdit} aria-describedby={helpId}>
        <legend>{t('edge.kind')}</legend>
        <div className="segmented-options">
          {KINDS.map(({ kind, label }) => (
            <label key={kind} className={edge.kind === kind ? 'selected' : undefined}>
              <input
                type="radio"
                name={`edge-kind-${edge.id}`}
                value={kind}
                checked={edge.kind === kind}
                onChange={() => choose(kind)}
              />
              {t(`edge.${label}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <p id={helpId} className="insp-field-hint">
        {t(`edge.${edge.kind === 'flow' ? 'flowHelp' : 'reworkHelp'}`)}
      </p>
      {error !== null && (
        <p className="insp-field-error" role="alert">
          {error}
        </p>
      )}
      <CommitField
        label={amount === 'rate' ? t('edge.rate') : t('edge.share')}
        placeholder={amount === 'rate' ? t('edge.rateExample') : t('edge.shareExample')}
        inputMode="decimal"
        className="insp-field-pct"
        value={fractionToPercent(edge[amount])}
        onCommit={commitAmount}
        readOnly={!canEdit}
        hint={amount === 'rate' ? t('edge.rateHint') : t('edge.shareHint')}
      />
    </section>
  );
}

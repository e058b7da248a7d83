// One selected edge: where it runs, and whether it carries work forward (flow) or sends it back
// (rework, drawn but not part of any path).
import { displayName, type EdgeKind, type MapEdge, type MapState } from '@flowmap/shared';
import { setEdgeKind } from '@flowmap/shared/doc';
import { useRef, useState } from 'react';
import { useSession } from '../../app/SessionContext.tsx';
import { runCommand } from './commands.ts';
import { useRevealOnMount } from './useRevealOnMount.ts';

const KINDS: { kind: EdgeKind; label: string; help: string }[] = [
  { kind: 'flow', label: 'Flow', help: 'Work moves on to the next step; counts in the lead time.' },
  {
    kind: 'rework',
    label: 'Rework',
    help: 'Work is sent back; drawn dashed and not counted in paths.',
  },
];

export function EdgeInspector({
  state,
  edge,
  canEdit,
}: {
  state: MapState;
  edge: MapEdge;
  canEdit: boolean;
}) {
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const name = (id: string) => {
    const node = Object.hasOwn(state.nodes, id) ? state.nodes[id] : undefined;
    return node ? displayName(node, id) : id;
  };
  const choose = (kind: EdgeKind) => {
    if (!canEdit || kind === edge.kind) return;
    const outcome = runCommand(() => setEdgeKind(session.doc, state.id, edge.id, kind), kind);
    setError(outcome.ok ? null : outcome.error);
  };
  const ref = useRef<HTMLElement>(null);
  useRevealOnMount(ref);
  const helpId = `edge-kind-help-${edge.id}`;
  return (
    <section ref={ref} className="inspector" aria-labelledby="inspector-heading">
      <header className="inspector-header">
        <span className={`type-chip type-edge-${edge.kind}`}>
          {edge.kind === 'flow' ? 'Flow edge' : 'Rework edge'}
        </span>
        <h2 id="inspector-heading" className="edge-route">
          <span>{name(edge.source)}</span>
          <span className="edge-arrow" aria-hidden="true">
            →
          </span>
          <span className="visually-hidden">to</span>
          <span>{name(edge.target)}</span>
        </h2>
      </header>
      <fieldset className="segmented" disabled={!canEdit} aria-describedby={helpId}>
        <legend>Kind</legend>
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
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <p id={helpId} className="insp-field-hint">
        {KINDS.find((k) => k.kind === edge.kind)?.help}
      </p>
      {error !== null && (
        <p className="insp-field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

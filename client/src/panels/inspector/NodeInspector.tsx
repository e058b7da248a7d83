// Every field of one selected node, and for a process stage its derived figures.
import { type MapNode, NODE_TYPES, type NodeType, type WorkingTime } from '@flowmap/shared';
import { updateNode } from '@flowmap/shared/doc';
import { useId, useRef, useState } from 'react';
import { useSession } from '../../app/SessionContext.tsx';
import { useEditor } from '../../store/editorStore.ts';
import { CommitField, type CommitOutcome } from './CommitField.tsx';
import { runCommand } from './commands.ts';
import { type NodeField, nodeFieldPatch, showNodeField } from './nodeFields.ts';
import { StageFigures } from './StageFigures.tsx';
import { useRevealOnMount } from './useRevealOnMount.ts';

export const NODE_TYPE_LABELS: Record<NodeType, string> = {
  stage: 'Process stage',
  start: 'Start (trigger)',
  end: 'End (in production)',
  kaizen: 'Kaizen burst',
  note: 'Note',
};

const DURATION_HINT = 'e.g. 2d 4h, 45m, 1.5w or minutes';

interface Props {
  stateId: string;
  node: MapNode;
  wt: WorkingTime;
  canEdit: boolean;
}

export function NodeInspector({ stateId, node, wt, canEdit }: Props) {
  const session = useSession();
  const prefix = `states.${stateId}.nodes.${node.id}.`;
  const problems = useEditor((s) => s.problems);
  const warningFor = (field: NodeField): string | null =>
    problems.find((p) => p.path === prefix + field)?.message ?? null;

  const commitField =
    (field: NodeField) =>
    (text: string): CommitOutcome => {
      if (!canEdit) return { ok: false, error: 'This link is view only' };
      const result = nodeFieldPatch(field, text, node, wt);
      if (!result.ok) return result;
      const shown = showNodeField(field, { ...node, ...result.patch } as MapNode, wt);
      return runCommand(() => updateNode(session.doc, stateId, node.id, result.patch), shown);
    };

  const field = (name: NodeField) => ({
    value: showNodeField(name, node, wt),
    onCommit: commitField(name),
    readOnly: !canEdit,
    warning: warningFor(name),
  });

  const ref = useRef<HTMLElement>(null);
  useRevealOnMount(ref);
  const isStage = node.type === 'stage';
  return (
    <section ref={ref} className="inspector" aria-labelledby="inspector-heading">
      <header className="inspector-header">
        <span className={`type-chip type-${node.type}`}>{NODE_TYPE_LABELS[node.type]}</span>
        <h2 id="inspector-heading">{node.name || 'Unnamed'}</h2>
      </header>
      <CommitField label="Name" {...field('name')} />
      <div className="insp-field-row">
        <CommitField label="Team" placeholder="e.g. QA" {...field('team')} />
        <TypeSelect stateId={stateId} node={node} canEdit={canEdit} />
      </div>
      {isStage && (
        <>
          <div className="insp-field-row">
            <CommitField
              label="Elapsed time (LT)"
              placeholder="e.g. 2d 4h"
              inputMode="text"
              className="insp-field-duration"
              {...field('elapsedMinutes')}
            />
            <CommitField
              label="Value-add time (PT)"
              placeholder="e.g. 45m"
              inputMode="text"
              className="insp-field-duration"
              {...field('valueAddMinutes')}
            />
          </div>
          <CommitField
            label="%C/A (complete and accurate, %)"
            placeholder="0–100"
            inputMode="decimal"
            className="insp-field-pct"
            {...field('pctCA')}
          />
          {canEdit && (
            <p className="inspector-footnote">
              Durations: {DURATION_HINT}. Working time: 1d = {wt.hoursPerDay}h, 1w ={' '}
              {wt.daysPerWeek}
              d. Empty clears a value.
            </p>
          )}
          <StageFigures nodeId={node.id} wt={wt} />
        </>
      )}
      <CommitField label="Notes" multiline {...field('notes')} />
    </section>
  );
}

function TypeSelect({ stateId, node, canEdit }: Omit<Props, 'wt'>) {
  const session = useSession();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const onChange = (type: NodeType) => {
    if (!canEdit) return;
    const outcome = runCommand(() => updateNode(session.doc, stateId, node.id, { type }), type);
    setError(outcome.ok ? null : outcome.error);
  };
  return (
    <div className="insp-field">
      <div className="insp-field-label-row">
        <label htmlFor={id}>Type</label>
      </div>
      <select
        id={id}
        value={node.type}
        disabled={!canEdit}
        aria-invalid={error !== null ? true : undefined}
        aria-describedby={error !== null ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value as NodeType)}
      >
        {NODE_TYPES.map((type) => (
          <option key={type} value={type}>
            {NODE_TYPE_LABELS[type]}
          </option>
        ))}
      </select>
      {error !== null && (
        <p id={`${id}-error`} className="insp-field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

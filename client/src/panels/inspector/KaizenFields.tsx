// A kaizen burst's fields in the inspector: the stage it improves (its link, changed from a list of
// the state's stages instead of dragging a small dot), owner, due date, status, and the expected
// effect — the LT, PT and %C/A the linked stage will have once the idea is done, which is what the
// projected state applies. Every write goes through shared's commands and validators.
import {
  displayName,
  formatDuration,
  formatPctCA,
  type MapNode,
  type MapState,
  type WorkingTime,
} from '@flowmap/shared';
import { linkKaizen, updateNode } from '@flowmap/shared/doc';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/editorStore.ts';
import { runCommand } from '../../sync/runCommand.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { ChoiceField } from './ChoiceField.tsx';
import { CommitField, type CommitFieldProps } from './CommitField.tsx';
import type { NodeField } from './nodeFields.ts';
import './kaizenFields.css';

// The status choices, each with its word's key under the catalog's 'kaizen.statuses'.
const STATUSES = ['idea', 'planned', 'doing', 'done'] as const;

type FieldProps = Pick<CommitFieldProps, 'value' | 'onCommit' | 'readOnly' | 'warning'>;

interface Props {
  stateId: string;
  node: MapNode;
  wt: WorkingTime;
  canEdit: boolean;
  /** The inspector's binding of a node field to its input (read, validate, write). */
  field: (name: NodeField) => FieldProps;
}

/** The stages a flow edge from the burst reaches: what it is linked to (normally one). */
function linkedStages(state: MapState | null, kaizenId: string): MapNode[] {
  if (!state) return [];
  const stages: MapNode[] = [];
  for (const edge of Object.values(state.edges)) {
    if (edge.source !== kaizenId || edge.kind !== 'flow') continue;
    const target = Object.hasOwn(state.nodes, edge.target) ? state.nodes[edge.target] : undefined;
    if (target?.type === 'stage') stages.push(target);
  }
  return stages.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function KaizenFields({ stateId, node, wt, canEdit, field }: Props) {
  const { t } = useTranslation('inspector');
  const state = useEditor((s) => s.map?.states[stateId] ?? null);
  const linked = linkedStages(state, node.id);
  const stage = linked[0];
  const stageName = stage ? displayName(stage, stage.id) : null;
  const now = (value: string | null): ReactNode => (value ? t('kaizen.now', { value }) : undefined);
  const ltNow =
    typeof stage?.elapsedMinutes === 'number' ? formatDuration(stage.elapsedMinutes, wt) : null;
  const ptNow =
    typeof stage?.valueAddMinutes === 'number' ? formatDuration(stage.valueAddMinutes, wt) : null;
  const caNow = typeof stage?.pctCA === 'number' ? formatPctCA(stage.pctCA) : null;
  const duration = (
    label: string,
    name: NodeField,
    hint: ReactNode,
    placeholder: string = t('node.durationExample'),
  ) => (
    <CommitField
      label={label}
      placeholder={placeholder}
      inputMode="text"
      className="insp-field-duration"
      hint={hint}
      {...field(name)}
    />
  );
  return (
    <>
      <StageLink stateId={stateId} node={node} state={state} linked={linked} canEdit={canEdit} />
      <div className="insp-field-row">
        <CommitField
          label={t('kaizen.owner')}
          placeholder={t('kaizen.ownerExample')}
          {...field('owner')}
        />
        <DueDate stateId={stateId} node={node} canEdit={canEdit} />
      </div>
      <ChoiceField
        stateId={stateId}
        node={node}
        canEdit={canEdit}
        field="status"
        label={t('kaizen.status')}
        options={[
          ['', t('node.notSaid')],
          ...STATUSES.map((s) => [s, t(`kaizen.statuses.${s}`)] as const),
        ]}
      />
      <p className="inspector-footnote">
        {stageName ? t('kaizen.effect', { stage: stageName }) : t('kaizen.effectUnlinked')}
        {node.status === 'done' && ` ${t('kaizen.doneNote')}`}
      </p>
      <div className="insp-field-row insp-field-row-3">
        {duration(t('kaizen.ltAfter'), 'effectElapsedMinutes', now(ltNow))}
        {duration(
          t('kaizen.ptAfter'),
          'effectValueAddMinutes',
          now(ptNow),
          t('node.valueAddExample'),
        )}
        <CommitField
          label={t('kaizen.caAfter')}
          placeholder="0–100"
          inputMode="decimal"
          hint={now(caNow)}
          {...field('effectPctCA')}
        />
      </div>
    </>
  );
}

/** The stage the burst improves, chosen from the state's stages; moving it is one undo step. */
function StageLink({
  stateId,
  node,
  state,
  linked,
  canEdit,
}: {
  stateId: string;
  node: MapNode;
  state: MapState | null;
  linked: MapNode[];
  canEdit: boolean;
}) {
  const { t } = useTranslation('inspector');
  const session = useSession();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const stages = Object.values(state?.nodes ?? {})
    .filter((n) => n.type === 'stage')
    .map((n) => ({ id: n.id, name: displayName(n, n.id) }))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  const current = linked[0]?.id ?? '';
  const onChange = (stageId: string) => {
    if (!canEdit) return;
    const done = runCommand(() => linkKaizen(session.doc, stateId, node.id, stageId || null));
    setError(done.ok ? null : done.error);
  };
  const others = linked.slice(1).map((s) => displayName(s, s.id));
  return (
    <div className="insp-field">
      <div className="insp-field-label-row">
        <label htmlFor={id}>{t('kaizen.stage')}</label>
      </div>
      <select
        id={id}
        value={current}
        disabled={!canEdit}
        aria-invalid={error !== null ? true : undefined}
        aria-describedby={error !== null ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('kaizen.notLinked')}</option>
        {stages.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      {current === '' && <p className="insp-field-hint">{t('kaizen.notLinkedHint')}</p>}
      {others.length > 0 && (
        <p className="insp-field-hint">{t('kaizen.alsoLinked', { names: others.join(', ') })}</p>
      )}
      {error !== null && (
        <p id={`${id}-error`} className="insp-field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The due date as a date input (the browser's picker; its value is YYYY-MM-DD, the stored form).
 * Clearing the input clears the date; the validator refuses anything else.
 */
function DueDate({ stateId, node, canEdit }: { stateId: string; node: MapNode; canEdit: boolean }) {
  const { t } = useTranslation('inspector');
  const session = useSession();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const onChange = (value: string) => {
    if (!canEdit) return;
    const done = runCommand(() =>
      updateNode(session.doc, stateId, node.id, { dueDate: value === '' ? undefined : value }),
    );
    setError(done.ok ? null : done.error);
  };
  return (
    <div className="insp-field">
      <div className="insp-field-label-row">
        <label htmlFor={id}>{t('kaizen.due')}</label>
      </div>
      <input
        id={id}
        type="date"
        value={node.dueDate ?? ''}
        readOnly={!canEdit}
        aria-invalid={error !== null ? true : undefined}
        aria-describedby={error !== null ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error !== null && (
        <p id={`${id}-error`} className="insp-field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

// Every field of one selected node, and for a process stage its derived figures.
import { LIMITS, type MapNode, NODE_TYPES, type NodeType, type WorkingTime } from '@flowmap/shared';
import { updateNode } from '@flowmap/shared/doc';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/editorStore.ts';
import { runCommand } from '../../sync/runCommand.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { CheckField, ChoiceField } from './ChoiceField.tsx';
import { CommitField, type CommitOutcome } from './CommitField.tsx';
import { KaizenFields } from './KaizenFields.tsx';
import { lastWriterName } from './lastWriter.ts';
import { type NodeField, nodeFieldPatch, showNodeField } from './nodeFields.ts';
import { RouteChoice } from './RouteChoice.tsx';
import { StageFigures } from './StageFigures.tsx';
import { useRevealOnMount } from './useRevealOnMount.ts';

interface Props {
  stateId: string;
  node: MapNode;
  wt: WorkingTime;
  canEdit: boolean;
}

export function NodeInspector({ stateId, node, wt, canEdit }: Props) {
  const { t } = useTranslation('inspector');
  const session = useSession();
  const prefix = `states.${stateId}.nodes.${node.id}.`;
  const problems = useEditor((s) => s.problems);
  const warningFor = (field: NodeField): string | null =>
    problems.find((p) => p.path === prefix + field)?.message ?? null;

  const commitField =
    (field: NodeField) =>
    (text: string): CommitOutcome => {
      if (!canEdit) return { ok: false, error: t('viewOnly') };
      const result = nodeFieldPatch(field, text, node, wt);
      if (!result.ok) return result;
      const shown = showNodeField(field, { ...node, ...result.patch } as MapNode, wt);
      const done = runCommand(() => updateNode(session.doc, stateId, node.id, result.patch));
      return done.ok ? { ok: true, text: shown } : done;
    };

  const field = (name: NodeField) => ({
    value: showNodeField(name, node, wt),
    onCommit: commitField(name),
    readOnly: !canEdit,
    warning: warningFor(name),
    // Read when a conflict shows, not subscribed: peers change with every cursor move.
    whoChanged: () =>
      lastWriterName(session.doc, useEditor.getState().peers, stateId, node.id, name),
  });

  const ref = useRef<HTMLElement>(null);
  useRevealOnMount(ref);
  const isStage = node.type === 'stage';
  const target = { stateId, node, canEdit };
  const duration = (label: string, name: NodeField, placeholder = t('node.durationExample')) => (
    <CommitField
      label={label}
      placeholder={placeholder}
      inputMode="text"
      className="insp-field-duration"
      {...field(name)}
    />
  );
  const number = (label: string, name: NodeField, placeholder: string) => (
    <CommitField label={label} placeholder={placeholder} inputMode="decimal" {...field(name)} />
  );
  return (
    <section ref={ref} className="inspector" aria-labelledby="inspector-heading">
      <header className="inspector-header">
        <span className={`type-chip type-${node.type}`}>{t(`nodeType.${node.type}`)}</span>
        <h2 id="inspector-heading">{node.name || t('node.unnamed')}</h2>
      </header>
      <CommitField label={t('node.name')} maxLength={LIMITS.nameLength} {...field('name')} />
      <div className="insp-field-row">
        <CommitField
          label={t('node.team')}
          placeholder={t('node.teamExample')}
          maxLength={LIMITS.teamLength}
          {...field('team')}
        />
        <TypeSelect stateId={stateId} node={node} canEdit={canEdit} />
      </div>
      {isStage && (
        <>
          <div className="insp-field-row">
            <CommitField
              label={t('node.elapsed')}
              placeholder={t('node.durationExample')}
              inputMode="text"
              className="insp-field-duration"
              {...field('elapsedMinutes')}
            />
            <CommitField
              label={t('node.valueAdd')}
              placeholder={t('node.valueAddExample')}
              inputMode="text"
              className="insp-field-duration"
              {...field('valueAddMinutes')}
            />
          </div>
          <CommitField
            label={t('node.pctCA')}
            placeholder="0–100"
            inputMode="decimal"
            className="insp-field-pct"
            {...field('pctCA')}
          />
          {canEdit && (
            <p className="inspector-footnote">
              {t('node.durationsFootnote', { hours: wt.hoursPerDay, days: wt.daysPerWeek })}
            </p>
          )}
          <div className="insp-field-row">
            {duration(t('node.elapsedLow'), 'elapsedLowMinutes')}
            {duration(t('node.elapsedHigh'), 'elapsedHighMinutes')}
          </div>
          <div className="insp-field-row">
            <ChoiceField
              {...target}
              field="timeSource"
              label={t('node.timesAre')}
              options={[
                ['', t('node.notSaid')],
                ['estimate', t('node.estimated')],
                ['measured', t('node.measured')],
              ]}
            />
            <CommitField
              label={t('node.ratedBy')}
              placeholder={t('node.ratedByExample')}
              {...field('ratedBy')}
            />
          </div>
          <div className="insp-field-row insp-field-row-3">
            {number(t('node.people'), 'people', t('node.peopleExample'))}
            {number(t('node.batchSize'), 'batchSize', t('node.itemsExample'))}
            {number(t('node.wip'), 'wipItems', t('node.itemsExample'))}
          </div>
          <CheckField {...target} field="outside" label={t('node.outside')} />
          <StageFigures nodeId={node.id} wt={wt} />
        </>
      )}
      {node.type === 'queue' && (
        <div className="insp-field-row">
          {duration(t('node.wait'), 'waitMinutes')}
          {number(t('node.itemsWaiting'), 'items', t('node.itemsWaitingExample'))}
        </div>
      )}
      {node.type === 'kaizen' && (
        <KaizenFields stateId={stateId} node={node} wt={wt} canEdit={canEdit} field={field} />
      )}
      <RouteChoice stateId={stateId} nodeId={node.id} canEdit={canEdit} />
      <CommitField
        label={t('node.notes')}
        multiline
        maxLength={LIMITS.notesLength}
        {...field('notes')}
      />
    </section>
  );
}

function TypeSelect({ stateId, node, canEdit }: Omit<Props, 'wt'>) {
  const { t } = useTranslation('inspector');
  const session = useSession();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const onChange = (type: NodeType) => {
    if (!canEdit) return;
    const done = runCommand(() => updateNode(session.doc, stateId, node.id, { type }));
    setError(done.ok ? null : done.error);
  };
  return (
    <div className="insp-field">
      <div className="insp-field-label-row">
        <label htmlFor={id}>{t('type')}</label>
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
            {t(`nodeType.${type}`)}
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

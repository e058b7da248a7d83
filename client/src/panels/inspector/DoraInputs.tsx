// The active state's four key delivery metrics: three entered, lead time computed from the map
// unless the team overrides it, each placed in its DORA performance level.
import {
  classifyDora,
  DORA_THRESHOLDS,
  type DoraKey,
  type DoraLevel,
  type MapState,
  type WorkingTime,
} from '@flowmap/shared';
import { updateDora } from '@flowmap/shared/doc';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/editorStore.ts';
import { useActiveMetrics } from '../../store/selectors.ts';
import { runCommand } from '../../sync/runCommand.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { DoraTimeNote } from '../../ui/DoraTimeNote.tsx';
import { formatTotal } from '../metrics/format.ts';
import { CommitField, type CommitOutcome } from './CommitField.tsx';
import { type DoraField, doraFieldPatch, showDoraField } from './settingsFields.ts';

export function LevelBadge({ level }: { level: DoraLevel | null }) {
  const { t } = useTranslation('inspector');
  if (level === null) return <span className="dora-badge dora-none">{t('dora.noLevel')}</span>;
  return (
    <span className={`dora-badge dora-${level}`} title={t(`dora.levelTips.${level}`)}>
      {t(`dora.levels.${level}`)}
    </span>
  );
}

interface Row {
  field: DoraField;
  key: DoraKey;
  /** Keys under the catalog's 'dora'. */
  label: 'deploymentsPerWeek' | 'changeFailureRate' | 'timeToRestore' | 'leadTimeForChanges';
  placeholder:
    | 'deploymentsExample'
    | 'changeFailureExample'
    | 'timeToRestoreExample'
    | 'leadTimeExample';
  inputMode: 'decimal' | 'text';
}

const ROWS: Row[] = [
  {
    field: 'deploymentsPerWeek',
    key: 'deploymentFrequency',
    label: 'deploymentsPerWeek',
    placeholder: 'deploymentsExample',
    inputMode: 'decimal',
  },
  {
    field: 'changeFailureRate',
    key: 'changeFailureRate',
    label: 'changeFailureRate',
    placeholder: 'changeFailureExample',
    inputMode: 'decimal',
  },
  {
    field: 'timeToRestoreMinutes',
    key: 'timeToRestore',
    label: 'timeToRestore',
    placeholder: 'timeToRestoreExample',
    inputMode: 'text',
  },
  {
    field: 'leadTimeForChangesMinutes',
    key: 'leadTimeForChanges',
    label: 'leadTimeForChanges',
    placeholder: 'leadTimeExample',
    inputMode: 'text',
  },
];

export function DoraInputs({
  state,
  wt,
  canEdit,
}: {
  state: MapState;
  wt: WorkingTime;
  canEdit: boolean;
}) {
  const { t } = useTranslation('inspector');
  const session = useSession();
  const metrics = useActiveMetrics();
  const problems = useEditor((s) => s.problems);
  const totalLead = metrics && metrics.errors.length === 0 ? metrics.totalLeadTimeMinutes : 0;
  const assessment = classifyDora(state.dora, totalLead, wt);
  const source = DORA_THRESHOLDS.source;

  const commit =
    (field: DoraField) =>
    (text: string): CommitOutcome => {
      if (!canEdit) return { ok: false, error: t('viewOnly') };
      const result = doraFieldPatch(field, text, wt);
      if (!result.ok) return result;
      const shown = showDoraField(field, { ...state.dora, ...result.patch }, wt);
      const done = runCommand(() => updateDora(session.doc, state.id, result.patch));
      return done.ok ? { ok: true, text: shown } : done;
    };

  const hintFor = (row: Row): string | null => {
    const a = assessment[row.key];
    if (row.field === 'leadTimeForChangesMinutes' && a.source === 'computed') {
      return a.value === null
        ? t('dora.leadTimeEmpty')
        : t('dora.leadTimeFromMap', { total: formatTotal(a.value, wt) });
    }
    if (row.field === 'deploymentsPerWeek' && a.value !== null) return a.display;
    return null;
  };

  return (
    <section className="inspector dora" aria-labelledby="dora-heading">
      <header className="inspector-header">
        <h2 id="dora-heading">{t('dora.heading')}</h2>
        <span className="inspector-subtitle">{state.name}</span>
      </header>
      {ROWS.map((row) => {
        const a = assessment[row.key];
        const stored = problems.find((p) => p.path === `states.${state.id}.dora.${row.field}`);
        return (
          <CommitField
            key={`${state.id}-${row.field}`}
            label={t(`dora.${row.label}`)}
            value={showDoraField(row.field, state.dora, wt)}
            onCommit={commit(row.field)}
            readOnly={!canEdit}
            placeholder={t(`dora.${row.placeholder}`)}
            inputMode={row.inputMode}
            hint={hintFor(row)}
            warning={stored?.message ?? a.problem}
            aside={<LevelBadge level={a.level} />}
          />
        );
      })}
      <p className="inspector-footnote">
        {t('dora.sourceBefore')}
        <a href={source.url} target="_blank" rel="noreferrer">
          {source.title}
        </a>
        {t('dora.sourceAfter', { publisher: source.publisher, table: source.table })}
      </p>
      <DoraTimeNote wt={wt} className="inspector-footnote" />
    </section>
  );
}

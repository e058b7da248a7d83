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
import { useSession } from '../../app/SessionContext.tsx';
import { useEditor } from '../../store/editorStore.ts';
import { useActiveMetrics } from '../../store/selectors.ts';
import { formatTotal } from '../metrics/format.ts';
import { CommitField, type CommitOutcome } from './CommitField.tsx';
import { runCommand } from './commands.ts';
import { type DoraField, doraFieldPatch, showDoraField } from './settingsFields.ts';

const LEVEL_LABELS: Record<DoraLevel, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export function LevelBadge({ level }: { level: DoraLevel | null }) {
  if (level === null) return <span className="dora-badge dora-none">no level</span>;
  return (
    <span className={`dora-badge dora-${level}`} title={`DORA performance level: ${level}`}>
      {LEVEL_LABELS[level]}
    </span>
  );
}

interface Row {
  field: DoraField;
  key: DoraKey;
  label: string;
  placeholder: string;
  inputMode: 'decimal' | 'text';
}

const ROWS: Row[] = [
  {
    field: 'deploymentsPerWeek',
    key: 'deploymentFrequency',
    label: 'Deployments per week',
    placeholder: 'e.g. 3 or 0.25',
    inputMode: 'decimal',
  },
  {
    field: 'changeFailureRate',
    key: 'changeFailureRate',
    label: 'Change failure rate (%)',
    placeholder: 'e.g. 15',
    inputMode: 'decimal',
  },
  {
    field: 'timeToRestoreMinutes',
    key: 'timeToRestore',
    label: 'Time to restore service',
    placeholder: 'e.g. 4h',
    inputMode: 'text',
  },
  {
    field: 'leadTimeForChangesMinutes',
    key: 'leadTimeForChanges',
    label: 'Lead time for changes',
    placeholder: 'from the map',
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
  const session = useSession();
  const metrics = useActiveMetrics();
  const problems = useEditor((s) => s.problems);
  const totalLead = metrics && metrics.errors.length === 0 ? metrics.totalLeadTimeMinutes : 0;
  const assessment = classifyDora(state.dora, totalLead, wt);
  const source = DORA_THRESHOLDS.source;

  const commit =
    (field: DoraField) =>
    (text: string): CommitOutcome => {
      if (!canEdit) return { ok: false, error: 'This link is view only' };
      const result = doraFieldPatch(field, text, wt);
      if (!result.ok) return result;
      const shown = showDoraField(field, { ...state.dora, ...result.patch }, wt);
      return runCommand(() => updateDora(session.doc, state.id, result.patch), shown);
    };

  const hintFor = (row: Row): string | null => {
    const a = assessment[row.key];
    if (row.field === 'leadTimeForChangesMinutes' && a.source === 'computed') {
      return a.value === null
        ? 'Empty: taken from the map once stages have elapsed times.'
        : `Empty: the map's total lead time, ${formatTotal(a.value, wt)}.`;
    }
    if (row.field === 'deploymentsPerWeek' && a.value !== null) return a.display;
    return null;
  };

  return (
    <section className="inspector dora" aria-labelledby="dora-heading">
      <header className="inspector-header">
        <h2 id="dora-heading">Four key metrics</h2>
        <span className="inspector-subtitle">{state.name}</span>
      </header>
      {ROWS.map((row) => {
        const a = assessment[row.key];
        const stored = problems.find((p) => p.path === `states.${state.id}.dora.${row.field}`);
        return (
          <CommitField
            key={`${state.id}-${row.field}`}
            label={row.label}
            value={showDoraField(row.field, state.dora, wt)}
            onCommit={commit(row.field)}
            readOnly={!canEdit}
            placeholder={row.placeholder}
            inputMode={row.inputMode}
            hint={hintFor(row)}
            warning={stored?.message ?? a.problem}
            aside={<LevelBadge level={a.level} />}
          />
        );
      })}
      <p className="inspector-footnote">
        Levels from the{' '}
        <a href={source.url} target="_blank" rel="noreferrer">
          {source.title}
        </a>
        , {source.publisher}: “{source.table}”.
      </p>
    </section>
  );
}

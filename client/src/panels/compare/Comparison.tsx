// The body of a comparison of two states — two states of the map, or a state in a snapshot and
// one now: the lead time headline, each metric side by side (expected next to worst case when they
// differ), the four key metrics with their DORA levels, then the stages and queues added, removed
// and changed, and the rework rates and route shares that changed. The caller chooses the sides.
import {
  classifyDora,
  compareDora,
  compareStates,
  type DoraRow,
  doraRow,
  type MapState,
  type MetricRow,
  metricRow,
  type StateMetrics,
  type WorkingTime,
} from '@flowmap/shared';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DoraTimeNote } from '../../ui/DoraTimeNote.tsx';
import { LevelBadge } from '../inspector/DoraInputs.tsx';
import { CompareEdges } from './CompareEdges.tsx';
import { CompareStages } from './CompareStages.tsx';
import { comparisonSections } from './sections.ts';
import { levelMove } from './words.ts';
import './compare.css';
import './doraCompare.css';

export interface ComparedSide {
  /** What the headline calls this side: a state's name, or "2026-Q3 review · Current state". */
  name: string;
  state: MapState;
  metrics: StateMetrics;
}

export function Comparison({
  before,
  after,
  wt,
  afterMetrics,
}: {
  before: ComparedSide;
  after: ComparedSide;
  wt: WorkingTime;
  /** Shown right under the metrics (the editor's Compare puts the projected state there). */
  afterMetrics?: ReactNode;
}) {
  const comparison = useMemo(() => {
    const result = compareStates(before, after);
    return {
      result,
      sections: comparisonSections(result, before.metrics, after.metrics),
      errors: before.metrics.errors.length + after.metrics.errors.length > 0,
      incomplete: before.metrics.incomplete.length + after.metrics.incomplete.length,
    };
  }, [before, after]);

  // Worded on every render (a handful of rows): shared words values and changes in the display
  // language, which a language switch changes without changing the comparison.
  // The lead time for changes defaults to the total lead time, which a cycle makes meaningless.
  const dora = (side: ComparedSide) =>
    classifyDora(
      side.state.dora,
      side.metrics.errors.length === 0 ? side.metrics.totalLeadTimeMinutes : 0,
      wt,
    );
  const doraRows = compareDora(dora(before), dora(after)).map((change) => ({
    ...doraRow(change),
    steps: change.levelSteps,
  }));

  const rows = comparison.result.metrics.map((m) => metricRow(m, wt));
  const lead = rows.find((r) => r.key === 'totalLeadTimeMinutes');
  const { stages, queues, edges } = comparison.result;
  const { sections } = comparison;
  const { t } = useTranslation('panels');

  return (
    <>
      {lead && <Headline row={lead} beforeName={before.name} afterName={after.name} />}

      {comparison.errors && (
        <p className="banner banner-warn compare-note" role="note">
          {t('compare.cycleNote')}
        </p>
      )}

      <section aria-labelledby="compare-metrics" className="compare-section">
        <h2 id="compare-metrics" className="compare-h2">
          {t('compare.metrics')}
        </h2>
        <div className="metric-grid">
          {rows.map((row) => (
            <MetricCard key={row.key} row={row} />
          ))}
        </div>
        {sections.expectedNote && <p className="compare-hint">{t('compare.expectedNote')}</p>}
        {comparison.incomplete > 0 && (
          <p className="compare-hint">
            {t('compare.incomplete', { count: comparison.incomplete })}
          </p>
        )}
      </section>

      {afterMetrics}

      <DoraComparison rows={doraRows} wt={wt} />

      <CompareStages
        added={stages.added}
        removed={stages.removed}
        changed={stages.changed}
        wt={wt}
      />
      {sections.queues && (
        <CompareStages
          noun="queue"
          added={queues.added}
          removed={queues.removed}
          changed={queues.changed}
          wt={wt}
        />
      )}
      {sections.edges && <CompareEdges edges={edges} wt={wt} />}
    </>
  );
}

function Headline({
  row,
  beforeName,
  afterName,
}: {
  row: MetricRow;
  beforeName: string;
  afterName: string;
}) {
  const { t } = useTranslation('panels');
  const change = row.absolute.replace(/^[+−]/, '');
  const verdict =
    row.tone === 'better'
      ? t('compare.shorter', { change })
      : row.tone === 'worse'
        ? t('compare.longer', { change })
        : row.tone === 'same'
          ? t('compare.unchanged')
          : t('compare.notComparable');
  return (
    <div className={`compare-headline tone-${row.tone}`} role="status">
      <div className="compare-headline-label">
        {t('compare.headline', { before: beforeName, after: afterName })}
      </div>
      <div className="compare-headline-values">
        <span className="headline-before">{row.before}</span>
        <span className="headline-arrow" aria-hidden="true">
          →
        </span>
        <span className="headline-after">{row.after}</span>
        {row.relative && row.tone !== 'same' && (
          <span className="headline-change">
            {row.arrow && <span aria-hidden="true">{row.arrow} </span>}
            {row.relative}
          </span>
        )}
      </div>
      <div className="compare-headline-verdict">{verdict}</div>
    </div>
  );
}

function MetricCard({ row }: { row: MetricRow }) {
  const { t } = useTranslation('panels');
  return (
    <div className={`metric-card tone-${row.tone}`}>
      <div className="metric-card-label">{row.label}</div>
      <div className="metric-card-values">
        <span className="metric-before">{row.before}</span>
        <span className="metric-arrow" aria-hidden="true">
          →
        </span>
        <span className="visually-hidden">{t('compare.to')}</span>
        <span className="metric-after">{row.after}</span>
      </div>
      <div className="metric-card-change">
        {row.tone === 'same' ? (
          <span>{t('compare.noChange')}</span>
        ) : row.absolute ? (
          <>
            <span className="metric-delta">
              {row.arrow && <span aria-hidden="true">{row.arrow} </span>}
              {row.absolute}
            </span>
            {row.relative && <span className="metric-rel">{row.relative}</span>}
            {row.tone !== 'neutral' && (
              <span className="visually-hidden">{t(`compare.tones.${row.tone}`)}</span>
            )}
          </>
        ) : (
          <span>{t('compare.notComparableShort')}</span>
        )}
      </div>
    </div>
  );
}

function DoraComparison({
  rows,
  wt,
}: {
  rows: (DoraRow & { steps: number | null })[];
  wt: WorkingTime;
}) {
  const { t } = useTranslation('panels');
  return (
    <section aria-labelledby="compare-dora" className="compare-section">
      <h2 id="compare-dora" className="compare-h2">
        {t('compare.dora.heading')}
      </h2>
      <div className="dora-compare">
        <table className="changes-table dora-compare-table">
          <thead>
            <tr>
              <th scope="col">{t('compare.dora.metric')}</th>
              <th scope="col">{t('compare.before')}</th>
              <th scope="col">{t('compare.after')}</th>
              <th scope="col">{t('compare.dora.level')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('compare.stages.change')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={`first-of-stage dora-row-${row.key}`}>
                <th scope="row" className="stage-cell">
                  {t(`compare.dora.labels.${row.key}`)}
                </th>
                <td className="value-cell dora-before">
                  <span className="dora-value">{row.before}</span>{' '}
                  <LevelBadge level={row.beforeLevel} />
                </td>
                <td className="value-cell dora-after">
                  <span className="dora-value">{row.after}</span>{' '}
                  <LevelBadge level={row.afterLevel} />
                </td>
                <td className={`dora-move tone-${row.tone}`}>{levelMove(t, row.steps) || '—'}</td>
                <td className={`rel-cell tone-${row.tone}`}>
                  {row.arrow && <span aria-hidden="true">{row.arrow} </span>}
                  {row.relative}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <DoraTimeNote wt={wt} />
    </section>
  );
}

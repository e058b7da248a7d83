// The body of a comparison of two states — two states of the map, or a state in a snapshot and
// one now: the lead time headline, each metric side by side, the four key metrics with their DORA
// levels, then the stages added, removed and changed. The caller chooses the sides.
import {
  classifyDora,
  compareDora,
  compareStates,
  type MapState,
  type StateMetrics,
  type WorkingTime,
} from '@flowmap/shared';
import { useMemo } from 'react';
import { LevelBadge } from '../inspector/DoraInputs.tsx';
import { CompareStages } from './CompareStages.tsx';
import { type MetricRow, metricRow } from './compareFormat.ts';
import { type DoraRow, doraRow } from './doraFormat.ts';
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
}: {
  before: ComparedSide;
  after: ComparedSide;
  wt: WorkingTime;
}) {
  const comparison = useMemo(() => {
    // The lead time for changes defaults to the total lead time, which a cycle makes meaningless.
    const dora = (side: ComparedSide) =>
      classifyDora(
        side.state.dora,
        side.metrics.errors.length === 0 ? side.metrics.totalLeadTimeMinutes : 0,
        wt,
      );
    return {
      result: compareStates(before, after),
      dora: compareDora(dora(before), dora(after)).map(doraRow),
      errors: before.metrics.errors.length + after.metrics.errors.length > 0,
      incomplete: before.metrics.incomplete.length + after.metrics.incomplete.length,
    };
  }, [before, after, wt]);

  const rows = useMemo(
    () => comparison.result.metrics.map((m) => metricRow(m, wt)),
    [comparison, wt],
  );
  const lead = rows.find((r) => r.key === 'totalLeadTimeMinutes');
  const { added, removed, changed } = comparison.result.stages;

  return (
    <>
      {lead && <Headline row={lead} beforeName={before.name} afterName={after.name} />}

      {comparison.errors && (
        <p className="banner banner-warn compare-note" role="note">
          A state has a cycle in its flow, so its totals are not meaningful until the cycle is
          removed.
        </p>
      )}

      <section aria-labelledby="compare-metrics" className="compare-section">
        <h2 id="compare-metrics" className="compare-h2">
          Metrics
        </h2>
        <div className="metric-grid">
          {rows.map((row) => (
            <MetricCard key={row.key} row={row} />
          ))}
        </div>
        {comparison.incomplete > 0 && (
          <p className="compare-hint">
            {comparison.incomplete === 1
              ? '1 stage is missing'
              : `${comparison.incomplete} stages are missing`}{' '}
            LT, PT or %C/A; totals count what is entered.
          </p>
        )}
      </section>

      <DoraComparison rows={comparison.dora} />

      <CompareStages added={added} removed={removed} changed={changed} wt={wt} />
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
  const verdict =
    row.tone === 'better'
      ? 'shorter'
      : row.tone === 'worse'
        ? 'longer'
        : row.tone === 'same'
          ? 'unchanged'
          : '';
  return (
    <div className={`compare-headline tone-${row.tone}`} role="status">
      <div className="compare-headline-label">
        Lead time, {beforeName} → {afterName}
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
      <div className="compare-headline-verdict">
        {verdict === 'unchanged'
          ? 'The lead time is unchanged.'
          : verdict
            ? `The lead time is ${row.absolute.replace(/^[+−]/, '')} ${verdict}.`
            : 'The lead time cannot be compared.'}
      </div>
    </div>
  );
}

const TONE_WORDS = { better: 'better', worse: 'worse', same: 'no change', neutral: '' } as const;

function MetricCard({ row }: { row: MetricRow }) {
  return (
    <div className={`metric-card tone-${row.tone}`}>
      <div className="metric-card-label">{row.label}</div>
      <div className="metric-card-values">
        <span className="metric-before">{row.before}</span>
        <span className="metric-arrow" aria-hidden="true">
          →
        </span>
        <span className="visually-hidden"> to </span>
        <span className="metric-after">{row.after}</span>
      </div>
      <div className="metric-card-change">
        {row.tone === 'same' ? (
          <span>No change</span>
        ) : row.absolute ? (
          <>
            <span className="metric-delta">
              {row.arrow && <span aria-hidden="true">{row.arrow} </span>}
              {row.absolute}
            </span>
            {row.relative && <span className="metric-rel">{row.relative}</span>}
            {TONE_WORDS[row.tone] && (
              <span className="visually-hidden">, {TONE_WORDS[row.tone]}</span>
            )}
          </>
        ) : (
          <span>Not comparable</span>
        )}
      </div>
    </div>
  );
}

function DoraComparison({ rows }: { rows: DoraRow[] }) {
  return (
    <section aria-labelledby="compare-dora" className="compare-section">
      <h2 id="compare-dora" className="compare-h2">
        Four key metrics
      </h2>
      <div className="dora-compare">
        <table className="changes-table dora-compare-table">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
              <th scope="col">Level</th>
              <th scope="col">
                <span className="visually-hidden">Change</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={`first-of-stage dora-row-${row.key}`}>
                <th scope="row" className="stage-cell">
                  {row.label}
                </th>
                <td className="value-cell dora-before">
                  <span className="dora-value">{row.before}</span>{' '}
                  <LevelBadge level={row.beforeLevel} />
                </td>
                <td className="value-cell dora-after">
                  <span className="dora-value">{row.after}</span>{' '}
                  <LevelBadge level={row.afterLevel} />
                </td>
                <td className={`dora-move tone-${row.tone}`}>{row.levelMove || '—'}</td>
                <td className={`rel-cell tone-${row.tone}`}>
                  {row.arrow && <span aria-hidden="true">{row.arrow} </span>}
                  {row.relative}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

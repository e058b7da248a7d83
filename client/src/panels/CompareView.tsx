// Two states side by side: the headline metrics with their change (green when better, red when
// worse), then the stages added, removed and changed, each changed field before → after.
import { compareStates, type MapState } from '@flowmap/shared';
import { useEffect, useId, useMemo, useState } from 'react';
import { setEditor, useEditor } from '../store/editorStore.ts';
import { metricsOf, useMeta, useSortedStates, useWorkingTime } from '../store/selectors.ts';
import { CompareStages } from './chrome/CompareStages.tsx';
import { type MetricRow, metricRow } from './chrome/compareFormat.ts';
import './chrome/compare.css';

/** Before comes first in the workshop's story: the current state, then the future it designs. */
function comesFirst(a: MapState, b: MapState): boolean {
  if (a.kind !== b.kind) return a.kind === 'current';
  return a.order <= b.order;
}

export function CompareView() {
  const activeStateId = useEditor((s) => s.activeStateId);
  const compareWith = useEditor((s) => s.compareWith);
  const states = useSortedStates();
  const meta = useMeta();
  const wt = useWorkingTime();
  const active = states.find((s) => s.id === activeStateId) ?? null;
  const other = states.find((s) => s.id === compareWith) ?? null;
  // Which store field holds the "before" side; fixed while the view is open so that changing a
  // dropdown never flips the sides, and swapped only by the Swap button.
  const [beforeIsActive, setBeforeIsActive] = useState(() =>
    active && other ? comesFirst(active, other) : true,
  );

  // A state deleted by someone else: nothing left to compare.
  useEffect(() => {
    if (compareWith !== null && states.length > 0 && !other) setEditor({ compareWith: null });
  }, [compareWith, other, states.length]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        event.key === 'Escape' &&
        !event.defaultPrevented &&
        !document.querySelector('dialog[open]')
      ) {
        setEditor({ compareWith: null });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const before = beforeIsActive ? active : other;
  const after = beforeIsActive ? other : active;

  const comparison = useMemo(() => {
    if (!before || !after || !meta) return null;
    const b = { state: before, metrics: metricsOf(before, meta) };
    const a = { state: after, metrics: metricsOf(after, meta) };
    return {
      result: compareStates(b, a),
      errors: [...b.metrics.errors, ...a.metrics.errors].length > 0,
      incomplete: b.metrics.incomplete.length + a.metrics.incomplete.length,
    };
  }, [before, after, meta]);

  const rows = useMemo(
    () => comparison?.result.metrics.map((m) => metricRow(m, wt)) ?? [],
    [comparison, wt],
  );

  const choose = (side: 'before' | 'after', id: string) => {
    const toActive = (side === 'before') === beforeIsActive;
    setEditor(toActive ? { activeStateId: id } : { compareWith: id });
  };

  const back = () => setEditor({ compareWith: null });

  if (!before || !after || !comparison) {
    return (
      <div className="compare">
        <div className="compare-inner">
          <p>Choose two states to compare.</p>
          <button type="button" onClick={back}>
            Back to the map
          </button>
        </div>
      </div>
    );
  }

  const lead = rows.find((r) => r.key === 'totalLeadTimeMinutes');
  const { added, removed, changed } = comparison.result.stages;

  return (
    <section className="compare" aria-label="Compare states">
      <div className="compare-inner">
        <div className="compare-toolbar">
          <button type="button" className="compare-back" onClick={back}>
            <span aria-hidden="true">←</span> Back to the map
          </button>
          <div className="compare-pickers">
            <StatePicker
              label="Before"
              value={before.id}
              states={states}
              exclude={after.id}
              onChange={(id) => choose('before', id)}
            />
            <button
              type="button"
              className="compare-swap"
              onClick={() => setBeforeIsActive((v) => !v)}
              title="Swap before and after"
            >
              <span aria-hidden="true">⇄</span>
              <span className="visually-hidden">Swap before and after</span>
            </button>
            <StatePicker
              label="After"
              value={after.id}
              states={states}
              exclude={before.id}
              onChange={(id) => choose('after', id)}
            />
          </div>
        </div>

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

        <CompareStages added={added} removed={removed} changed={changed} wt={wt} />
      </div>
    </section>
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

function StatePicker({
  label,
  value,
  states,
  exclude,
  onChange,
}: {
  label: string;
  value: string;
  states: MapState[];
  exclude: string;
  onChange: (id: string) => void;
}) {
  const id = useId();
  return (
    <div className="state-picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {states.map((s) => (
          <option key={s.id} value={s.id} disabled={s.id === exclude}>
            {s.name} ({s.kind})
          </option>
        ))}
      </select>
    </div>
  );
}

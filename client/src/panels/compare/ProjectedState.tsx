// The projected state next to the drawn future state: the "before" state as its open kaizens would
// leave it (each linked stage taking the LT, PT and %C/A its kaizen promises; shared's
// metrics/projected.ts), beside the future the workshop drew — what the ideas on the wall buy, and
// how far that is from the target. The rows and their wording come from shared (projectedRows).
import {
  type ProjectedChange,
  type ProjectedRow,
  projectedKaizens,
  projectedRows,
  type WorkingTime,
} from '@flowmap/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparedSide } from './Comparison.tsx';
import './projected.css';

/**
 * The state the kaizens are on (the current one) and the drawn future, whichever side of the
 * comparison each is on: swapping before and after does not turn the future into the base.
 */
function baseAndFuture(a: ComparedSide, b: ComparedSide): [ComparedSide, ComparedSide] {
  return a.state.kind !== 'current' && b.state.kind === 'current' ? [b, a] : [a, b];
}

export function ProjectedState(props: {
  before: ComparedSide;
  after: ComparedSide;
  wt: WorkingTime;
}) {
  const { wt } = props;
  const { t } = useTranslation('panels');
  const [before, after] = baseAndFuture(props.before, props.after);
  const kaizens = useMemo(() => projectedKaizens(before.state).length, [before.state]);
  // Worded on every render (four rows), so a language switch rewords the figures at once.
  const rows = projectedRows(before.metrics, after.metrics, before.metrics.projected, wt).filter(
    // The expected lead time only when routes or rework make it say something of its own.
    (row) => row.key !== 'expectedLeadTimeMinutes' || expectedSays(before, after),
  );
  return (
    <section aria-labelledby="compare-projected" className="compare-section projected-state">
      <h2 id="compare-projected" className="compare-h2">
        {t('compare.projected.heading')}
      </h2>
      {kaizens === 0 ? (
        <p className="compare-hint">{t('compare.projected.none', { base: before.name })}</p>
      ) : (
        <>
          <p className="compare-hint">
            {t('compare.projected.intro', { base: before.name, count: kaizens })}
          </p>
          <table className="changes-table projected-table">
            <thead>
              <tr>
                <th scope="col">{t('compare.projected.figure')}</th>
                <th scope="col">{before.name}</th>
                <th scope="col">{t('compare.projected.drawn', { name: after.name })}</th>
                <th scope="col">{t('compare.projected.projected')}</th>
                <th scope="col">{t('compare.projected.vsDrawn')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <Row key={row.key} row={row} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** Whether either side's expected lead time differs from its worst case (or the projection's). */
function expectedSays(before: ComparedSide, after: ComparedSide): boolean {
  return [before.metrics, after.metrics, before.metrics.projected].some(
    (m) => Math.abs(m.expectedLeadTimeMinutes - m.totalLeadTimeMinutes) >= 0.5,
  );
}

function Row({ row }: { row: ProjectedRow }) {
  const { t } = useTranslation('panels');
  return (
    <tr className={`first-of-stage projected-row-${row.key}`}>
      <th scope="row" className="stage-cell">
        {t(`compare.projected.rows.${row.key}`)}
      </th>
      <td className="value-cell projected-base">{row.base}</td>
      <td className="value-cell projected-future">
        {row.future && <Change change={row.future} />}
      </td>
      <td className="value-cell projected-value">
        <Change change={row.projected} strong />
      </td>
      <td className="value-cell projected-gap">
        {row.projectedVsFuture && <Gap change={row.projectedVsFuture} />}
      </td>
    </tr>
  );
}

function Change({ change, strong = false }: { change: ProjectedChange; strong?: boolean }) {
  return (
    <>
      <span className={strong ? 'projected-figure is-strong' : 'projected-figure'}>
        {change.value}
      </span>
      {change.change && (
        <span className={`projected-change tone-${change.tone}`}>{change.change}</span>
      )}
    </>
  );
}

/** The projection against the drawn future: the difference and which way it goes. */
function Gap({ change }: { change: ProjectedChange }) {
  const { t } = useTranslation('panels');
  if (!change.change) return <span className="projected-change">—</span>;
  const words =
    change.tone === 'worse'
      ? t('compare.projected.short')
      : change.tone === 'better'
        ? t('compare.projected.beyond')
        : '';
  return (
    <span className={`projected-change tone-${change.tone}`}>
      {change.change}
      {words && <span className="projected-gap-words"> {words}</span>}
    </span>
  );
}

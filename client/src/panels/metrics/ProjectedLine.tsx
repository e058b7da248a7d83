// One line under the headline figures when the state has open kaizens that promise an effect: what
// the state would read once they are done ("If the 3 open kaizens are done: 2w 1d"), from the same
// projection as Compare's projected state (shared's metrics/projected.ts).
import {
  type MapState,
  projectedKaizens,
  type StateMetrics,
  type WorkingTime,
} from '@flowmap/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent, formatTotal } from './format.ts';
import './projected.css';

export function ProjectedLine({
  state,
  metrics,
  wt,
}: {
  state: MapState;
  metrics: StateMetrics;
  wt: WorkingTime;
}) {
  const { t } = useTranslation('panels');
  const count = useMemo(() => projectedKaizens(state).length, [state]);
  if (count === 0 || metrics.errors.length > 0) return null;
  const p = metrics.projected;
  const expectedDiffers = Math.abs(p.expectedLeadTimeMinutes - p.totalLeadTimeMinutes) >= 0.5;
  return (
    <p className="metrics-projected" title={t('projected.tip')}>
      <span className="metrics-projected-lead">{t('projected.lead', { count })}</span>{' '}
      <strong className="metrics-projected-value">{formatTotal(p.totalLeadTimeMinutes, wt)}</strong>
      {expectedDiffers && (
        <span className="metrics-projected-expected">
          {' '}
          {t('projected.expected', { value: formatTotal(p.expectedLeadTimeMinutes, wt) })}
        </span>
      )}
      <span className="metrics-projected-details">
        {t('projected.details', {
          efficiency: formatPercent(p.flowEfficiency),
          pctCA: formatPercent(p.rolledPctCA),
        })}
      </span>
    </p>
  );
}

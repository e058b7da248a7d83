// The headline figures of a state, as the metrics panel and an opened snapshot show them. When
// either/or routes or rework rates make an average item's lead time differ from the worst case,
// both are shown, each saying on hover what it counts.
import type { StateMetrics, WorkingTime } from '@flowmap/shared';
import { useTranslation } from 'react-i18next';
import { formatExact, formatPercent, formatTotal } from './format.ts';

export function MetricsFigures({
  metrics,
  wt,
  className = 'metrics-grid',
}: {
  metrics: StateMetrics;
  wt: WorkingTime;
  className?: string;
}) {
  const { t } = useTranslation('panels');
  const worstCase = t('metrics.worstCaseTip');
  const expected = t('metrics.expectedTip');
  const expectedDiffers =
    Math.abs(metrics.expectedLeadTimeMinutes - metrics.totalLeadTimeMinutes) >= 0.5;
  return (
    <dl className={className}>
      <Figure
        label={t('metrics.leadTime')}
        explain={worstCase}
        value={formatTotal(metrics.totalLeadTimeMinutes, wt)}
        exact={formatExact(metrics.totalLeadTimeMinutes, wt)}
      />
      {expectedDiffers && (
        <Figure
          label={t('metrics.expectedLeadTime')}
          explain={expected}
          value={formatTotal(metrics.expectedLeadTimeMinutes, wt)}
          exact={formatExact(metrics.expectedLeadTimeMinutes, wt)}
        />
      )}
      <Figure
        label={t('metrics.valueAdd')}
        value={formatTotal(metrics.totalValueAddMinutes, wt)}
        exact={formatExact(metrics.totalValueAddMinutes, wt)}
      />
      <Figure
        label={t('metrics.waiting')}
        value={formatTotal(metrics.totalWaitingMinutes, wt)}
        exact={formatExact(metrics.totalWaitingMinutes, wt)}
      />
      <Figure label={t('metrics.flowEfficiency')} value={formatPercent(metrics.flowEfficiency)} />
      {expectedDiffers && (
        <Figure
          label={t('metrics.expectedFlowEfficiency')}
          explain={expected}
          value={formatPercent(metrics.expectedFlowEfficiency)}
        />
      )}
      <Figure label={t('metrics.rolledPctCA')} value={formatPercent(metrics.rolledPctCA)} />
      <Figure label={t('metrics.stages')} value={String(metrics.stageCount)} />
    </dl>
  );
}

function Figure({
  label,
  value,
  exact,
  explain,
}: {
  label: string;
  value: string;
  exact?: string;
  explain?: string;
}) {
  const { t } = useTranslation('panels');
  return (
    <div className="figure">
      <dt title={explain}>{label}</dt>
      <dd title={exact && exact !== value ? t('metrics.exactly', { value: exact }) : undefined}>
        {value}
      </dd>
    </div>
  );
}

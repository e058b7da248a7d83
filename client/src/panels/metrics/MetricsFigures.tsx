// The six headline figures of a state, as the metrics panel and an opened snapshot show them.
import type { StateMetrics, WorkingTime } from '@flowmap/shared';
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
  return (
    <dl className={className}>
      <Figure
        label="Lead time"
        value={formatTotal(metrics.totalLeadTimeMinutes, wt)}
        exact={formatExact(metrics.totalLeadTimeMinutes, wt)}
      />
      <Figure
        label="Value-add time"
        value={formatTotal(metrics.totalValueAddMinutes, wt)}
        exact={formatExact(metrics.totalValueAddMinutes, wt)}
      />
      <Figure
        label="Waiting"
        value={formatTotal(metrics.totalWaitingMinutes, wt)}
        exact={formatExact(metrics.totalWaitingMinutes, wt)}
      />
      <Figure label="Flow efficiency" value={formatPercent(metrics.flowEfficiency)} />
      <Figure label="Rolled %C/A" value={formatPercent(metrics.rolledPctCA)} />
      <Figure label="Stages" value={String(metrics.stageCount)} />
    </dl>
  );
}

function Figure({ label, value, exact }: { label: string; value: string; exact?: string }) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd title={exact && exact !== value ? `Exactly ${exact}` : undefined}>{value}</dd>
    </div>
  );
}

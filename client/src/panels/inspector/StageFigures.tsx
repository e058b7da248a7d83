// What the metrics engine derives for one stage: waiting, efficiency, its share of all waiting,
// whether it is on the critical path, and why it is a bottleneck.
import { formatDuration, formatShare, type WorkingTime } from '@flowmap/shared';
import { useActiveMetrics } from '../../store/selectors.ts';
import '../metrics/badges.css';
import { formatPercent } from '../metrics/format.ts';

export function StageFigures({ nodeId, wt }: { nodeId: string; wt: WorkingTime }) {
  const metrics = useActiveMetrics();
  const stage = metrics && Object.hasOwn(metrics.stages, nodeId) ? metrics.stages[nodeId] : null;
  if (!metrics || !stage) return null;
  const bottleneck = metrics.bottlenecks.find((b) => b.nodeId === nodeId);
  const quality = metrics.qualityBottlenecks.find((q) => q.nodeId === nodeId);
  const cycle = metrics.errors.length > 0;
  return (
    <section className="stage-figures" aria-label="Derived figures">
      <h3>Derived figures</h3>
      <dl>
        <div>
          <dt>Waiting</dt>
          <dd>{formatDuration(stage.waitingMinutes, wt, { maxParts: 3, largestUnit: 'd' })}</dd>
        </div>
        <div>
          <dt>Efficiency</dt>
          <dd>{formatPercent(stage.efficiency)}</dd>
        </div>
        <div>
          <dt>Share of waiting</dt>
          <dd>{stage.onCriticalPath ? formatShare(stage.waitingShare) : '—'}</dd>
        </div>
        <div>
          <dt>Critical path</dt>
          <dd>{cycle ? 'unknown (cycle)' : stage.onCriticalPath ? 'Yes' : 'No'}</dd>
        </div>
      </dl>
      {bottleneck && (
        <p className="stage-flag stage-flag-bottleneck">
          <span className="rank-badge">#{bottleneck.rank}</span>
          <span>Bottleneck: {bottleneck.reason}</span>
        </p>
      )}
      {quality && (
        <p className="stage-flag stage-flag-quality">
          <span className="quality-badge" aria-hidden="true">
            Q
          </span>
          <span>Quality bottleneck: {quality.reason}</span>
        </p>
      )}
    </section>
  );
}

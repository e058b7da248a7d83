// What the metrics engine derives for one stage: waiting, efficiency, its share of all waiting,
// whether it is on the critical path, and why it is a bottleneck.
import { formatDuration, formatShare, type WorkingTime } from '@flowmap/shared';
import { useTranslation } from 'react-i18next';
import { useActiveMetrics, useActiveReasons } from '../../store/selectors.ts';
import '../metrics/badges.css';
import { formatPercent } from '../metrics/format.ts';

export function StageFigures({ nodeId, wt }: { nodeId: string; wt: WorkingTime }) {
  const { t } = useTranslation('inspector');
  const metrics = useActiveMetrics();
  const reasons = useActiveReasons();
  const stage = metrics && Object.hasOwn(metrics.stages, nodeId) ? metrics.stages[nodeId] : null;
  if (!metrics || !stage) return null;
  const bottleneck = metrics.bottlenecks.find((b) => b.nodeId === nodeId);
  const quality = metrics.qualityBottlenecks.find((q) => q.nodeId === nodeId);
  const cycle = metrics.errors.length > 0;
  return (
    <section className="stage-figures" aria-label={t('figures.heading')}>
      <h3>{t('figures.heading')}</h3>
      <dl>
        <div>
          <dt>{t('figures.waiting')}</dt>
          <dd>{formatDuration(stage.waitingMinutes, wt)}</dd>
        </div>
        <div>
          <dt>{t('figures.efficiency')}</dt>
          <dd>{formatPercent(stage.efficiency)}</dd>
        </div>
        <div>
          <dt>{t('figures.shareOfWaiting')}</dt>
          <dd>{stage.onCriticalPath ? formatShare(stage.waitingShare) : '—'}</dd>
        </div>
        <div>
          <dt>{t('figures.criticalPath')}</dt>
          <dd>
            {cycle
              ? t('figures.unknownCycle')
              : stage.onCriticalPath
                ? t('figures.yes')
                : t('figures.no')}
          </dd>
        </div>
      </dl>
      {bottleneck && (
        <p className="stage-flag stage-flag-bottleneck">
          <span className="rank-badge">#{bottleneck.rank}</span>
          <span>
            {t('figures.bottleneck', {
              reason: reasons?.bottleneck.get(nodeId) ?? bottleneck.reason,
            })}
          </span>
        </p>
      )}
      {quality && (
        <p className="stage-flag stage-flag-quality">
          <span className="quality-badge" aria-hidden="true">
            Q
          </span>
          <span>
            {t('figures.qualityBottleneck', {
              reason: reasons?.quality.get(nodeId) ?? quality.reason,
            })}
          </span>
        </p>
      )}
    </section>
  );
}

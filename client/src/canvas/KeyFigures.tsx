// The figures a workshop quotes, always on the canvas in one place: lead time, value-add, flow
// efficiency, rolled %C/A and the #1 bottleneck (click it to select the stage). Presentation mode
// draws the same strip in large type. Reads the store's snapshot, so it follows every commit.
import { useTranslation } from 'react-i18next';
import { formatPercent, formatTotal } from '../panels/metrics/format.ts';
import { setEditor } from '../store/editorStore.ts';
import { useActiveMetrics, useActiveReasons, useWorkingTime } from '../store/selectors.ts';
import './keyFigures.css';

export function KeyFigures() {
  const { t } = useTranslation('canvas');
  const metrics = useActiveMetrics();
  const reasons = useActiveReasons();
  const wt = useWorkingTime();
  if (!metrics) return null;
  if (metrics.errors.length > 0) {
    return (
      <p className="fm-key-figures is-empty" role="status">
        {t('keyFigures.cycle')}
      </p>
    );
  }
  const top = metrics.bottlenecks[0] ?? null;
  return (
    <dl className="fm-key-figures" aria-label={t('keyFigures.label')}>
      <div>
        <dt>{t('keyFigures.leadTime')}</dt>
        <dd>{formatTotal(metrics.totalLeadTimeMinutes, wt)}</dd>
      </div>
      <div>
        <dt>{t('keyFigures.valueAdd')}</dt>
        <dd>{formatTotal(metrics.totalValueAddMinutes, wt)}</dd>
      </div>
      <div>
        <dt>{t('keyFigures.flowEfficiency')}</dt>
        <dd>{formatPercent(metrics.flowEfficiency)}</dd>
      </div>
      <div>
        <dt>{t('keyFigures.rolledPctCA')}</dt>
        <dd>{formatPercent(metrics.rolledPctCA)}</dd>
      </div>
      <div className="fm-key-bottleneck">
        <dt>{t('keyFigures.bottleneck')}</dt>
        <dd>
          {top ? (
            <button
              type="button"
              className="fm-key-link"
              title={reasons?.bottleneck.get(top.nodeId) ?? top.reason}
              onClick={() => setEditor({ selectedNodes: [top.nodeId], selectedEdges: [] })}
            >
              {top.name}
            </button>
          ) : (
            t('keyFigures.noBottleneck')
          )}
        </dd>
      </div>
    </dl>
  );
}

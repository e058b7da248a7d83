// The side panel's summary of the active state: the totals a workshop quotes, the ranked
// bottlenecks with their reasons (click one to select the stage) and the quality bottlenecks.
// It reads the store's snapshot, so it follows every keystroke anyone commits.
import './metrics/badges.css';
import './metrics/metrics.css';
import { bottleneckReason, cycleMessage, displayName } from '@flowmap/shared';
import { pickLocale } from '@flowmap/shared/i18n';
import { useTranslation } from 'react-i18next';
import { setEditor, useEditor } from '../store/editorStore.ts';
import {
  useDeferredActiveState,
  useMeta,
  useStateMetrics,
  useWorkingTime,
} from '../store/selectors.ts';
import { MetricsFigures } from './metrics/MetricsFigures.tsx';
import { ProjectedLine } from './metrics/ProjectedLine.tsx';
import { QualityList } from './metrics/QualityList.tsx';
import { SLOT, splitAround } from './splitAround.ts';

function select(nodeId: string): void {
  setEditor({ selectedNodes: [nodeId], selectedEdges: [] });
}

export function MetricsPanel() {
  const state = useDeferredActiveState();
  const metrics = useStateMetrics(state);
  const wt = useWorkingTime();
  const meta = useMeta();
  const { t, i18n } = useTranslation('panels');
  const locale = pickLocale(i18n.resolvedLanguage);
  const selected = useEditor((s) => (s.selectedNodes.length === 1 ? s.selectedNodes[0] : null));
  if (!state || !metrics) return null;

  const cycle = metrics.errors.find((e) => e.kind === 'cycle');
  const incomplete = metrics.incomplete.map((id) => {
    const node = Object.hasOwn(state.nodes, id) ? state.nodes[id] : undefined;
    return { id, name: node ? displayName(node, id) : id };
  });

  const hint = splitAround(t('metrics.incomplete', { count: incomplete.length, stages: SLOT }));

  return (
    <section className="metrics" aria-labelledby="metrics-heading">
      <header className="metrics-header">
        <h2 id="metrics-heading">{t('metrics.heading')}</h2>
        <span className="metrics-state">{state.name}</span>
      </header>

      {cycle ? (
        <div className="metrics-cycle" role="alert">
          <strong>{t('metrics.cycleTitle')}</strong>
          <p>{cycleMessage(t, cycle, state)}</p>
        </div>
      ) : (
        <>
          <MetricsFigures metrics={metrics} wt={wt} />
          <ProjectedLine state={state} metrics={metrics} wt={wt} />
        </>
      )}

      {incomplete.length > 0 && (
        <p className="metrics-hint">
          {hint[0]}
          {incomplete.map((s, i) => (
            <span key={s.id}>
              {i > 0 && t('metrics.listSeparator')}
              <button type="button" className="metrics-link" onClick={() => select(s.id)}>
                {s.name}
              </button>
            </span>
          ))}
          {hint[1]}
        </p>
      )}

      {!cycle && (
        <section className="metrics-section" aria-labelledby="bottlenecks-heading">
          <h3 id="bottlenecks-heading">{t('metrics.bottlenecks')}</h3>
          {metrics.bottlenecks.length === 0 ? (
            <p className="metrics-empty">{t('metrics.noBottleneck')}</p>
          ) : (
            <ol className="bottleneck-list">
              {metrics.bottlenecks.map((b) => {
                const reason = bottleneckReason(t, locale, b, state, metrics, wt, meta);
                return (
                  <li key={b.nodeId}>
                    <button
                      type="button"
                      className={`bottleneck bottleneck-rank-${Math.min(b.rank, 4)}`}
                      aria-current={selected === b.nodeId ? 'true' : undefined}
                      onClick={() => select(b.nodeId)}
                      aria-label={t('metrics.bottleneckLabel', {
                        rank: b.rank,
                        name: b.name,
                        reason,
                      })}
                    >
                      <span className="rank-badge">#{b.rank}</span>
                      <span className="bottleneck-text">
                        <span className="bottleneck-name">{b.name}</span>
                        <span className="bottleneck-reason">{reason}</span>
                      </span>
                    </button>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      )}

      {metrics.qualityBottlenecks.length > 0 && (
        <section className="metrics-section" aria-labelledby="quality-heading">
          <h3 id="quality-heading">{t('metrics.quality')}</h3>
          <QualityList
            items={metrics.qualityBottlenecks}
            selected={selected ?? null}
            onSelect={select}
          />
        </section>
      )}
    </section>
  );
}

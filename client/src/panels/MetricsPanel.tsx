// The side panel's summary of the active state: the totals a workshop quotes, the ranked
// bottlenecks with their reasons (click one to select the stage) and the quality bottlenecks.
// It reads the store's snapshot, so it follows every keystroke anyone commits.
import './metrics/badges.css';
import './metrics/metrics.css';
import { displayName } from '@flowmap/shared';
import { setEditor, useEditor } from '../store/editorStore.ts';
import { useActiveMetrics, useActiveState, useWorkingTime } from '../store/selectors.ts';
import { MetricsFigures } from './metrics/MetricsFigures.tsx';

function select(nodeId: string): void {
  setEditor({ selectedNodes: [nodeId], selectedEdges: [] });
}

export function MetricsPanel() {
  const state = useActiveState();
  const metrics = useActiveMetrics();
  const wt = useWorkingTime();
  const selected = useEditor((s) => (s.selectedNodes.length === 1 ? s.selectedNodes[0] : null));
  if (!state || !metrics) return null;

  const cycle = metrics.errors.find((e) => e.kind === 'cycle');
  const incomplete = metrics.incomplete.map((id) => {
    const node = Object.hasOwn(state.nodes, id) ? state.nodes[id] : undefined;
    return { id, name: node ? displayName(node, id) : id };
  });

  return (
    <section className="metrics" aria-labelledby="metrics-heading">
      <header className="metrics-header">
        <h2 id="metrics-heading">Metrics</h2>
        <span className="metrics-state">{state.name}</span>
      </header>

      {cycle ? (
        <div className="metrics-cycle" role="alert">
          <strong>No figures while the flow has a cycle.</strong>
          <p>{cycle.message}</p>
        </div>
      ) : (
        <MetricsFigures metrics={metrics} wt={wt} />
      )}

      {incomplete.length > 0 && (
        <p className="metrics-hint">
          Figures are incomplete:{' '}
          {incomplete.length === 1 ? 'one stage misses' : `${incomplete.length} stages miss`} LT, PT
          or %C/A (
          {incomplete.map((s, i) => (
            <span key={s.id}>
              {i > 0 && ', '}
              <button type="button" className="metrics-link" onClick={() => select(s.id)}>
                {s.name}
              </button>
            </span>
          ))}
          ).
        </p>
      )}

      {!cycle && (
        <section className="metrics-section" aria-labelledby="bottlenecks-heading">
          <h3 id="bottlenecks-heading">Bottlenecks</h3>
          {metrics.bottlenecks.length === 0 ? (
            <p className="metrics-empty">No stage on the critical path waits.</p>
          ) : (
            <ol className="bottleneck-list">
              {metrics.bottlenecks.map((b) => (
                <li key={b.nodeId}>
                  <button
                    type="button"
                    className={`bottleneck bottleneck-rank-${Math.min(b.rank, 4)}`}
                    aria-current={selected === b.nodeId ? 'true' : undefined}
                    onClick={() => select(b.nodeId)}
                    aria-label={`Bottleneck ${b.rank}: ${b.name}, ${b.reason}. Select the stage.`}
                  >
                    <span className="rank-badge">#{b.rank}</span>
                    <span className="bottleneck-text">
                      <span className="bottleneck-name">{b.name}</span>
                      <span className="bottleneck-reason">{b.reason}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}

      {metrics.qualityBottlenecks.length > 0 && (
        <section className="metrics-section" aria-labelledby="quality-heading">
          <h3 id="quality-heading">Quality bottlenecks</h3>
          <ul className="bottleneck-list">
            {metrics.qualityBottlenecks.map((q) => (
              <li key={q.nodeId}>
                <button
                  type="button"
                  className="bottleneck bottleneck-quality"
                  aria-current={selected === q.nodeId ? 'true' : undefined}
                  onClick={() => select(q.nodeId)}
                  aria-label={`Quality bottleneck: ${q.name}, ${q.reason}. Select the stage.`}
                >
                  <span className="quality-badge" aria-hidden="true">
                    Q
                  </span>
                  <span className="bottleneck-text">
                    <span className="bottleneck-name">{q.name}</span>
                    <span className="bottleneck-reason">{q.reason}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

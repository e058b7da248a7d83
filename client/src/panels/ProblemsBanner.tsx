// Above the canvas, never instead of it: a red banner when the flow has a cycle (no figure can be
// computed), a yellow one when the document holds values that break the rules (an old or hostile
// client wrote them), with the details one click away.
import './metrics/problems.css';
import { cycleMessage } from '@flowmap/shared';
import { useTranslation } from 'react-i18next';
import { setEditor, useEditor } from '../store/editorStore.ts';
import { useActiveMetrics, useActiveState } from '../store/selectors.ts';
import { describePath, relevantProblems, summarise } from './metrics/problems.ts';

export function ProblemsBanner() {
  const { t } = useTranslation('panels');
  const state = useActiveState();
  const metrics = useActiveMetrics();
  const activeStateId = useEditor((s) => s.activeStateId);
  const all = useEditor((s) => s.problems);
  const problems = relevantProblems(all, activeStateId);
  const cycle = metrics?.errors.find((e) => e.kind === 'cycle');
  if (!cycle && problems.length === 0) return null;

  return (
    <div className="problems">
      {cycle && (
        <div className="banner banner-error problems-row" role="alert">
          <span className="problems-icon" aria-hidden="true">
            ⟲
          </span>
          <span className="problems-text">{cycleMessage(t, cycle, state)}</span>
          <button
            type="button"
            className="problems-action"
            onClick={() => setEditor({ selectedNodes: [...cycle.nodeIds], selectedEdges: [] })}
          >
            {t('problems.selectStages')}
          </button>
        </div>
      )}
      {problems.length > 0 && (
        <div className="banner banner-warn problems-row" role="status">
          <span className="problems-icon" aria-hidden="true">
            ⚠
          </span>
          <details className="problems-details">
            <summary>
              <span className="problems-text">{summarise(t, problems.length)}</span>{' '}
              <span className="problems-toggle">{t('problems.details')}</span>
            </summary>
            <ul>
              {problems.map((p) => (
                <li key={`${p.path}\u0000${p.message}`}>
                  <strong>{describePath(t, p.path, state)}</strong>: {p.message}
                  {p.path && <code>{p.path}</code>}
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </div>
  );
}

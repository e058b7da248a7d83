// The node part of a comparison, for stages and for queues alike: what was added, removed, and
// each changed field before → after. A queue names its wait next to it when added or removed.
import {
  FIELD_LABELS,
  fieldRelative,
  fieldTone,
  formatFieldValue,
  type QueueRef,
  type StageChange,
  type StageRef,
  type WorkingTime,
} from '@flowmap/shared';
import { useTranslation } from 'react-i18next';

interface Props {
  added: (StageRef | QueueRef)[];
  removed: (StageRef | QueueRef)[];
  changed: StageChange[];
  wt: WorkingTime;
  /** What the nodes are called: "stage" (the default) or "queue". */
  noun?: 'stage' | 'queue';
}

export function CompareStages({ added, removed, changed, wt, noun = 'stage' }: Props) {
  const nothing = added.length === 0 && removed.length === 0 && changed.length === 0;
  const headingId = `compare-${noun}s`;
  const { t } = useTranslation('panels');
  return (
    <section aria-labelledby={headingId} className="compare-section">
      <h2 id={headingId} className="compare-h2">
        {t(`compare.stages.${noun}Heading`)}
      </h2>
      {nothing ? (
        <p className="compare-empty">{t(`compare.stages.${noun}Nothing`)}</p>
      ) : (
        <div className="stage-diff">
          <div className="stage-diff-side">
            <NodeList
              title={t('compare.stages.added')}
              tone="added"
              nodes={added}
              wt={wt}
              empty={t(`compare.stages.${noun}NoneAdded`)}
            />
            <NodeList
              title={t('compare.stages.removed')}
              tone="removed"
              nodes={removed}
              wt={wt}
              empty={t(`compare.stages.${noun}NoneRemoved`)}
            />
          </div>
          <div className="stage-changed">
            <h3 className="compare-h3">
              {t('compare.stages.changed')} <span className="count-badge">{changed.length}</span>
            </h3>
            {changed.length === 0 ? (
              <p className="compare-empty">{t(`compare.stages.${noun}NoneChanged`)}</p>
            ) : (
              <table className="changes-table">
                <thead>
                  <tr>
                    <th scope="col">{t(`compare.stages.${noun}Column`)}</th>
                    <th scope="col">{t('compare.stages.field')}</th>
                    <th scope="col">{t('compare.before')}</th>
                    <th scope="col">{t('compare.after')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('compare.stages.change')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {changed.map((node) =>
                    node.changes.map((change, i) => {
                      const tone = fieldTone(change.field, change.before, change.after);
                      const rel = fieldRelative(change.before, change.after);
                      return (
                        <tr
                          key={`${node.id}-${change.field}`}
                          className={i === 0 ? 'first-of-stage' : undefined}
                        >
                          {i === 0 && (
                            <th
                              scope="rowgroup"
                              rowSpan={node.changes.length}
                              className="stage-cell"
                            >
                              {node.name}
                            </th>
                          )}
                          <td className="field-cell">{FIELD_LABELS[change.field]}</td>
                          <td className="value-cell value-before">
                            {formatFieldValue(change.field, change.before, wt)}
                          </td>
                          <td className="value-cell value-after">
                            {formatFieldValue(change.field, change.after, wt)}
                          </td>
                          <td className={`rel-cell tone-${tone}`}>{rel}</td>
                        </tr>
                      );
                    }),
                  )}
                </tbody>
              </table>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function NodeList({
  title,
  tone,
  nodes,
  wt,
  empty,
}: {
  title: string;
  tone: 'added' | 'removed';
  nodes: (StageRef | QueueRef)[];
  wt: WorkingTime;
  empty: string;
}) {
  const { t } = useTranslation('panels');
  return (
    <div className={`stage-list stage-list-${tone}`}>
      <h3 className="compare-h3">
        {title} <span className="count-badge">{nodes.length}</span>
      </h3>
      {nodes.length === 0 ? (
        <p className="compare-empty">{empty}</p>
      ) : (
        <ul>
          {nodes.map((s) => (
            <li key={s.id}>
              <span className="stage-sign" aria-hidden="true">
                {tone === 'added' ? '+' : '−'}
              </span>
              {s.name}
              {'waitMinutes' in s && (
                <span className="node-detail">
                  {t('compare.stages.waits', { wait: formatFieldValue('wait', s.waitMinutes, wt) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

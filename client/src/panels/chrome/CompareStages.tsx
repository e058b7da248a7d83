// The stage part of a comparison: what was added, removed, and each changed field before → after.
import type { StageChange, StageRef, WorkingTime } from '@flowmap/shared';
import { FIELD_LABELS, fieldRelative, fieldTone, formatFieldValue } from './compareFormat.ts';

interface Props {
  added: StageRef[];
  removed: StageRef[];
  changed: StageChange[];
  wt: WorkingTime;
}

export function CompareStages({ added, removed, changed, wt }: Props) {
  const nothing = added.length === 0 && removed.length === 0 && changed.length === 0;
  return (
    <section aria-labelledby="compare-stages" className="compare-section">
      <h2 id="compare-stages" className="compare-h2">
        Stages
      </h2>
      {nothing ? (
        <p className="compare-empty">No stage was added, removed or changed.</p>
      ) : (
        <div className="stage-diff">
          <div className="stage-diff-side">
            <StageList title="Added" tone="added" stages={added} empty="No stage added." />
            <StageList title="Removed" tone="removed" stages={removed} empty="No stage removed." />
          </div>
          <div className="stage-changed">
            <h3 className="compare-h3">
              Changed <span className="count-badge">{changed.length}</span>
            </h3>
            {changed.length === 0 ? (
              <p className="compare-empty">No stage changed.</p>
            ) : (
              <table className="changes-table">
                <thead>
                  <tr>
                    <th scope="col">Stage</th>
                    <th scope="col">Field</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                    <th scope="col">
                      <span className="visually-hidden">Change</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {changed.map((stage) =>
                    stage.changes.map((change, i) => {
                      const tone = fieldTone(change.field, change.before, change.after);
                      const rel = fieldRelative(change.before, change.after);
                      return (
                        <tr
                          key={`${stage.id}-${change.field}`}
                          className={i === 0 ? 'first-of-stage' : undefined}
                        >
                          {i === 0 && (
                            <th
                              scope="rowgroup"
                              rowSpan={stage.changes.length}
                              className="stage-cell"
                            >
                              {stage.name}
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

function StageList({
  title,
  tone,
  stages,
  empty,
}: {
  title: string;
  tone: 'added' | 'removed';
  stages: StageRef[];
  empty: string;
}) {
  return (
    <div className={`stage-list stage-list-${tone}`}>
      <h3 className="compare-h3">
        {title} <span className="count-badge">{stages.length}</span>
      </h3>
      {stages.length === 0 ? (
        <p className="compare-empty">{empty}</p>
      ) : (
        <ul>
          {stages.map((s) => (
            <li key={s.id}>
              <span className="stage-sign" aria-hidden="true">
                {tone === 'added' ? '+' : '−'}
              </span>
              {s.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

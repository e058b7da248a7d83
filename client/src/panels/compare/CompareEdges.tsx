// The rework rates and route shares that changed between the two sides, each an entry of its own
// ("Rework Manual tests → Build: 20% → 5%"), worded by shared's edgeRow like the PDF.
import { type EdgeChange, edgeRow, type WorkingTime } from '@flowmap/shared';
import { useTranslation } from 'react-i18next';

export function CompareEdges({ edges, wt }: { edges: EdgeChange[]; wt: WorkingTime }) {
  const { t } = useTranslation('panels');
  // An arrow is known by its kind and its ends: one entry each (compareEdges).
  const rows = edges.map((edge) => ({
    key: JSON.stringify([edge.kind, edge.from.id, edge.to.id]),
    ...edgeRow(edge, wt),
  }));
  return (
    <section aria-labelledby="compare-edges" className="compare-section">
      <h2 id="compare-edges" className="compare-h2">
        {t('compare.edges.heading')}
      </h2>
      <div className="stage-changed">
        <table className="changes-table">
          <thead>
            <tr>
              <th scope="col">{t('compare.edges.arrow')}</th>
              <th scope="col">{t('compare.stages.field')}</th>
              <th scope="col">{t('compare.before')}</th>
              <th scope="col">{t('compare.after')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('compare.stages.change')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="first-of-stage">
                <th scope="row" className="stage-cell">
                  {row.label}
                </th>
                <td className="field-cell">{row.field}</td>
                <td className="value-cell value-before">{row.before}</td>
                <td className="value-cell value-after">{row.after}</td>
                <td className={`rel-cell tone-${row.tone}`}>{row.absolute}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

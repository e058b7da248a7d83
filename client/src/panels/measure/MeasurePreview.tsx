// What an import would write, before it is applied: the period and item count, the
// calendar→working conversion, each matched stage's figures next to its estimate, and the four
// key metrics when a deployment log was given. Every figure goes through shared's formatters.
import {
  classifyDora,
  type DoraInputs,
  formatDuration,
  formatPctCA,
  type MapState,
  type WorkingTime,
} from '@flowmap/shared';
import { formatNumber } from '@flowmap/shared/i18n';
import { type DoraMeasurement, type MeasureResult, stageRanks } from '@flowmap/shared/measure';
import { useTranslation } from 'react-i18next';

/** The preview table's columns, in order. */
const STAGE_COLUMNS = [
  'stage',
  'passes',
  'items',
  'ltP50',
  'ltP85',
  'ltMean',
  'pt',
  'pctCA',
  'estimate',
] as const;

const day = (iso: string) => iso.replace('T', ' ').slice(0, 16);

export function MeasurePreview({
  result,
  state,
  wt,
}: {
  result: MeasureResult;
  state: MapState;
  wt: WorkingTime;
}) {
  const { t } = useTranslation('measure');
  const d = (m: number | null | undefined) =>
    m === null || m === undefined ? '—' : formatDuration(m, wt);
  // In flow order, as the stages stand on the map.
  const ranks = stageRanks(state);
  const ids = Object.keys(result.stages).sort(
    (a, b) => (ranks.get(a) ?? 0) - (ranks.get(b) ?? 0) || (a < b ? -1 : 1),
  );
  return (
    <section className="measure-preview" aria-label={t('previewLabel')}>
      <p className="measure-period">
        {t('period', {
          from: day(result.period.from),
          to: day(result.period.to),
          items: formatNumber(result.items),
          events: formatNumber(result.events),
        })}
      </p>
      <p className="measure-conversion">
        {t('conversion', {
          hours: formatNumber(result.conversion.hoursPerDay),
          days: formatNumber(result.conversion.daysPerWeek),
          share: formatNumber(result.conversion.share, {
            minimumFractionDigits: 3,
            maximumFractionDigits: 3,
          }),
        })}
      </p>
      {ids.length === 0 ? (
        <p className="form-error">{t('nothingMatched')}</p>
      ) : (
        <table className="measure-stages">
          <thead>
            <tr>
              {STAGE_COLUMNS.map((h) => (
                <th key={h} scope="col">
                  {t(`stageHeader.${h}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => {
              const s = result.stages[id];
              const node = state.nodes[id];
              if (!s || !node) return null;
              const estimate = node.timeSource === 'measured' ? (node.estimate ?? {}) : node;
              return (
                <tr key={id}>
                  <th scope="row">{node.name || id}</th>
                  <td>{s.passes}</td>
                  <td>{s.items}</td>
                  <td>{d(s.leadTimeMinutes.p50)}</td>
                  <td>{d(s.leadTimeMinutes.p85)}</td>
                  <td>{d(s.leadTimeMinutes.mean)}</td>
                  <td>{d(s.processTimeMinutes)}</td>
                  <td>{formatPctCA(s.pctCA)}</td>
                  <td className="measure-estimate">
                    {d(estimate.elapsedMinutes)} /{' '}
                    {estimate.pctCA === undefined ? '—' : formatPctCA(estimate.pctCA)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function DoraPreview({ dora, wt }: { dora: DoraMeasurement; wt: WorkingTime }) {
  const inputs: DoraInputs = {
    deploymentsPerWeek: dora.deploymentsPerWeek,
    changeFailureRate: dora.changeFailureRate,
  };
  if (dora.timeToRestoreMinutes !== null) inputs.timeToRestoreMinutes = dora.timeToRestoreMinutes;
  if (dora.leadTimeForChangesMinutes !== null)
    inputs.leadTimeForChangesMinutes = dora.leadTimeForChangesMinutes;
  const assessed = classifyDora(inputs, 0, wt);
  const { t } = useTranslation('measure');
  const { t: tp } = useTranslation('panels');
  return (
    <section className="measure-dora" aria-label={t('doraLabel')}>
      <h3>{t('doraTitle', { deployments: formatNumber(dora.deployments) })}</h3>
      <dl>
        {Object.values(assessed).map((a) => (
          <div key={a.key}>
            <dt>{tp(`compare.dora.labels.${a.key}`)}</dt>
            <dd>
              {a.display}
              {a.level && (
                <span className={`dora-level level-${a.level}`}> {t(`levels.${a.level}`)}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

// The classic VSM timeline ladder under the pipeline: for each stage of the critical path its
// elapsed time (LT) on the upper rung and its value-add time (PT) on the lower one, equal widths,
// with the totals at the end. Bottleneck steps are tinted with the heat of their waiting. The
// steps scroll sideways on a long pipeline; the totals box stays in view at the end.
import './metrics/ladder.css';
import type { StateMetrics, WorkingTime } from '@flowmap/shared';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeferredActiveState, useStateMetrics, useWorkingTime } from '../store/selectors.ts';
import { formatExact, formatPercent, formatStep, formatTotal } from './metrics/format.ts';
import {
  fitLabel,
  LADDER,
  type LadderStep,
  ladderPath,
  ladderSteps,
  ladderWidth,
  stepGeometry,
} from './metrics/ladder.ts';

// Characters of a 12px label that fit a step; the full name is in the step's tooltip.
const NAME_CHARS = 17;

export function TimelineLadder() {
  const metrics = useStateMetrics(useDeferredActiveState());
  const wt = useWorkingTime();
  if (!metrics) return null;
  return <Ladder metrics={metrics} wt={wt} />;
}

/** The ladder of any state's metrics (the active state's, or one in a snapshot). */
export function Ladder({ metrics, wt }: { metrics: StateMetrics; wt: WorkingTime }) {
  const titleId = useId();
  const { t } = useTranslation('panels');
  if (metrics.errors.length > 0) {
    return <p className="ladder-empty">{t('ladder.cycle')}</p>;
  }
  const steps = ladderSteps(metrics);
  if (steps.length === 0) {
    return <p className="ladder-empty">{t('ladder.empty')}</p>;
  }

  const width = ladderWidth(steps.length);
  const { height, upperY, lowerY } = LADDER;
  return (
    <div className="ladder-wrap">
      <div className="ladder-scroll">
        <svg
          className="ladder"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={titleId}
        >
          <title id={titleId}>{describe(t, steps, wt)}</title>
          <text className="ladder-axis" x={6} y={upperY + 4}>
            {t('ladder.lt')}
          </text>
          <text className="ladder-axis" x={6} y={lowerY + 4}>
            {t('ladder.pt')}
          </text>
          {steps.map((step, i) => (
            <Step key={step.nodeId} step={step} index={i} wt={wt} />
          ))}
          <path className="ladder-line" d={ladderPath(steps)} />
        </svg>
      </div>
      <Totals metrics={metrics} wt={wt} />
    </div>
  );
}

function Step({ step, index, wt }: { step: LadderStep; index: number; wt: WorkingTime }) {
  const { x, dropX, endX } = stepGeometry(index);
  const { height, upperY, lowerY } = LADDER;
  const lt = formatStep(step.elapsedMinutes, wt);
  const pt = formatStep(step.valueAddMinutes, wt);
  const rank = step.bottleneckRank;
  const { t } = useTranslation('panels');
  return (
    <g
      className={`ladder-step${step.kind === 'queue' ? ' ladder-queue' : ''}${step.heat > 0 ? ` ladder-heat-${step.heat}` : ''}`}
    >
      <title>
        {rank !== null
          ? t('ladder.stepRanked', { name: step.name, lt, pt, rank })
          : t('ladder.step', { name: step.name, lt, pt })}
      </title>
      {step.heat > 0 && (
        <rect
          className="ladder-tint"
          x={x + 2}
          y={4}
          width={endX - x - 4}
          height={height - 8}
          rx={6}
        />
      )}
      {index > 0 && <line className="ladder-divider" x1={x} x2={x} y1={8} y2={height - 8} />}
      <text
        className="ladder-value ladder-lt"
        x={step.kind === 'queue' ? (x + endX) / 2 : (x + dropX) / 2}
        y={upperY - 8}
      >
        {lt}
      </text>
      {step.kind === 'stage' && (
        <text className="ladder-value ladder-pt" x={(dropX + endX) / 2} y={lowerY + 18}>
          {pt}
        </text>
      )}
      {rank !== null && (
        <g className="ladder-rank">
          <rect x={endX - 34} y={10} width={28} height={18} rx={9} />
          <text x={endX - 20} y={23}>
            #{rank}
          </text>
        </g>
      )}
      {step.kind === 'queue' && (
        // The inventory triangle, as on the canvas: this step is a wait, not work.
        <path className="ladder-queue-mark" d={`M ${x + 10} ${upperY + 10} l 6 -10 l 6 10 z`} />
      )}
      <text className="ladder-name" x={(x + endX) / 2} y={height - 14}>
        {fitLabel(step.name, NAME_CHARS)}
      </text>
    </g>
  );
}

function Totals({ metrics, wt }: { metrics: StateMetrics; wt: WorkingTime }) {
  const lead = metrics.totalLeadTimeMinutes;
  const valueAdd = metrics.totalValueAddMinutes;
  const { t } = useTranslation('panels');
  return (
    <dl className="ladder-totals" aria-label={t('ladder.totals')}>
      <div>
        <dt>{t('ladder.leadTime')}</dt>
        <dd title={formatExact(lead, wt)}>{formatTotal(lead, wt)}</dd>
      </div>
      <div>
        <dt>{t('ladder.valueAdd')}</dt>
        <dd title={formatExact(valueAdd, wt)}>{formatTotal(valueAdd, wt)}</dd>
      </div>
      <div>
        <dt>{t('ladder.flowEfficiency')}</dt>
        <dd>{formatPercent(metrics.flowEfficiency)}</dd>
      </div>
    </dl>
  );
}

function describe(t: TFunction<'panels'>, steps: LadderStep[], wt: WorkingTime): string {
  const parts = steps.map((s) =>
    t('ladder.describeStep', {
      name: s.name,
      lt: formatStep(s.elapsedMinutes, wt),
      pt: formatStep(s.valueAddMinutes, wt),
    }),
  );
  return t('ladder.describe', { steps: parts.join(t('ladder.describeSeparator')) });
}

// The classic VSM timeline ladder under the pipeline: for each stage of the critical path its
// elapsed time (LT) on the upper rung and its value-add time (PT) on the lower one, equal widths,
// with the totals at the end. Bottleneck steps are tinted with the heat of their waiting. The
// steps scroll sideways on a long pipeline; the totals box stays in view at the end.
//
// Only the steps in view (and a screen's width either side) are drawn: a 300-step pipeline was
// 1,300 SVG elements and 900 translated strings, most of the first render of a large map, for the
// eight steps anyone can see. The whole ladder is still one SVG of full width, so the scrollbar,
// the line and the screen-reader summary (its <title>) cover every step.
import './metrics/ladder.css';
import type { StateMetrics, WorkingTime } from '@flowmap/shared';
import { displayT } from '@flowmap/shared/i18n';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
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
  stepsInView,
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
  // Subscribes to language changes; the steps word themselves with the same language through
  // shared's compiled messages (i18next per call is most of a large ladder's cost).
  const { t, i18n } = useTranslation('panels');
  const scrollRef = useRef<HTMLDivElement>(null);
  const steps = useMemo(() => ladderSteps(metrics), [metrics]);
  const drawn = metrics.errors.length === 0 && steps.length > 0;
  const range = useScrollWindow(scrollRef, steps.length, drawn);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the words follow the language
  const summary = useMemo(() => describe(steps, wt), [steps, wt, i18n.language]);
  if (metrics.errors.length > 0) {
    return <p className="ladder-empty">{t('ladder.cycle')}</p>;
  }
  if (steps.length === 0) {
    return <p className="ladder-empty">{t('ladder.empty')}</p>;
  }

  const width = ladderWidth(steps.length);
  const { height, upperY, lowerY } = LADDER;
  const shown = steps.slice(range.first, range.end);
  return (
    <div className="ladder-wrap">
      <div className="ladder-scroll" ref={scrollRef}>
        <svg
          className="ladder"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={titleId}
        >
          <title id={titleId}>{summary}</title>
          <text className="ladder-axis" x={6} y={upperY + 4}>
            {t('ladder.lt')}
          </text>
          <text className="ladder-axis" x={6} y={lowerY + 4}>
            {t('ladder.pt')}
          </text>
          {shown.map((step, i) => (
            <Step key={step.nodeId} step={step} index={range.first + i} wt={wt} />
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
  const t = displayT('panels');
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

/**
 * The steps drawn for the ladder's scroll position: those in view and a view's width either side
 * (so a scroll by the scrollbar or the wheel shows drawn steps before the next frame adds more).
 * Before the first layout the window's width stands in for the ladder's.
 */
function useScrollWindow(
  scrollRef: React.RefObject<HTMLDivElement | null>,
  count: number,
  /** Whether the scroll box is rendered (not a cycle or an empty path). */
  drawn: boolean,
): { first: number; end: number } {
  const [view, setView] = useState(() => ({ left: 0, width: window.innerWidth }));
  useEffect(() => {
    const el = scrollRef.current;
    if (!drawn || !el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView((v) =>
        v.left === el.scrollLeft && v.width === el.clientWidth
          ? v
          : { left: el.scrollLeft, width: el.clientWidth },
      );
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    el.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', schedule);
      resize.disconnect();
    };
  }, [scrollRef, drawn]);
  return stepsInView(view.left, view.width, count);
}

function describe(steps: LadderStep[], wt: WorkingTime): string {
  const t = displayT('panels');
  const parts = steps.map((s) =>
    t('ladder.describeStep', {
      name: s.name,
      lt: formatStep(s.elapsedMinutes, wt),
      pt: formatStep(s.valueAddMinutes, wt),
    }),
  );
  return t('ladder.describe', { steps: parts.join(t('ladder.describeSeparator')) });
}

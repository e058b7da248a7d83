// What the marks on the canvas mean, in the bottom-left corner; it folds away to a button, starts
// folded (open, it covered a quarter of the canvas) and remembers that per browser (viewPrefs.ts).
import { formatShare, type MapNode } from '@flowmap/shared';
import { Panel } from '@xyflow/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../store/editorStore.ts';
import { CRITICAL_COLOUR, FLOW_COLOUR, REWORK_COLOUR } from './elements.ts';
import { HEAT_BOUNDS } from './heat.ts';
import { toggleViewPref, useViewPrefs } from './viewPrefs.ts';

// The heat bounds as shares of the waiting, written as every share in the app is.
const pct = formatShare;

function heatTitles(t: TFunction<'canvas'>): string[] {
  return [
    t('legend.heat0'),
    t('legend.heat1', { to: pct(HEAT_BOUNDS[0]) }),
    t('legend.heatRange', { from: pct(HEAT_BOUNDS[0]), to: pct(HEAT_BOUNDS[1]) }),
    t('legend.heatRange', { from: pct(HEAT_BOUNDS[1]), to: pct(HEAT_BOUNDS[2]) }),
    t('legend.heat4', { from: pct(HEAT_BOUNDS[2]) }),
  ];
}

function Line({ colour, width, dashed }: { colour: string; width: number; dashed?: boolean }) {
  return (
    <svg width="44" height="14" viewBox="0 0 44 14" aria-hidden="true">
      <path
        d="M2 7H34"
        stroke={colour}
        strokeWidth={width}
        strokeDasharray={dashed ? '6 4' : undefined}
        fill="none"
      />
      <path d="M32 2l10 5-10 5z" fill={colour} />
    </svg>
  );
}

/** Whether a stage of the active state matches: the v2 marks are explained only where drawn. */
function useStageMark(test: (node: MapNode) => boolean): boolean {
  return useEditor((s) => {
    const state = s.activeStateId ? s.map?.states[s.activeStateId] : undefined;
    return Object.values(state?.nodes ?? {}).some((n) => n.type === 'stage' && test(n));
  });
}

export function Legend() {
  const { t } = useTranslation('canvas');
  const open = useViewPrefs((s) => s.legendOpen);
  const threshold = useEditor((s) => s.map?.meta.lowPctCAThreshold ?? 80);
  const outside = useStageMark((n) => n.outside === true);
  const measured = useStageMark((n) => n.timeSource === 'measured');
  const toggle = () => toggleViewPref('legendOpen');
  return (
    <Panel position="bottom-left" className="fm-legend-panel">
      <section className="fm-legend" aria-label={t('legend.title')}>
        <header>
          {open && <h2>{t('legend.title')}</h2>}
          <button type="button" className="fm-legend-toggle" aria-expanded={open} onClick={toggle}>
            {open ? t('legend.hide') : t('legend.title')}
          </button>
        </header>
        {open && (
          <ul>
            <li>
              <span className="fm-legend-heat" aria-hidden="true">
                {heatTitles(t).map((title, level) => (
                  <span key={title} className={`heat-${level}`} title={title} />
                ))}
              </span>
              {t('legend.shareOfWaiting')}
            </li>
            <li>
              <span className="vsm-badge is-legend" aria-hidden="true">
                #1
              </span>
              {t('legend.bottleneckRank')}
            </li>
            <li>
              <span className="vsm-quality-tag is-legend" aria-hidden="true">
                {t('legend.lowCA')}
              </span>
              {t('legend.belowThreshold', { threshold })}
            </li>
            <li>
              <Line colour={CRITICAL_COLOUR} width={4} />
              {t('legend.criticalPath')}
            </li>
            <li>
              <Line colour={FLOW_COLOUR} width={2} />
              {t('legend.flow')}
            </li>
            <li>
              <Line colour={REWORK_COLOUR} width={2} dashed />
              {t('legend.rework')}
            </li>
            <li>
              <svg width="44" height="14" viewBox="0 0 44 14" aria-hidden="true">
                <path
                  d="M2 7H40"
                  stroke="#d4a017"
                  strokeWidth={2.5}
                  strokeDasharray="2 5"
                  strokeLinecap="round"
                />
              </svg>
              {t('legend.kaizen')}
            </li>
            {outside && (
              <li>
                <svg width="44" height="14" viewBox="0 0 44 14" aria-hidden="true">
                  <path
                    d="M4 13V2L16 13V2L28 13V2L40 13Z"
                    fill="#fff"
                    stroke="#667085"
                    strokeWidth={1.5}
                    strokeLinejoin="round"
                  />
                </svg>
                {t('legend.outside')}
              </li>
            )}
            {measured && (
              <li>
                <span className="vsm-measured-tag is-legend" aria-hidden="true">
                  {t('legend.measuredTag')}
                </span>
                {t('legend.measuredTimes')}
              </li>
            )}
          </ul>
        )}
      </section>
    </Panel>
  );
}

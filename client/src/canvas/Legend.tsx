// What the marks on the canvas mean, in the bottom-left corner; it folds away to a button and
// remembers that per browser.
import { Panel } from '@xyflow/react';
import { useState } from 'react';
import { useEditor } from '../store/editorStore.ts';
import { CRITICAL_COLOUR, FLOW_COLOUR, REWORK_COLOUR } from './elements.ts';
import { HEAT_BOUNDS } from './heat.ts';

const KEY = 'flowmap.legendOpen';

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

const HEAT_TITLES = [
  'No waiting on the critical path',
  `Under ${pct(HEAT_BOUNDS[0])} of the waiting`,
  `${pct(HEAT_BOUNDS[0])}–${pct(HEAT_BOUNDS[1])} of the waiting`,
  `${pct(HEAT_BOUNDS[1])}–${pct(HEAT_BOUNDS[2])} of the waiting`,
  `${pct(HEAT_BOUNDS[2])} or more of the waiting`,
];

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

export function Legend() {
  const [open, setOpen] = useState(() => localStorage.getItem(KEY) !== 'closed');
  const threshold = useEditor((s) => s.map?.meta.lowPctCAThreshold ?? 80);
  const toggle = () => {
    localStorage.setItem(KEY, open ? 'closed' : 'open');
    setOpen(!open);
  };
  return (
    <Panel position="bottom-left" className="fm-legend-panel">
      <section className="fm-legend" aria-label="Legend">
        <header>
          {open && <h2>Legend</h2>}
          <button type="button" className="fm-legend-toggle" aria-expanded={open} onClick={toggle}>
            {open ? 'Hide' : 'Legend'}
          </button>
        </header>
        {open && (
          <ul>
            <li>
              <span className="fm-legend-heat" aria-hidden="true">
                {HEAT_TITLES.map((title, level) => (
                  <span key={title} className={`heat-${level}`} title={title} />
                ))}
              </span>
              Share of waiting
            </li>
            <li>
              <span className="vsm-badge is-legend" aria-hidden="true">
                #1
              </span>
              Bottleneck rank
            </li>
            <li>
              <span className="vsm-quality-tag is-legend" aria-hidden="true">
                Low C/A
              </span>
              %C/A below {threshold}%
            </li>
            <li>
              <Line colour={CRITICAL_COLOUR} width={4} />
              Critical path
            </li>
            <li>
              <Line colour={FLOW_COLOUR} width={2} />
              Flow
            </li>
            <li>
              <Line colour={REWORK_COLOUR} width={2} dashed />
              Rework
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
              Kaizen idea for a stage
            </li>
          </ul>
        )}
      </section>
    </Panel>
  );
}

// Two states of the map side by side: the headline metrics with their change (green when better,
// red when worse), the four key metrics with their levels, then the stages added, removed and
// changed, each changed field before → after. The body is shared with the snapshot comparison.
import type { MapState } from '@flowmap/shared';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setEditor, useEditor } from '../../store/editorStore.ts';
import { metricsOf, useMeta, useSortedStates, useWorkingTime } from '../../store/selectors.ts';
import { Comparison } from './Comparison.tsx';
import { ProjectedState } from './ProjectedState.tsx';
import './compare.css';

/** Before comes first in the workshop's story: the current state, then the future it designs. */
function comesFirst(a: MapState, b: MapState): boolean {
  if (a.kind !== b.kind) return a.kind === 'current';
  return a.order <= b.order;
}

export function CompareView() {
  const activeStateId = useEditor((s) => s.activeStateId);
  const compareWith = useEditor((s) => s.compareWith);
  const states = useSortedStates();
  const meta = useMeta();
  const wt = useWorkingTime();
  const { t } = useTranslation('panels');
  const active = states.find((s) => s.id === activeStateId) ?? null;
  const other = states.find((s) => s.id === compareWith) ?? null;
  // Which store field holds the "before" side; fixed while the view is open so that changing a
  // dropdown never flips the sides, and swapped only by the Swap button.
  const [beforeIsActive, setBeforeIsActive] = useState(() =>
    active && other ? comesFirst(active, other) : true,
  );

  // A state deleted by someone else: nothing left to compare.
  useEffect(() => {
    if (compareWith !== null && states.length > 0 && !other) setEditor({ compareWith: null });
  }, [compareWith, other, states.length]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        event.key === 'Escape' &&
        !event.defaultPrevented &&
        !document.querySelector('dialog[open]')
      ) {
        setEditor({ compareWith: null });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const before = beforeIsActive ? active : other;
  const after = beforeIsActive ? other : active;

  const sides = useMemo(() => {
    if (!before || !after || !meta) return null;
    return {
      before: { name: before.name, state: before, metrics: metricsOf(before, meta) },
      after: { name: after.name, state: after, metrics: metricsOf(after, meta) },
    };
  }, [before, after, meta]);

  const choose = (side: 'before' | 'after', id: string) => {
    const toActive = (side === 'before') === beforeIsActive;
    setEditor(toActive ? { activeStateId: id } : { compareWith: id });
  };

  const back = () => setEditor({ compareWith: null });

  if (!before || !after || !sides) {
    return (
      <div className="compare">
        <div className="compare-inner">
          <p>{t('compare.chooseTwo')}</p>
          <button type="button" onClick={back}>
            {t('compare.back')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <section className="compare" aria-label={t('compare.label')}>
      <div className="compare-inner">
        <div className="compare-toolbar">
          <button type="button" className="compare-back" onClick={back}>
            <span aria-hidden="true">←</span> {t('compare.back')}
          </button>
          <div className="compare-pickers">
            <StatePicker
              label={t('compare.before')}
              value={before.id}
              states={states}
              exclude={after.id}
              onChange={(id) => choose('before', id)}
            />
            <button
              type="button"
              className="compare-swap"
              onClick={() => setBeforeIsActive((v) => !v)}
              title={t('compare.swap')}
            >
              <span aria-hidden="true">⇄</span>
              <span className="visually-hidden">{t('compare.swap')}</span>
            </button>
            <StatePicker
              label={t('compare.after')}
              value={after.id}
              states={states}
              exclude={before.id}
              onChange={(id) => choose('after', id)}
            />
          </div>
        </div>

        <Comparison
          before={sides.before}
          after={sides.after}
          wt={wt}
          afterMetrics={<ProjectedState before={sides.before} after={sides.after} wt={wt} />}
        />
      </div>
    </section>
  );
}

function StatePicker({
  label,
  value,
  states,
  exclude,
  onChange,
}: {
  label: string;
  value: string;
  states: MapState[];
  exclude: string;
  onChange: (id: string) => void;
}) {
  const id = useId();
  const { t } = useTranslation('panels');
  return (
    <div className="state-picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {states.map((s) => (
          <option key={s.id} value={s.id} disabled={s.id === exclude}>
            {t('compare.stateOption', { name: s.name, kind: t(`compare.kinds.${s.kind}`) })}
          </option>
        ))}
      </select>
    </div>
  );
}

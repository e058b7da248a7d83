// "Connect to…": the keyboard's way to draw an arrow. C on a selected step opens it; typing
// filters the steps (connectTargets.ts), ↑/↓ choose, Enter draws the flow arrow, Esc closes and
// returns to the step. A combobox over a listbox, as in a command palette.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveState } from '../store/selectors.ts';
import { useCanvasActions } from './ActionsContext.ts';
import { useCanvasUi } from './canvasUi.ts';
import { connectTargets } from './connectTargets.ts';
import './connectDialog.css';

export function ConnectDialog() {
  const from = useCanvasUi((s) => s.connectingFrom);
  if (from === null) return null;
  return <Picker key={from} from={from} />;
}

function Picker({ from }: { from: string }) {
  const { t } = useTranslation('canvas');
  const actions = useCanvasActions();
  const state = useActiveState();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const id = useId();
  const targets = useMemo(
    () => (state ? connectTargets(state, from, query) : []),
    [state, from, query],
  );
  const source = state?.nodes[from];
  if (!state || !source) return null;
  const chosen = targets[Math.min(active, targets.length - 1)] ?? null;
  const sourceName = source.name?.trim() ? source.name : t('connect.unnamed');

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const n = Math.max(1, targets.length);
      setActive((i) => (Math.min(i, n - 1) + step + n) % n);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (chosen) actions.connectTo(chosen.id);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      actions.closeConnect();
    }
  };

  return (
    <div className="fm-connect-backdrop">
      <div className="fm-connect" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('connect.title', { name: sourceName })}</h2>
        <input
          // biome-ignore lint/a11y/noAutofocus: the picker exists to be typed into right away
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-activedescendant={chosen ? `${id}-${chosen.id}` : undefined}
          aria-label={t('connect.search')}
          placeholder={t('connect.placeholder')}
          value={query}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => actions.closeConnect()}
        />
        <div id={`${id}-list`} role="listbox" aria-label={t('connect.targets')}>
          {targets.map((target) => (
            <div
              key={target.id}
              id={`${id}-${target.id}`}
              role="option"
              tabIndex={-1}
              aria-selected={target === chosen}
              className="fm-connect-option"
              // The input keeps focus: a press must not blur it before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => actions.connectTo(target.id)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') actions.connectTo(target.id);
              }}
            >
              {target.name}
            </div>
          ))}
        </div>
        {targets.length === 0 && <p className="fm-connect-empty">{t('connect.none')}</p>}
        <p className="fm-connect-hint">{t('connect.hint')}</p>
      </div>
    </div>
  );
}

// The top bar's way into a comparison of two states: one button when there is a single other state,
// a menu of them otherwise, and while comparing a pressed button that closes the comparison.
import type { MapState } from '@flowmap/shared';
import { useTranslation } from 'react-i18next';
import { setEditor } from '../../store/editorStore.ts';
import { CompareIcon } from '../../ui/icons.tsx';
import { KindChip } from '../../ui/KindChip.tsx';
import { Menu, MenuItem } from '../../ui/Menu.tsx';

interface Props {
  /** The states other than the one in view. */
  others: readonly MapState[];
  /** The state compared with the one in view, while comparing. */
  compareWith: string | null;
}

export function CompareControl({ others, compareWith }: Props) {
  const { t } = useTranslation('topbar');
  if (compareWith !== null) {
    return (
      <button
        type="button"
        className="tab-action"
        aria-pressed="true"
        onClick={() => setEditor({ compareWith: null })}
        title={t('compare.close')}
      >
        <CompareLabel />
      </button>
    );
  }
  const only = others.length === 1 ? others[0] : undefined;
  if (only) {
    return (
      <button
        type="button"
        className="tab-action"
        onClick={() => setEditor({ compareWith: only.id })}
        title={t('compare.withOther')}
      >
        <CompareLabel />
      </button>
    );
  }
  return (
    <Menu
      label={<CompareLabel />}
      buttonClassName="tab-action"
      disabled={others.length === 0}
      title={others.length === 0 ? t('compare.needFuture') : t('compare.states')}
    >
      {(close) =>
        others.map((other) => (
          <MenuItem
            key={other.id}
            onSelect={() => {
              close();
              setEditor({ compareWith: other.id });
            }}
          >
            {t('compare.with', { name: other.name })} <KindChip kind={other.kind} />
          </MenuItem>
        ))
      }
    </Menu>
  );
}

function CompareLabel() {
  const { t } = useTranslation('topbar');
  return (
    <>
      <CompareIcon className="tab-icon" />
      {t('compare.label')}
    </>
  );
}

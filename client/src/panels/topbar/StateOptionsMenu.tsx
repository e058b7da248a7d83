// The ⋯ menu beside the tabs, for editors: rename or delete the state in view. Deleting is offered
// only while another state remains, since a map needs at least one.
import type { MapState } from '@flowmap/shared';
import { useTranslation } from 'react-i18next';
import { DotsIcon } from '../../ui/icons.tsx';
import { Menu, MenuItem } from '../../ui/Menu.tsx';

interface Props {
  state: MapState;
  /** Whether the map has another state, so this one may be deleted. */
  canDelete: boolean;
  onRename(): void;
  onDelete(): void;
}

export function StateOptionsMenu({ state, canDelete, onRename, onDelete }: Props) {
  const { t } = useTranslation('topbar');
  return (
    <Menu
      label={<DotsIcon />}
      ariaLabel={t('states.options', { name: state.name })}
      title={t('states.optionsTip')}
      buttonClassName="icon-button"
    >
      {(close) => (
        <>
          <MenuItem
            onSelect={() => {
              close();
              onRename();
            }}
          >
            {t('states.rename')}
          </MenuItem>
          <MenuItem
            danger
            disabled={!canDelete}
            title={canDelete ? undefined : t('states.needOne')}
            onSelect={() => {
              close();
              onDelete();
            }}
          >
            {t('states.deleteMenu')}
          </MenuItem>
        </>
      )}
    </Menu>
  );
}

// The library's header: the Flowmap mark, the language picker and, once there are maps, importing
// and creating one.
// (With no maps yet, the empty library offers both in its own words.)

import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { Mark } from '../../ui/Mark.tsx';
import { ImportButton } from './ImportButton.tsx';

interface Props {
  /** Show the import and "New map" buttons. */
  actions: boolean;
  onImport: (file: File) => void;
  onNewMap: () => void;
}

export function LibraryHeader({ actions, onImport, onNewMap }: Props) {
  const { t } = useTranslation('library');
  return (
    <header className="library-header">
      <div className="library-brand">
        <Mark size={30} />
        <span className="library-wordmark">Flowmap</span>
      </div>
      <div className="library-header-actions">
        {actions && (
          <>
            <ImportButton onFile={onImport} />
            <button type="button" className="primary" onClick={onNewMap}>
              <PlusIcon /> {t('newMapButton')}
            </button>
          </>
        )}
        <LanguageSwitch />
      </div>
    </header>
  );
}

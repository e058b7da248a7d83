// The owner's map library (`/`): list, create (blank or template), import, rename, duplicate,
// delete and share maps. Needs the owner key printed by the server at start-up.
import type { TemplateId } from '@flowmap/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetOwnerKey, ownerKey } from '../api/http.ts';
import { ConfirmDialog } from '../ui/Dialog.tsx';
import { EmptyLibrary } from './library/EmptyLibrary.tsx';
import { ImportProblems } from './library/ImportProblems.tsx';
import { LibraryHeader } from './library/LibraryHeader.tsx';
import { LinkDialog } from './library/LinkDialog.tsx';
import { MapTable } from './library/MapTable.tsx';
import { NewMapDialog } from './library/NewMapDialog.tsx';
import { NoKey } from './library/NoKey.tsx';
import { useLibraryActions } from './library/useLibraryActions.ts';
import { useLibraryNotices } from './library/useLibraryNotices.ts';
import { useMapLibrary } from './library/useMapLibrary.ts';
import './library/library.css';

export function LibraryPage() {
  const [hasKey, setHasKey] = useState(() => ownerKey() !== null);
  const forget = () => {
    forgetOwnerKey();
    setHasKey(false);
  };
  return (
    <div className="library">
      {hasKey ? (
        <Library onForget={forget} />
      ) : (
        <main className="library-main">
          <NoKey rejected={false} onForget={forget} />
        </main>
      )}
    </div>
  );
}

function Library({ onForget }: { onForget: () => void }) {
  const library = useMapLibrary();
  const { status, maps, links, reload } = library;
  const notices = useLibraryNotices();
  const actions = useLibraryActions(library, notices);
  const { deleting } = actions.deleteMap;
  const [newMap, setNewMap] = useState<TemplateId | null>(null);
  const { t } = useTranslation('library');
  const hasMaps = status === 'ready' && maps.length > 0;

  if (status === 'unauthorized') {
    return (
      <main className="library-main">
        <NoKey rejected onForget={onForget} />
      </main>
    );
  }

  return (
    <>
      <LibraryHeader
        actions={hasMaps}
        onImport={actions.importMap}
        onNewMap={() => setNewMap('software-delivery')}
      />

      <main className="library-main">
        <div className="library-title-row">
          <h1>{t('title')}</h1>
          {hasMaps && <span className="library-count">{t('count', { count: maps.length })}</span>}
        </div>

        <div className="library-messages">
          <p className="library-notice" role="status" aria-live="polite">
            {notices.notice}
          </p>
          {notices.actionError && (
            <p className="banner banner-error library-alert" role="alert">
              {notices.actionError}
            </p>
          )}
          {actions.importFailure && (
            <ImportProblems
              failure={actions.importFailure}
              onDismiss={actions.dismissImportFailure}
            />
          )}
        </div>

        {status === 'loading' && <p className="library-loading">{t('loading')}</p>}
        {status === 'error' && (
          <div className="library-error" role="alert">
            <p>{library.loadError ?? t('loadFailed')}</p>
            <button type="button" onClick={() => void reload()}>
              {t('tryAgain')}
            </button>
          </div>
        )}
        {status === 'ready' && maps.length === 0 && (
          <EmptyLibrary
            busy={actions.creating}
            onTemplate={() => void actions.startFromTemplate()}
            onBlank={() => setNewMap('blank')}
            onImport={actions.importMap}
          />
        )}
        {hasMaps && (
          <MapTable
            maps={maps}
            links={links}
            now={notices.now}
            highlight={notices.highlight}
            actions={actions.rows}
          />
        )}

        <footer className="library-footer">
          <button type="button" className="link-button" onClick={onForget}>
            {t('forgetKey')}
          </button>
        </footer>
      </main>

      <NewMapDialog
        open={newMap !== null}
        initialTemplate={newMap ?? 'software-delivery'}
        onClose={() => setNewMap(null)}
        onCreate={actions.create}
      />

      <ConfirmDialog
        open={deleting !== null}
        title={t('delete.title', { title: deleting?.title ?? '' })}
        message={<p>{t('delete.message')}</p>}
        confirmLabel={t('delete.confirm')}
        busy={actions.deleteMap.busy}
        error={actions.deleteMap.error}
        onConfirm={() => void actions.deleteMap.confirm()}
        onCancel={actions.deleteMap.cancel}
      />

      <LinkDialog shown={actions.shownLink} onClose={actions.closeLink} />
    </>
  );
}

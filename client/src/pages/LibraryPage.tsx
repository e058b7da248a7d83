// The owner's map library (`/`): list, create (blank or template), import, rename, duplicate,
// delete and share maps. Needs the owner key printed by the server at start-up.
import type { TemplateId } from '@flowmap/shared';
import { SOFTWARE_DELIVERY_TITLE } from '@flowmap/shared';
import { useEffect, useId, useState } from 'react';
import { api, forgetOwnerKey, type MapSummary, ownerKey } from '../api/http.ts';
import { ConfirmDialog, Dialog } from '../panels/chrome/Dialog.tsx';
import { Mark } from '../panels/chrome/Mark.tsx';
import { EmptyLibrary } from './library/EmptyLibrary.tsx';
import { ImportButton, type ImportOutcome, importFile } from './library/ImportButton.tsx';
import { MapTable, type RowActions } from './library/MapTable.tsx';
import { NewMapDialog } from './library/NewMapDialog.tsx';
import { NoKey } from './library/NoKey.tsx';
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

type Failure = Extract<ImportOutcome, { ok: false }>;

function Library({ onForget }: { onForget: () => void }) {
  const library = useMapLibrary();
  const { status, maps, links, handleError, reload } = library;
  const [now, setNow] = useState(() => Date.now());
  const [newMap, setNewMap] = useState<TemplateId | null>(null);
  const [deleting, setDeleting] = useState<MapSummary | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [shownLink, setShownLink] = useState<{ title: string; link: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [importFailure, setImportFailure] = useState<Failure | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (!highlight) return;
    const timer = setTimeout(() => setHighlight(null), 4000);
    return () => clearTimeout(timer);
  }, [highlight]);

  const announce = (message: string, id: string | null = null) => {
    setNotice(message);
    setActionError(null);
    setHighlight(id);
    setNow(Date.now());
  };

  const create = async (title: string, template: TemplateId): Promise<string | null> => {
    try {
      const created = await api.createMap(title, template);
      window.location.assign(`/m/${created.id}?token=${encodeURIComponent(created.editToken)}`);
      return null;
    } catch (error) {
      return handleError(error);
    }
  };

  const startFromTemplate = async () => {
    setCreating(true);
    const failure = await create(SOFTWARE_DELIVERY_TITLE, 'software-delivery');
    if (failure) {
      setActionError(failure);
      setCreating(false);
    }
  };

  const onImport = async (file: File) => {
    setImportFailure(null);
    try {
      const outcome = await importFile(file);
      if (outcome.ok) {
        await reload();
        announce(`Imported “${outcome.title || file.name}”.`, outcome.links.id);
      } else {
        setImportFailure(outcome);
        setNotice(null);
      }
    } catch (error) {
      setActionError(handleError(error));
    }
  };

  const actions: RowActions = {
    rename: async (map, title) => {
      try {
        await api.renameMap(map.id, title);
        await reload();
        announce(`Renamed to “${title}”.`, map.id);
        return null;
      } catch (error) {
        return handleError(error);
      }
    },
    duplicate: async (map) => {
      try {
        const copy = await api.duplicateMap(map.id);
        await reload();
        announce(`Duplicated “${map.title}”.`, copy.id);
      } catch (error) {
        setActionError(handleError(error));
      }
    },
    remove: (map) => {
      setDeleteError(null);
      setDeleting(map);
    },
    showLink: (title, link) => setShownLink({ title, link }),
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    setDeleteBusy(true);
    try {
      await api.deleteMap(deleting.id);
      const title = deleting.title;
      setDeleting(null);
      await reload();
      announce(`Deleted “${title}”.`);
    } catch (error) {
      setDeleteError(handleError(error));
    } finally {
      setDeleteBusy(false);
    }
  };

  if (status === 'unauthorized') {
    return (
      <main className="library-main">
        <NoKey rejected onForget={onForget} />
      </main>
    );
  }

  return (
    <>
      <header className="library-header">
        <div className="library-brand">
          <Mark size={30} />
          <span className="library-wordmark">Flowmap</span>
        </div>
        {status === 'ready' && maps.length > 0 && (
          <div className="library-header-actions">
            <ImportButton onFile={onImport} />
            <button
              type="button"
              className="primary"
              onClick={() => setNewMap('software-delivery')}
            >
              <PlusIcon /> New map
            </button>
          </div>
        )}
      </header>

      <main className="library-main">
        <div className="library-title-row">
          <h1>Your maps</h1>
          {status === 'ready' && maps.length > 0 && (
            <span className="library-count">
              {maps.length === 1 ? '1 map' : `${maps.length} maps`}
            </span>
          )}
        </div>

        <div className="library-messages">
          <p className="library-notice" role="status" aria-live="polite">
            {notice}
          </p>
          {actionError && (
            <p className="banner banner-error library-alert" role="alert">
              {actionError}
            </p>
          )}
          {importFailure && (
            <ImportProblems failure={importFailure} onDismiss={() => setImportFailure(null)} />
          )}
        </div>

        {status === 'loading' && <p className="library-loading">Loading your maps…</p>}
        {status === 'error' && (
          <div className="library-error" role="alert">
            <p>{library.loadError ?? 'Your maps could not be loaded.'}</p>
            <button type="button" onClick={() => void reload()}>
              Try again
            </button>
          </div>
        )}
        {status === 'ready' && maps.length === 0 && (
          <EmptyLibrary
            busy={creating}
            onTemplate={() => void startFromTemplate()}
            onBlank={() => setNewMap('blank')}
            onImport={onImport}
          />
        )}
        {status === 'ready' && maps.length > 0 && (
          <MapTable maps={maps} links={links} now={now} highlight={highlight} actions={actions} />
        )}

        <footer className="library-footer">
          <button type="button" className="link-button" onClick={onForget}>
            Forget the owner key on this browser
          </button>
        </footer>
      </main>

      <NewMapDialog
        open={newMap !== null}
        initialTemplate={newMap ?? 'software-delivery'}
        onClose={() => setNewMap(null)}
        onCreate={create}
      />

      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.title ?? ''}”?`}
        message={
          <p>
            The map and all its states are deleted for good. Everyone holding its edit or view link
            loses access, including people who have it open right now.
          </p>
        }
        confirmLabel="Delete map"
        busy={deleteBusy}
        error={deleteError}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      />

      <LinkDialog shown={shownLink} onClose={() => setShownLink(null)} />
    </>
  );
}

function ImportProblems({ failure, onDismiss }: { failure: Failure; onDismiss: () => void }) {
  const MAX = 20;
  const unique = [...new Set(failure.messages)];
  return (
    <div className="import-problems" role="alert">
      <div className="import-problems-head">
        <strong>
          “{failure.fileName}” was not imported. {failure.summary}
        </strong>
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      <p className="import-problems-sub">Nothing was changed. Fix these and import it again:</p>
      {unique.length > 0 && (
        <ul>
          {unique.slice(0, MAX).map((m) => (
            <li key={m}>
              <code>{m}</code>
            </li>
          ))}
          {unique.length > MAX && <li>…and {unique.length - MAX} more.</li>}
        </ul>
      )}
    </div>
  );
}

function LinkDialog({
  shown,
  onClose,
}: {
  shown: { title: string; link: string } | null;
  onClose: () => void;
}) {
  const id = useId();
  return (
    <Dialog open={shown !== null} title="Copy the link" onClose={onClose}>
      {shown && (
        <div className="field">
          <label htmlFor={id}>{shown.title}</label>
          <input
            id={id}
            data-autofocus
            readOnly
            value={shown.link}
            className="link-input"
            onFocus={(event) => event.currentTarget.select()}
          />
          <p className="field-hint">
            This browser did not allow copying. Press Ctrl+C (⌘C on a Mac) to copy the selected
            link.
          </p>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

function PlusIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

// What the owner does in the library, through the API: create a map (blank or from the template)
// and open it, import one from a file, rename, duplicate, delete, and show a link that could not be
// copied. Each outcome is announced on the page (useLibraryNotices); a 401 turns the page into the
// "key not accepted" one (useMapLibrary's handleError).
import type { TemplateId } from '@flowmap/shared';
import { SOFTWARE_DELIVERY_TITLE } from '@flowmap/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/http.ts';
import { importFile } from './ImportButton.tsx';
import type { ImportFailure } from './ImportProblems.tsx';
import type { ShownLink } from './LinkDialog.tsx';
import type { RowActions } from './MapTable.tsx';
import { useDeleteMap } from './useDeleteMap.ts';
import type { LibraryNotices } from './useLibraryNotices.ts';
import type { MapLibrary } from './useMapLibrary.ts';

export function useLibraryActions(library: MapLibrary, notices: LibraryNotices) {
  const { reload, handleError } = library;
  const { t } = useTranslation('library');
  const [creating, setCreating] = useState(false);
  const [importFailure, setImportFailure] = useState<ImportFailure | null>(null);
  const [shownLink, setShownLink] = useState<ShownLink | null>(null);
  const deleteMap = useDeleteMap(async (title) => {
    await reload();
    notices.announce(t('notices.deleted', { title }));
  }, handleError);

  /** Creates a map and opens it with its edit link; returns why it failed, or null. */
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
      notices.showError(failure);
      setCreating(false);
    }
  };

  const importMap = async (file: File) => {
    setImportFailure(null);
    try {
      const outcome = await importFile(file);
      if (outcome.ok) {
        await reload();
        notices.announce(
          t('notices.imported', { title: outcome.title || file.name }),
          outcome.links.id,
        );
      } else {
        setImportFailure(outcome);
        notices.clearNotice();
      }
    } catch (error) {
      notices.showError(handleError(error));
    }
  };

  const rows: RowActions = {
    rename: async (map, title) => {
      try {
        await api.renameMap(map.id, title);
        await reload();
        notices.announce(t('notices.renamed', { title }), map.id);
        return null;
      } catch (error) {
        return handleError(error);
      }
    },
    duplicate: async (map) => {
      try {
        const copy = await api.duplicateMap(map.id);
        await reload();
        notices.announce(t('notices.duplicated', { title: map.title }), copy.id);
      } catch (error) {
        notices.showError(handleError(error));
      }
    },
    remove: deleteMap.ask,
    showLink: (title, link) => setShownLink({ title, link }),
  };

  return {
    create,
    creating,
    startFromTemplate,
    importMap,
    importFailure,
    dismissImportFailure: () => setImportFailure(null),
    rows,
    deleteMap,
    shownLink,
    closeLink: () => setShownLink(null),
  };
}

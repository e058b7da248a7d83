// The map's name in the top bar, with the Flowmap mark leading back to the library for owners.
// Editors rename the map in place; viewers see the title only.
import { updateMeta } from '@flowmap/shared/doc';
import { useEffect, useState } from 'react';
import { ownerKey } from '../../api/http.ts';
import { useCanEdit, useMeta } from '../../store/selectors.ts';
import { runCommand } from '../../sync/runCommand.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { InlineEdit } from '../../ui/InlineEdit.tsx';
import { PencilIcon } from '../../ui/icons.tsx';
import { Mark } from '../../ui/Mark.tsx';
import { asSentence, checkTitle } from './titles.ts';
import './titleBar.css';
import { useTranslation } from 'react-i18next';

export function TitleBar() {
  const { t } = useTranslation('topbar');
  const { t: tc } = useTranslation('common');
  const session = useSession();
  const meta = useMeta();
  const title = meta?.title ?? '';
  const canEdit = useCanEdit();
  const [editing, setEditing] = useState(false);
  // The owner key lives in this browser only; a workshop participant has no library to go to.
  const [isOwner] = useState(() => ownerKey() !== null);

  useEffect(() => {
    document.title = title ? `${title} · Flowmap` : 'Flowmap';
    return () => {
      document.title = 'Flowmap';
    };
  }, [title]);

  const save = (value: string): string | null => {
    const problem = checkTitle(value, 'map title');
    if (problem) return problem;
    const done = runCommand(() => updateMeta(session.doc, { title: value.trim() }));
    return done.ok ? null : asSentence(done.error);
  };

  return (
    <div className="titlebar">
      {isOwner ? (
        <a href="/" className="brand" title={t('title.back')}>
          <Mark />
          <span className="visually-hidden">{t('title.backHidden')}</span>
        </a>
      ) : (
        <span className="brand" title="Flowmap">
          <Mark />
        </span>
      )}
      {meta === null ? (
        // The map is on its way: no "Untitled map" to rename (it would write into an empty copy).
        <h1 className="titlebar-title titlebar-waiting" aria-busy="true">
          <span className="visually-hidden">{tc('editor.loading')}</span>
        </h1>
      ) : editing ? (
        <InlineEdit
          className="titlebar-edit"
          initial={title}
          label={t('title.label')}
          onCommit={save}
          onDone={() => setEditing(false)}
        />
      ) : (
        <h1 className="titlebar-title">
          {canEdit ? (
            <button
              type="button"
              className="titlebar-rename"
              title={t('title.renameTip', { title: title || t('title.untitled') })}
              onClick={() => setEditing(true)}
            >
              <span className="titlebar-text">{title || t('title.untitled')}</span>
              <span className="visually-hidden"> {t('title.rename')}</span>
              <PencilIcon className="titlebar-pencil" />
            </button>
          ) : (
            <span className="titlebar-text" title={title}>
              {title || t('title.untitled')}
            </span>
          )}
        </h1>
      )}
    </div>
  );
}

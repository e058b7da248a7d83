// The map's name in the top bar, with the Flowmap mark leading back to the library for owners.
// Editors rename the map in place; viewers see the title only.
import { updateMeta } from '@flowmap/shared/doc';
import { useEffect, useState } from 'react';
import { ownerKey } from '../api/http.ts';
import { useSession } from '../app/SessionContext.tsx';
import { useCanEdit, useMeta } from '../store/selectors.ts';
import { InlineEdit } from './chrome/InlineEdit.tsx';
import { Mark } from './chrome/Mark.tsx';
import { checkTitle, errorMessage } from './chrome/titles.ts';
import './chrome/chrome.css';

export function TitleBar() {
  const session = useSession();
  const title = useMeta()?.title ?? '';
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
    try {
      updateMeta(session.doc, { title: value.trim() });
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  };

  return (
    <div className="titlebar">
      {isOwner ? (
        <a href="/" className="brand" title="Back to your maps">
          <Mark />
          <span className="visually-hidden">Flowmap — back to your maps</span>
        </a>
      ) : (
        <span className="brand" title="Flowmap">
          <Mark />
        </span>
      )}
      {editing ? (
        <InlineEdit
          className="titlebar-edit"
          initial={title}
          label="Map title"
          onCommit={save}
          onDone={() => setEditing(false)}
        />
      ) : (
        <h1 className="titlebar-title">
          {canEdit ? (
            <button
              type="button"
              className="titlebar-rename"
              title={`${title || 'Untitled map'} — click to rename`}
              onClick={() => setEditing(true)}
            >
              <span className="titlebar-text">{title || 'Untitled map'}</span>
              <span className="visually-hidden"> (rename)</span>
              <PencilIcon />
            </button>
          ) : (
            <span className="titlebar-text" title={title}>
              {title || 'Untitled map'}
            </span>
          )}
        </h1>
      )}
    </div>
  );
}

function PencilIcon() {
  return (
    <svg className="titlebar-pencil" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d="M11.3 2.3a1 1 0 0 1 1.4 0l1 1a1 1 0 0 1 0 1.4L6 12.4 3 13l.6-3z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinejoin="round"
      />
    </svg>
  );
}

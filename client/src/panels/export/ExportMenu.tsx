// The Export menu in the editor's top bar: the active state as PNG, SVG or PDF, the whole map as
// PDF, CSV or JSON. View-only links export too. Keyboard: Enter or ArrowDown opens it, arrows
// move, Enter downloads, Escape closes; progress and failures are announced.
import { Fragment, useEffect, useState } from 'react';
import { useSession } from '../../app/SessionContext.tsx';
import { useEditor } from '../../store/editorStore.ts';
import { useActiveState, useMeta } from '../../store/selectors.ts';
import { Menu, MenuItem } from '../chrome/Menu.tsx';
import { downloadExport, ExportFailed } from './download.ts';
import { type ExportChoice, exportGroups, exportUrl } from './exportChoices.ts';
import './export.css';

type Status = { kind: 'busy' | 'done' | 'error'; text: string } | null;

const CLEAR_AFTER_MS = 6000;

export function ExportMenu() {
  const session = useSession();
  const active = useActiveState();
  const title = useMeta()?.title ?? '';
  const unsynced = useEditor((s) => s.unsynced);
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => {
    if (!status || status.kind === 'busy') return;
    const timer = setTimeout(() => setStatus(null), CLEAR_AFTER_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const run = async (choice: ExportChoice) => {
    const what = `${choice.label}${choice.stateId ? ` of ${active?.name ?? 'the state'}` : ''}`;
    setStatus({ kind: 'busy', text: `Preparing ${what}…` });
    const { mapId, token } = session.options;
    try {
      const url = exportUrl(mapId, token, choice.format, choice.stateId);
      const file = await downloadExport(url, `${title || 'flowmap'}.${choice.format}`);
      const pending = unsynced ? ' Your latest edits were still on their way to the server.' : '';
      setStatus({ kind: 'done', text: `${file.note ?? `Downloaded ${file.name}.`}${pending}` });
    } catch (error) {
      const text = error instanceof ExportFailed ? error.message : 'Export failed.';
      setStatus({ kind: 'error', text });
    }
  };

  return (
    <div className="export">
      <Menu
        label={
          <>
            <DownloadIcon /> Export
          </>
        }
        title="Download this map as an image, PDF, spreadsheet or JSON"
        buttonClassName="export-button"
        align="right"
      >
        {(close) =>
          exportGroups(active ? { id: active.id, name: active.name } : null).map((group) => (
            <Fragment key={group.title}>
              {/* Seen, not read: each item says for itself what it exports. */}
              <div className="export-heading" aria-hidden="true">
                {group.title}
              </div>
              {group.choices.map((choice) => (
                <MenuItem
                  key={choice.key}
                  onSelect={() => {
                    close();
                    void run(choice);
                  }}
                >
                  <span className="export-item">
                    <span className="export-label">
                      {choice.label}
                      <span className="visually-hidden">
                        {choice.stateId ? ` of ${group.title}` : ' of the whole map'}
                      </span>
                    </span>
                    <span className="export-detail">{choice.detail}</span>
                  </span>
                </MenuItem>
              ))}
            </Fragment>
          ))
        }
      </Menu>
      <span
        className={`export-status${status?.kind === 'error' ? ' export-status-error' : ''}`}
        role={status?.kind === 'error' ? 'alert' : 'status'}
        aria-live="polite"
      >
        {status?.text ?? ''}
      </span>
    </div>
  );
}

function DownloadIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d="M8 2v8m-3.5-3.5L8 10l3.5-3.5M3 13h10"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

// The Export menu in the editor's top bar: the active state as PNG, SVG or PDF, the whole map as
// PDF, CSV or JSON. View-only links export too. Keyboard: Enter or ArrowDown opens it, arrows
// move, Enter downloads, Escape closes; progress and failures are announced.
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/editorStore.ts';
import { useActiveState, useMeta } from '../../store/selectors.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { DownloadIcon } from '../../ui/icons.tsx';
import { Menu, MenuItem } from '../../ui/Menu.tsx';
import { downloadExport, ExportFailed } from './download.ts';
import { type ExportChoice, exportGroups, exportUrl } from './exportChoices.ts';
import './export.css';

type Status = { kind: 'busy' | 'done' | 'error'; text: string } | null;

const CLEAR_AFTER_MS = 6000;

export function ExportMenu() {
  const session = useSession();
  const { t } = useTranslation('exportDialog');
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
    const text = choice.stateId
      ? t('preparingOf', { what: choice.label, state: active?.name ?? t('theState') })
      : t('preparing', { what: choice.label });
    setStatus({ kind: 'busy', text });
    const { mapId, token } = session.options;
    try {
      const url = exportUrl(mapId, token, choice.format, choice.stateId);
      const file = await downloadExport(t, url, `${title || 'flowmap'}.${choice.format}`);
      const pending = unsynced ? t('pending') : '';
      // The server's note about the file (a PNG scaled down) is in the map's language.
      const done = file.note ?? t('downloaded', { name: file.name });
      setStatus({ kind: 'done', text: `${done}${pending}` });
    } catch (error) {
      const text = error instanceof ExportFailed ? error.message : t('failed');
      setStatus({ kind: 'error', text });
    }
  };

  return (
    <div className="export">
      <Menu
        label={
          <>
            <DownloadIcon /> {t('button')}
          </>
        }
        title={t('title')}
        buttonClassName="export-button"
        align="right"
      >
        {(close) =>
          exportGroups(t, active ? { id: active.id, name: active.name } : null).map((group) => (
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
                        {choice.stateId ? t('ofState', { state: group.title }) : t('ofWholeMap')}
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

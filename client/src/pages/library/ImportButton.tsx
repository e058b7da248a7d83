// Import a map from a map JSON file (schema v2 or v1) (e.g. an export, or `flowmap template`). The server
// validates it; a refused file changes nothing and its problems are listed on the page.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type MapLinks } from '../../api/http.ts';
import { UploadIcon } from '../../ui/icons.tsx';

/** Why a file was refused, worded by ImportProblems in the reader's language. */
export type ImportRefusal = 'notJson' | 'invalid' | 'tooLarge';

export type ImportOutcome =
  | { ok: true; links: MapLinks; title: string }
  | { ok: false; fileName: string; reason: ImportRefusal; messages: string[] };

/** Reads and imports one file; every failure is turned into something a person can act on. */
export async function importFile(file: File): Promise<ImportOutcome> {
  const fail = (reason: ImportRefusal, messages: string[] = []): ImportOutcome => ({
    ok: false,
    fileName: file.name,
    reason,
    messages,
  });
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch (error) {
    return fail('notJson', [error instanceof Error ? error.message : String(error)]);
  }
  try {
    const links = await api.importMap(data);
    const title =
      data && typeof data === 'object' && 'meta' in data
        ? String((data as { meta?: { title?: unknown } }).meta?.title ?? '')
        : '';
    return { ok: true, links, title };
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      return fail('invalid', error.messages);
    }
    if (error instanceof ApiError && error.status === 413) {
      return fail('tooLarge');
    }
    throw error;
  }
}

export function ImportButton({ onFile }: { onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const { t } = useTranslation('library');
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        <UploadIcon className="button-icon" /> {t('import.button')}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('import.fileLabel')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Reset so that choosing the same file again (after fixing it) fires a change.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}

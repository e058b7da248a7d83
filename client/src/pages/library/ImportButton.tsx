// Import a map from a schema-v1 JSON file (e.g. an export, or `flowmap template`). The server
// validates it; a refused file changes nothing and its problems are listed on the page.
import { useRef } from 'react';
import { ApiError, api, type MapLinks } from '../../api/http.ts';

export type ImportOutcome =
  | { ok: true; links: MapLinks; title: string }
  | { ok: false; fileName: string; summary: string; messages: string[] };

/** Reads and imports one file; every failure is turned into something a person can act on. */
export async function importFile(file: File): Promise<ImportOutcome> {
  const fail = (summary: string, messages: string[] = []): ImportOutcome => ({
    ok: false,
    fileName: file.name,
    summary,
    messages,
  });
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch (error) {
    return fail('The file is not valid JSON.', [
      error instanceof Error ? error.message : String(error),
    ]);
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
      return fail('It is not a valid Flowmap map (schema v1).', error.messages);
    }
    if (error instanceof ApiError && error.status === 413) {
      return fail('The file is too large for this server.');
    }
    throw error;
  }
}

export function ImportButton({ onFile }: { onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        <UploadIcon /> Import JSON
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Import a map from a JSON file"
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

function UploadIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" className="button-icon">
      <path
        d="M8 10.5V2.5m-3 3 3-3 3 3M2.5 10v2.5a1 1 0 0 0 1 1h9a1 1 0 0 0 1-1V10"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

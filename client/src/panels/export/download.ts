// Fetches an export and hands it to the browser as a download. Fetching first (instead of a plain
// link) lets the editor show progress, name the file as the server does, and say why an export
// failed rather than saving an error page as "map.pdf".
import { fileNameFromDisposition } from '@flowmap/shared';
import type { TFunction } from 'i18next';
import { failureMessage } from './exportChoices.ts';

export class ExportFailed extends Error {}

export interface Downloaded {
  name: string;
  /** The server's note about the file (e.g. a PNG scaled down), or null. */
  note: string | null;
}

export async function downloadExport(
  t: TFunction<'exportDialog'>,
  url: string,
  fallbackName: string,
): Promise<Downloaded> {
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-store' });
  } catch {
    throw new ExportFailed(failureMessage(t, 0, null));
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: unknown };
    throw new ExportFailed(
      failureMessage(t, res.status, typeof body.error === 'string' ? body.error : null),
    );
  }
  const blob = await res.blob();
  const name = fileNameFromDisposition(res.headers.get('content-disposition')) ?? fallbackName;
  saveBlob(blob, name);
  return { name, note: res.headers.get('x-flowmap-note') };
}

/** Hands `blob` to the browser as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the blob once the click is handled; keep it a moment for slow ones.
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}

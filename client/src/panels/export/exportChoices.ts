// What the Export menu offers and where each choice downloads from. Every file comes from the
// server's export endpoints, the same code path as the CLI, so a download from the editor is the
// same file a script gets for the same map.

import type { TFunction } from 'i18next';

type ExportT = TFunction<'exportDialog'>;

export type ExportFormat = 'svg' | 'png' | 'pdf' | 'csv' | 'json';

type ChoiceKey = 'png' | 'svg' | 'pdf-state' | 'pdf' | 'csv' | 'json';

export interface ExportChoice {
  key: ChoiceKey;
  format: ExportFormat;
  /** The menu item's text: what the file is. */
  label: string;
  /** What is in it, or what it is for. */
  detail: string;
  /** The state the file shows; null for the whole map. */
  stateId: string | null;
}

export interface ChoiceGroup {
  title: string;
  choices: ExportChoice[];
}

/** The active state's pictures first (what a facilitator exports most), then the whole map. */
export function exportGroups(
  t: ExportT,
  active: { id: string; name: string } | null,
): ChoiceGroup[] {
  const choice = (key: ChoiceKey, format: ExportFormat, stateId: string | null) => ({
    key,
    format,
    label: t(`choices.${key}.label`),
    detail: t(`choices.${key}.detail`),
    stateId,
  });
  const groups: ChoiceGroup[] = [];
  if (active) {
    const s = active.id;
    groups.push({
      title: active.name,
      choices: [choice('png', 'png', s), choice('svg', 'svg', s), choice('pdf-state', 'pdf', s)],
    });
  }
  groups.push({
    title: t('wholeMap'),
    choices: [choice('pdf', 'pdf', null), choice('csv', 'csv', null), choice('json', 'json', null)],
  });
  return groups;
}

export function exportUrl(
  mapId: string,
  token: string,
  format: ExportFormat,
  stateId: string | null,
): string {
  const query = new URLSearchParams({ token });
  if (stateId !== null && format !== 'json') query.set('state', stateId);
  return `/api/maps/${encodeURIComponent(mapId)}/export.${format}?${query.toString()}`;
}

/** Why an export failed, in words for the person who asked for it. */
export function failureMessage(t: ExportT, status: number, serverMessage: string | null): string {
  if (status === 0) return t('offline');
  if (status === 401 || status === 403) return t('forbidden');
  if (status === 503) return t('busy');
  return serverMessage ? t('refused', { message: serverMessage }) : t('status', { status });
}

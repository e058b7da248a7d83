// What the Export menu offers and where each choice downloads from. Every file comes from the
// server's export endpoints, the same code path as the CLI, so a download from the editor is the
// same file a script gets for the same map.

export type ExportFormat = 'svg' | 'png' | 'pdf' | 'csv' | 'json';

export interface ExportChoice {
  key: string;
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
export function exportGroups(active: { id: string; name: string } | null): ChoiceGroup[] {
  const groups: ChoiceGroup[] = [];
  if (active) {
    const s = active.id;
    groups.push({
      title: active.name,
      choices: [
        {
          key: 'png',
          format: 'png',
          label: 'PNG image',
          detail: 'Crisp at 2×, for slides',
          stateId: s,
        },
        {
          key: 'svg',
          format: 'svg',
          label: 'SVG image',
          detail: 'Scales to any size, for wikis',
          stateId: s,
        },
        {
          key: 'pdf-state',
          format: 'pdf',
          label: 'PDF',
          detail: 'This state and its metrics',
          stateId: s,
        },
      ],
    });
  }
  groups.push({
    title: 'Whole map',
    choices: [
      {
        key: 'pdf',
        format: 'pdf',
        label: 'PDF',
        detail: 'Every state, metrics and comparison, A3',
        stateId: null,
      },
      {
        key: 'csv',
        format: 'csv',
        label: 'CSV',
        detail: 'Every stage of every state, for spreadsheets',
        stateId: null,
      },
      {
        key: 'json',
        format: 'json',
        label: 'JSON',
        detail: 'The whole map, to import again',
        stateId: null,
      },
    ],
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
export function failureMessage(status: number, serverMessage: string | null): string {
  if (status === 0)
    return 'Export needs the server, and it cannot be reached. Check your connection.';
  if (status === 401 || status === 403) {
    return 'This link is no longer valid for the map. Ask the facilitator for the current one.';
  }
  if (status === 503) return 'The server is busy with other exports. Try again in a few seconds.';
  return serverMessage ? `Export failed: ${serverMessage}` : `Export failed (HTTP ${status}).`;
}

// English messages of the 'exportDialog' namespace: the source of truth for its keys (see ../../messages.ts).
// The editor's Export menu: what each file is, progress and failures.
export const exportDialog = {
  button: 'Export',
  title: 'Download this map as an image, PDF, spreadsheet or JSON',
  wholeMap: 'Whole map',
  ofState: ' of {{state}}',
  ofWholeMap: ' of the whole map',
  theState: 'the state',
  choices: {
    png: { label: 'PNG image', detail: 'Crisp at 2×, for slides' },
    svg: { label: 'SVG image', detail: 'Scales to any size, for wikis' },
    'pdf-state': { label: 'PDF', detail: 'This state and its metrics' },
    pdf: { label: 'PDF', detail: 'Every state, metrics and comparison, A3' },
    csv: { label: 'CSV', detail: 'Every stage of every state, for spreadsheets' },
    json: { label: 'JSON', detail: 'The whole map, to import again' },
  },
  preparing: 'Preparing {{what}}…',
  preparingOf: 'Preparing {{what}} of {{state}}…',
  downloaded: 'Downloaded {{name}}.',
  pending: ' Your latest edits were still on their way to the server.',
  failed: 'Export failed.',
  offline: 'Export needs the server, and it cannot be reached. Check your connection.',
  forbidden: 'This link is no longer valid for the map. Ask the facilitator for the current one.',
  busy: 'The server is busy with other exports. Try again in a few seconds.',
  refused: 'Export failed: {{message}}',
  status: 'Export failed (HTTP {{status}}).',
} as const;

// English messages of the 'measure' namespace: the source of truth for its keys (see ../../messages.ts).
// Import measurements: the dialog, the stage mapping, the preview of what would be written.
export const measure = {
  button: 'Measure',
  buttonTip: 'Import measurements: event and deployment logs from your tools',
  title: 'Import measurements',
  intro:
    'Pick an event log (item, stage, entered, exited, optional active_minutes) exported from Jira, GitLab or GitHub, as CSV or a JSON array. It is read here, in your browser: only the figures per stage are stored in the map, never the log.',
  eventsLabel: 'Event log',
  deploymentsLabel: 'Deployment log (optional: deployed_at, failed, restored_at, committed_at)',
  phases: {
    reading: 'Reading the file…',
    parsing: 'Reading rows…',
    aggregating: 'Measuring…',
  },
  refusedEvents: 'The event log was not imported; nothing was changed. Fix these rows:',
  refusedDeployments: 'The deployment log was not imported; nothing was changed. Fix these rows:',
  rowProblem: 'row {{row}}: {{message}}',
  mappingTitle: 'Log stages → map stages',
  mappingHelp:
    'Matched by name, ignoring case and spaces. Change a match, or leave a name uncounted.',
  mapStageFor: 'Map stage for “{{name}}”',
  notCounted: '— not counted —',
  unmatched: 'Not on the map (not counted): {{names}}',
  listSeparator: ', ',
  previewLabel: 'Measured figures',
  period: '{{from}} → {{to}} (UTC): {{items}} items, {{events}} events',
  conversion:
    "Calendar time × {{hours}} h × {{days}} d ÷ 168 h = × {{share}}: lead times below are working time, like the map's estimates.",
  stageHeader: {
    stage: 'Stage',
    passes: 'Passes',
    items: 'Items',
    ltP50: 'LT p50',
    ltP85: 'LT p85',
    ltMean: 'LT mean',
    pt: 'PT',
    pctCA: '%C/A',
    estimate: 'Estimate LT / %C/A',
  },
  doraLabel: 'Four key metrics, measured',
  doraTitle: 'Four key metrics, measured from {{deployments}} deployments',
  levels: { elite: 'elite', high: 'high', medium: 'medium', low: 'low' },
  useAll: 'Use the measured figures on the map now (the estimates are kept for comparison)',
  apply: 'Apply to the map',
  cancel: 'Cancel',
  nothingMatched: 'No stage of the log matches a stage of this state: map at least one name.',
  timing: '{{rows}} rows read in {{readMs}} ms and measured in {{aggregateMs}} ms, in this browser',
} as const;

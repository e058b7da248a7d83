// English messages of the 'common' namespace: the source of truth for its keys (see ../../messages.ts).
export const common = {
  language: {
    label: 'Language',
  },
  cancel: 'Cancel',
  deleting: 'Deleting…',
  guest: 'Guest',
  /** A server refusal without its own words (client/src/api/http.ts). */
  requestFailed: 'request failed ({{status}})',
  // Under every DORA level (client/src/ui/DoraTimeNote.tsx), as shared's doraTimeBasisNote words it.
  doraTimeBasis:
    "DORA levels are applied to working time: a day in DORA's bands is one working day ({{hours}} h), a week one working week ({{days}} d), a month 52/12 working weeks.",
  // A state's kind on its chip (client/src/ui/KindChip.tsx).
  kind: {
    current: 'current',
    future: 'future',
  },
  notFound: {
    title: 'Not found',
    goToMaps: 'Go to your maps',
  },
  // Opening a map and the editor's frame (client/src/pages/EditorPage.tsx).
  editor: {
    opening: 'Opening the map…',
    cannotOpen: 'Cannot open this map',
    missing: 'This map does not exist (any more). Ask the facilitator for a new link.',
    badLink:
      'This link is not valid for the map. It may have been replaced; ask the facilitator for the current one.',
    unreachable: 'Flowmap could not reach the server. Check your connection and reload.',
    viewOnly: 'View only: you can follow the workshop, but not change the map.',
    loading: 'Loading the map…',
    loadingSnapshots: 'Loading the snapshots…',
    details: 'Stage and map details',
    timeline: 'Timeline',
  },
  // What parseDuration says to the person who typed a duration (shared/src/model/durations.ts).
  duration: {
    examples: 'write e.g. 45m, 4h, 2d 4h or 1.5w',
    empty: 'Enter a duration: {{examples}}',
    negative: 'A duration cannot be negative',
    notADuration: '“{{input}}” is not a duration: {{examples}}',
    unknownUnit: 'Unknown unit “{{word}}”: use m, h, d or w',
    repeatedUnit: 'The unit “{{unit}}” appears twice',
    tooLarge: 'That duration is too large',
  },
  // How a comparison of two states words its figures: the Compare view and the PDF's comparison
  // page (shared/src/metrics/compareFormat.ts).
  compare: {
    expectedNote:
      'Totals follow the longest route with no work sent back (the worst case); expected figures weigh either/or routes by their shares and rework loops by their rates.',
    leadTime: 'Lead time',
    metric: {
      totalLeadTimeMinutes: 'Total lead time',
      expectedLeadTimeMinutes: 'Expected lead time',
      totalValueAddMinutes: 'Total value-add time',
      expectedValueAddMinutes: 'Expected value-add time',
      totalWaitingMinutes: 'Total waiting time',
      flowEfficiency: 'Flow efficiency',
      expectedFlowEfficiency: 'Expected flow efficiency',
      rolledPctCA: 'Rolled %C/A',
      stageCount: 'Stages',
    },
    field: {
      name: 'Name',
      team: 'Team',
      elapsedMinutes: 'Lead time (LT)',
      elapsedLowMinutes: 'Lowest lead time',
      elapsedHighMinutes: 'Highest lead time',
      valueAddMinutes: 'Value-add time (PT)',
      pctCA: '%C/A',
      ratedBy: '%C/A rated by',
      timeSource: 'Times',
      people: 'People',
      batchSize: 'Batch size',
      wipItems: 'Work in progress',
      outside: 'Outside step',
      notes: 'Notes',
      wait: 'Wait',
      items: 'Items waiting',
    },
    noChange: 'no change',
    points: '{{value}} pp',
    perWeek: '{{value}} per week',
    yes: 'yes',
    no: 'no',
    timeSource: {
      estimate: 'estimated',
      measured: 'measured',
    },
    edge: {
      rework: 'Rework {{from}} → {{to}}',
      route: 'Route {{from}} → {{to}}',
      reworkRate: 'Rework rate',
      routeShare: 'Route share',
    },
    summary: {
      plain: '{{label}} {{before}} → {{after}}',
      unchanged: '{{label}} {{before}} → {{after}}, no change',
      relative: '{{label}} {{before}} → {{after}}, {{relative}}',
      edge: '{{label}}: {{before}} → {{after}}',
    },
  },
  dora: {
    labels: {
      deploymentFrequency: 'Deployment frequency',
      leadTimeForChanges: 'Lead time for changes',
      changeFailureRate: 'Change failure rate',
      timeToRestore: 'Time to restore service',
    },
    none: 'none',
    perWeek: '{{value}} per week',
    perMonth: '{{value}} per month',
    perYear: '{{value}} per year',
  },
} as const;

// English messages of the 'forecast' namespace: the source of truth for its keys (see ../../messages.ts).
// The editor's forecast panel: the spread of lead times, the chart, each kaizen's effect.
export const forecast = {
  heading: 'Forecast',
  simulated: '{{trials}} simulated items',
  updating: 'Updating…',
  waiting: 'Simulating…',
  failed: 'The forecast failed: {{error}}',
  workerFailed: 'the forecast worker failed to start',
  noFigures: 'No forecast while the flow has a cycle.',
  columns: { current: 'Current', projected: 'With kaizens', future: 'Future' },
  rows: {
    p50: 'Half of the items within',
    p85: '85% of the items within',
    p95: '95% of the items within',
    mean: 'The average item',
  },
  rowNames: { p50: 'p50', p85: 'p85', p95: 'p95', mean: 'mean' },
  kaizens: 'Kaizens by effect, each alone',
  noSpread:
    'Every item takes the same time: no stage has a range (low and high LT) or measured figures, no rework arrow a rate and no split a share. Give the uncertain stages a range to see the spread.',
  explain:
    'Each stage’s lead time drawn from its range (low, likely, high) or measured figures, routes by share, rework by rate; parallel work waits for the longest branch.',
  within: '{{percent}} of {{units}} within {{duration}}',
  defaultUnits: 'items',
  kaizenEffect: '{{name}}: {{expected}} expected, {{p85}} at p85',
  noChange: 'no change',
  describeColumn: '{{column}}: {{within}}',
  describeSeparator: '; ',
  chartFailed: 'The chart could not be loaded; the table has the figures.',
} as const;

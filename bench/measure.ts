// The measured-reality benchmark (issue 17): a generated 100,000-row event log read and aggregated
// as the editor's worker does it (shared/measure), next to parsing alone (the baseline: Papa Parse
// plus row validation, the part every import pays). Target: parse + aggregate under 2 s.
import { DEFAULT_META } from '@flowmap/shared';
import {
  aggregateEvents,
  type EventRow,
  logStageNames,
  matchStages,
  parseEventLog,
  stagesOf,
} from '@flowmap/shared/measure';
import { measureLogs } from '@flowmap/shared/testing';
import { measure, printTimings } from './harness.ts';

const EVENTS = 100_000;

export function measureBench(): void {
  const text = measureLogs.largeEventsCsv(EVENTS);
  const state = measureLogs.pipelineState();
  const wt = DEFAULT_META;
  const parse = (): EventRow[] => {
    const read = parseEventLog(text);
    if (!read.ok) throw new Error('the benchmark log should be valid');
    return read.rows;
  };
  const rows = parse();
  const mapping = matchStages(logStageNames(rows), stagesOf(state));
  const mb = (text.length / 1024 / 1024).toFixed(1);
  const options = { runs: 5, warmup: 1 };
  const parsing = measure(
    `baseline: parse ${EVENTS.toLocaleString('en')} rows (${mb} MB CSV)`,
    parse,
    options,
  );
  const aggregating = measure(
    'aggregate the parsed rows',
    () => aggregateEvents(rows, state, wt, mapping),
    options,
  );
  const both = measure(
    'parse + match + aggregate (the import)',
    () => {
      const parsed = parse();
      aggregateEvents(parsed, state, wt, matchStages(logStageNames(parsed), stagesOf(state)));
    },
    options,
  );
  printTimings(
    `Measured reality: ${EVENTS.toLocaleString('en')} events (target: the import under 2 s)`,
    [parsing, aggregating, both],
    parsing,
  );
}

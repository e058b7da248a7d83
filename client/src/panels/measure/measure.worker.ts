// The Import measurements worker: reads a log file, parses and aggregates it off the main thread
// (a 100,000-row log must not freeze the workshop's canvas), reporting progress as it goes. The
// parsed event rows stay here between "parse" and each "aggregate" (the mapping can be edited
// and re-aggregated without reading the file again).
import {
  aggregateDeployments,
  aggregateEvents,
  type EventRow,
  logStageNames,
  parseDeploymentLog,
  parseEventLog,
} from '@flowmap/shared/measure';
import type { FromWorker, Phase, ToWorker } from './protocol.ts';

let events: EventRow[] = [];

function post(message: FromWorker): void {
  self.postMessage(message);
}

function progress(id: number, phase: Phase, done: number): void {
  post({ type: 'progress', id, phase, done });
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  const started = performance.now();
  if (message.type === 'parse') {
    const { id } = message;
    progress(id, 'reading', 0);
    const text = await message.file.text();
    const onProgress = (done: number) => progress(id, 'parsing', done);
    if (message.kind === 'events') {
      const read = parseEventLog(text, { onProgress });
      if (!read.ok) {
        events = [];
        post({ type: 'refused', id, problems: read.problems });
        return;
      }
      events = read.rows;
      const names = logStageNames(events);
      post({ type: 'events', id, names, rows: events.length, millis: performance.now() - started });
      return;
    }
    const read = parseDeploymentLog(text, { onProgress });
    if (!read.ok) {
      post({ type: 'refused', id, problems: read.problems });
      return;
    }
    const dora = aggregateDeployments(read.rows, message.wt);
    post({ type: 'deployments', id, dora, millis: performance.now() - started });
    return;
  }
  progress(message.id, 'aggregating', 0);
  const result = aggregateEvents(events, message.state, message.wt, message.mapping);
  post({ type: 'aggregated', id: message.id, result, millis: performance.now() - started });
};

// The dialog's handle on its worker: one request at a time per kind of answer, as promises, with
// progress reported to a callback. A new request supersedes an older one's progress.
import type { MapState, WorkingTime } from '@flowmap/shared';
import type {
  DoraMeasurement,
  MeasureResult,
  RowProblem,
  StageMapping,
} from '@flowmap/shared/measure';
import type { FromWorker, Phase, ToWorker } from './protocol.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type Answer<T> = { ok: true; value: T } | { ok: false; problems: RowProblem[] };

export interface Progress {
  phase: Phase;
  done: number;
}

export class MeasureWorker {
  private readonly worker = new Worker(new URL('./measure.worker.ts', import.meta.url), {
    type: 'module',
  });
  private next = 1;
  private readonly pending = new Map<number, (message: FromWorker) => void>();

  constructor(onProgress: (progress: Progress) => void) {
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress({ phase: message.phase, done: message.done });
        return;
      }
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message);
    };
  }

  private request(message: DistributiveOmit<ToWorker, 'id'>): Promise<FromWorker> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ ...message, id } as ToWorker);
    });
  }

  async parseEvents(
    file: Blob,
    wt: WorkingTime,
  ): Promise<Answer<{ names: string[]; rows: number; millis: number }>> {
    const answer = await this.request({ type: 'parse', kind: 'events', file, wt });
    if (answer.type === 'refused') return { ok: false, problems: answer.problems };
    if (answer.type !== 'events') throw new Error(`unexpected answer ${answer.type}`);
    return { ok: true, value: { names: answer.names, rows: answer.rows, millis: answer.millis } };
  }

  async parseDeployments(file: Blob, wt: WorkingTime): Promise<Answer<DoraMeasurement>> {
    const answer = await this.request({ type: 'parse', kind: 'deployments', file, wt });
    if (answer.type === 'refused') return { ok: false, problems: answer.problems };
    if (answer.type !== 'deployments') throw new Error(`unexpected answer ${answer.type}`);
    return { ok: true, value: answer.dora };
  }

  async aggregate(
    state: MapState,
    wt: WorkingTime,
    mapping: StageMapping,
  ): Promise<{ result: MeasureResult; millis: number }> {
    // A null-prototype mapping does not survive structured cloning as such; send plain entries.
    const plain = Object.fromEntries(Object.entries(mapping));
    const answer = await this.request({ type: 'aggregate', state, wt, mapping: plain });
    if (answer.type !== 'aggregated') throw new Error(`unexpected answer ${answer.type}`);
    return { result: answer.result, millis: answer.millis };
  }

  terminate(): void {
    this.worker.terminate();
  }
}

// SqliteStorage's WAL checkpoints, run in a worker thread instead of inside a commit on the event
// loop (why: see WalCheckpointer).
import { Worker } from 'node:worker_threads';

export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * Checkpoints the WAL off the event loop. A checkpoint copies the WAL into the database file and
 * fsyncs both; SQLite's automatic checkpoint does that inside whichever commit crosses 1,000
 * pages, on the event loop: at 500 connections those stalls were the server's worst event-loop
 * delays (p99 51 ms against 26 ms without them). So the main connection runs with
 * wal_autocheckpoint=0, and every `intervalMs`, when something was committed since the last one,
 * a worker thread with its own connection (checkpointerThread.mjs) runs a PASSIVE checkpoint,
 * which never blocks the writer. If the worker cannot run, checkpoints fall back to the main
 * connection, as SQLite would have done.
 */
export class WalCheckpointer {
  /** Completed checkpoints and the last result (for tests and diagnostics). */
  readonly done: CheckpointResult[] = [];
  private worker: Worker | null = null;
  private unavailable = false;
  private dirty = false;
  private running = false;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly file: string,
    private readonly onMainThread: () => void,
    intervalMs: number,
  ) {
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  committed(): void {
    this.dirty = true;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    await new Promise<void>((resolve) => {
      const timeout = setTimeout(resolve, 2_000);
      const finish = () => {
        clearTimeout(timeout);
        resolve();
      };
      worker.on('message', (m: { type: string }) => {
        if (m.type === 'closed') finish();
      });
      worker.once('exit', finish);
      worker.postMessage('close');
    });
    await worker.terminate();
  }

  private tick(): void {
    if (!this.dirty || this.running) return;
    this.dirty = false;
    const worker = this.start();
    if (!worker) {
      this.onMainThread();
      return;
    }
    this.running = true;
    worker.postMessage('checkpoint');
  }

  private start(): Worker | null {
    if (this.worker || this.unavailable) return this.worker;
    try {
      const worker = new Worker(new URL('./checkpointerThread.mjs', import.meta.url), {
        workerData: { file: this.file },
      });
      worker.unref();
      worker.on('message', (m: { type: string; result?: CheckpointResult }) => {
        if (m.type === 'checkpointed' && m.result) this.done.push(m.result);
        if (m.type === 'failed') this.dirty = true; // busy: try again next time
        if (m.type === 'checkpointed' || m.type === 'failed') this.running = false;
      });
      worker.on('error', () => this.lose(worker));
      worker.on('exit', () => this.lose(worker));
      this.worker = worker;
      return worker;
    } catch {
      this.unavailable = true;
      return null;
    }
  }

  private lose(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.unavailable = true;
    this.running = false;
    this.dirty = true;
  }
}

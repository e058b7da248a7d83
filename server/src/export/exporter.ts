// Runs exports off the event loop. Rendering a 300-stage map to PDF takes about a second of
// JavaScript; on the main thread that second would stall every workshop's sync. One worker
// thread, started on the first export and kept; a bounded queue in front of it, so a burst of
// export requests is answered "busy" instead of piling up memory; a deadline per export, after
// which the worker is replaced.
import { Worker } from 'node:worker_threads';
import type { FlowMap } from '@flowmap/shared';
import type { ExportRequest, ExportResult } from './render.ts';

export interface Exporter {
  render(map: FlowMap, request: ExportRequest): Promise<ExportResult>;
  close(): Promise<void>;
}

/** The export cannot start now: the queue is full, or the worker is shutting down. */
export class ExportBusyError extends Error {}

export interface ExporterOptions {
  /** Exports queued or running at once; one more is refused with ExportBusyError. */
  maxPending: number;
  /** Longest an export may take before its worker is replaced (and it fails). */
  timeoutMs: number;
}

interface Pending {
  resolve(result: ExportResult): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

type Reply = { id: number; result: ExportResult } | { id: number; error: string };

export class WorkerExporter implements Exporter {
  private worker: Worker | null = null;
  private nextId = 1;
  private closed = false;
  private readonly pending = new Map<number, Pending>();
  private readonly options: ExporterOptions;

  constructor(options: Partial<ExporterOptions> = {}) {
    this.options = { maxPending: 8, timeoutMs: 60_000, ...options };
  }

  render(map: FlowMap, request: ExportRequest): Promise<ExportResult> {
    if (this.closed) return Promise.reject(new ExportBusyError('the server is shutting down'));
    if (this.pending.size >= this.options.maxPending) {
      return Promise.reject(new ExportBusyError('too many exports at once; try again shortly'));
    }
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<ExportResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.replace(worker, new Error(`export took longer than ${this.options.timeoutMs} ms`));
      }, this.options.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, map, request });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.failAll(new ExportBusyError('the server is shutting down'));
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./worker.mjs', import.meta.url));
    // Never what keeps a process alive: the HTTP server does that while it is needed.
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (error) => this.replace(worker, error));
    worker.on('exit', (code) => this.replace(worker, new Error(`export worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(reply: Reply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    this.pending.delete(reply.id);
    clearTimeout(job.timer);
    if ('error' in reply) {
      job.reject(new Error(`export failed: ${reply.error}`));
      return;
    }
    const { result } = reply;
    // Structured cloning turns a Buffer into a plain Uint8Array.
    job.resolve(
      result.ok
        ? {
            ...result,
            bytes: Buffer.from(
              result.bytes.buffer,
              result.bytes.byteOffset,
              result.bytes.byteLength,
            ),
          }
        : result,
    );
  }

  /** A crashed or stuck worker fails what it holds; the next export starts a fresh one. */
  private replace(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failAll(error);
    void worker.terminate();
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    this.pending.clear();
  }
}

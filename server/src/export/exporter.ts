// Runs exports and the other whole-document jobs (documentJobs.ts: JSON export, duplicate,
// snapshot, library summary) off the event loop. Rendering a 300-stage map to PDF takes about a
// second of JavaScript, decoding a map at the document cap several; on the main thread that would
// stall every workshop's sync. One worker thread, started on the first job and kept; a bounded
// queue in front of it, so a burst of requests is answered "busy" instead of piling up memory; a
// deadline per job, after which the worker is replaced.
import { Worker } from 'node:worker_threads';
import type { FlowMap } from '@flowmap/shared';
import {
  type DocumentJob,
  type DocumentJobs,
  type JobResult,
  runDocumentJob,
} from './documentJobs.ts';
import type { ExportRequest, ExportResult } from './render.ts';

export interface Exporter extends DocumentJobs {
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
  /**
   * Jobs other than rendering on documents smaller than this run on the calling thread: a
   * 200-stage map (~60 KB) decodes and reads in a few milliseconds, less than the round trip to
   * the worker, and a snapshot list or the library right after a start must not wait for the
   * worker to boot (it compiles the renderer: a second or two).
   */
  inlineBelowBytes: number;
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

type Reply = { id: number; result: unknown } | { id: number; error: string };

export class WorkerExporter implements Exporter {
  private worker: Worker | null = null;
  private nextId = 1;
  private closed = false;
  private readonly pending = new Map<number, Pending>();
  private readonly options: ExporterOptions;

  constructor(options: Partial<ExporterOptions> = {}) {
    this.options = { maxPending: 8, timeoutMs: 60_000, inlineBelowBytes: 128 * 1024, ...options };
  }

  render(map: FlowMap, request: ExportRequest): Promise<ExportResult> {
    return this.run({ kind: 'render-map', map, request });
  }

  run<J extends DocumentJob>(job: J): Promise<JobResult<J>> {
    if (isSmall(job, this.options.inlineBelowBytes)) return runDocumentJob(job);
    if (this.closed) return Promise.reject(new ExportBusyError('the server is shutting down'));
    if (this.pending.size >= this.options.maxPending) {
      return Promise.reject(new ExportBusyError('too many exports at once; try again shortly'));
    }
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<JobResult<J>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.replace(worker, new Error(`export took longer than ${this.options.timeoutMs} ms`));
      }, this.options.timeoutMs);
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject, timer });
      worker.postMessage({ id, job }, transferables(job));
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
    // Structured cloning turns a Buffer into a plain Uint8Array; exports hand on Buffers.
    if (isRenderedFile(result)) {
      const { bytes } = result;
      job.resolve({
        ...result,
        bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      });
    } else {
      job.resolve(result);
    }
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

function isRenderedFile(result: unknown): result is { ok: true; bytes: Uint8Array } {
  return (
    typeof result === 'object' &&
    result !== null &&
    (result as { ok?: unknown }).ok === true &&
    (result as { bytes?: unknown }).bytes instanceof Uint8Array
  );
}

function documentBytes(job: DocumentJob): Uint8Array[] {
  if ('stored' in job) {
    return job.stored.snapshot ? [job.stored.snapshot, ...job.stored.updates] : job.stored.updates;
  }
  return 'update' in job ? [job.update] : [];
}

function isSmall(job: DocumentJob, limit: number): boolean {
  if (job.kind === 'render' || job.kind === 'render-map') return false;
  let bytes = 0;
  for (const part of documentBytes(job)) bytes += part.byteLength;
  return bytes < limit;
}

/**
 * The stored bytes a job carries, moved to the worker instead of copied (a map at the document cap
 * is 16 MiB, and copying it stalls the event loop too). Only buffers the bytes fill completely:
 * a view into a shared or pooled buffer must not be taken from its owner.
 */
function transferables(job: DocumentJob): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const bytes of documentBytes(job)) {
    if (
      bytes.buffer instanceof ArrayBuffer &&
      bytes.byteOffset === 0 &&
      bytes.byteLength === bytes.buffer.byteLength
    ) {
      out.add(bytes.buffer);
    }
  }
  return [...out];
}

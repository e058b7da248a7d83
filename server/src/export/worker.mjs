// The document worker thread: exports (PNG, PDF, SVG, CSV), the JSON export, duplicates,
// snapshots and library summaries of whole documents run here (documentJobs.ts), so a large map
// never holds up the sync server's event loop. Plain JavaScript because a worker
// starts without the parent's loaders: it registers tsx itself, as bin/flowmap.mjs does for the
// CLI, and then runs the same TypeScript renderer the CLI calls in-process.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runDocumentJob } = await import('./documentJobs.ts');

parentPort?.on('message', async ({ id, job }) => {
  try {
    const result = await runDocumentJob(job);
    // Large results (a copy's or a snapshot's state, a PNG) move to the main thread, not copied.
    const bytes = result?.update ?? result?.bytes;
    const transfer =
      bytes instanceof Uint8Array &&
      bytes.byteOffset === 0 &&
      bytes.byteLength === bytes.buffer.byteLength
        ? [bytes.buffer]
        : [];
    parentPort?.postMessage({ id, result }, transfer);
  } catch (error) {
    parentPort?.postMessage({
      id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});

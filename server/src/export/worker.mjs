// The export worker thread: PNG and PDF rendering (and the SVG and CSV around them) run here, so
// a large export never holds up the sync server's event loop. Plain JavaScript because a worker
// starts without the parent's loaders: it registers tsx itself, as bin/flowmap.mjs does for the
// CLI, and then runs the same TypeScript renderer the CLI calls in-process.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { renderExport } = await import('./render.ts');

parentPort?.on('message', async ({ id, map, request }) => {
  try {
    parentPort?.postMessage({ id, result: await renderExport(map, request) });
  } catch (error) {
    parentPort?.postMessage({
      id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});

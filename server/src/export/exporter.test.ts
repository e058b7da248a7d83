import { afterEach, describe, expect, it } from 'vitest';
import { pdfPageCount, templateWithFuture } from './export.testkit.ts';
import { ExportBusyError, WorkerExporter } from './exporter.ts';
import { renderExport } from './render.ts';

const exporters: WorkerExporter[] = [];
function exporter(options?: ConstructorParameters<typeof WorkerExporter>[0]) {
  const e = new WorkerExporter(options);
  exporters.push(e);
  return e;
}
afterEach(async () => {
  for (const e of exporters.splice(0)) await e.close();
});

describe('WorkerExporter', () => {
  it('renders in a worker thread exactly what the CLI renders in-process', async () => {
    const map = templateWithFuture();
    const worker = exporter();
    for (const format of ['svg', 'png', 'pdf', 'csv'] as const) {
      const there = await worker.render(map, { format, stateId: 'future' });
      const here = await renderExport(map, { format, stateId: 'future' });
      if (!there.ok || !here.ok) throw new Error('export refused');
      expect(Buffer.isBuffer(there.bytes)).toBe(true);
      expect(Buffer.compare(there.bytes as Buffer, here.bytes as Buffer), format).toBe(0);
      expect(there.file).toEqual(here.file);
    }
    expect(await worker.render(map, { format: 'svg', stateId: 'gone' })).toMatchObject({
      ok: false,
      status: 404,
    });
  }, 30_000);

  it('answers busy instead of queueing without bound', async () => {
    const worker = exporter({ maxPending: 2 });
    const map = templateWithFuture();
    const first = worker.render(map, { format: 'pdf' });
    const second = worker.render(map, { format: 'pdf' });
    await expect(worker.render(map, { format: 'pdf' })).rejects.toBeInstanceOf(ExportBusyError);
    for (const result of [await first, await second]) {
      if (!result.ok) throw new Error(result.message);
      expect(pdfPageCount(result.bytes)).toBe(3);
    }
    // The queue drained: the next export runs.
    expect((await worker.render(map, { format: 'csv' })).ok).toBe(true);
  }, 30_000);

  it('replaces a worker that overruns its deadline, failing only what it held', async () => {
    const worker = exporter({ timeoutMs: 1 });
    const map = templateWithFuture();
    await expect(worker.render(map, { format: 'pdf' })).rejects.toThrow(/longer than 1 ms/);
    const patient = exporter();
    expect((await patient.render(map, { format: 'csv' })).ok).toBe(true);
  }, 30_000);

  it('refuses new exports once closed', async () => {
    const worker = exporter();
    const map = templateWithFuture();
    const running = expect(worker.render(map, { format: 'png' })).rejects.toBeInstanceOf(
      ExportBusyError,
    );
    await worker.close();
    await running;
    await expect(worker.render(map, { format: 'svg' })).rejects.toThrow(/shutting down/);
  }, 30_000);
});

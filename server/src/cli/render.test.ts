import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { renderStateSvg } from '@flowmap/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  pdfPageCount,
  pngSize,
  svgDimensions,
  templateWithFuture,
} from '../export/export.testkit.ts';
import { renderExport } from '../export/render.ts';
import { type Harness, startHarness } from '../http/harness.testkit.ts';
import { captureIO } from './io.testkit.ts';
import { runCli } from './main.ts';

const MAP = JSON.stringify(templateWithFuture());

describe('flowmap render', () => {
  it('renders a state picked by name, in the format of the file extension', async () => {
    const c = captureIO({ 'map.json': MAP });
    expect(
      await runCli(['render', 'map.json', '--state', 'Future state', '-o', 'f.svg'], c.io),
    ).toBe(0);
    const svg = Buffer.from(c.written.get('f.svg') ?? []).toString('utf8');
    expect(svg).toBe(renderStateSvg(templateWithFuture(), 'future'));
    expect(c.stdout()).toBe('');
    expect(c.stderr()).toBe(`flowmap: wrote f.svg (${Buffer.byteLength(svg)} bytes)\n`);
  });

  it('writes a 2× PNG of the first current state and a PDF of every state', async () => {
    const c = captureIO({ 'map.json': MAP });
    expect(await runCli(['render', 'map.json', '--format', 'png', '-o', 'out.img'], c.io)).toBe(0);
    const { width, height } = svgDimensions(renderStateSvg(templateWithFuture(), 'current'));
    expect(pngSize(c.written.get('out.img') ?? new Uint8Array())).toEqual({
      width: 2 * width,
      height: 2 * height,
    });
    expect(await runCli(['render', 'map.json', '-o', 'all.pdf'], c.io)).toBe(0);
    expect(pdfPageCount(c.written.get('all.pdf') ?? new Uint8Array())).toBe(3);
    expect(await runCli(['render', 'map.json', '--state', 'current', '-o', 'one.pdf'], c.io)).toBe(
      0,
    );
    expect(pdfPageCount(c.written.get('one.pdf') ?? new Uint8Array())).toBe(2);
    expect(await runCli(['render', 'map.json', '--state', 'future', '-o', 'f.csv'], c.io)).toBe(0);
    expect(
      Buffer.from(c.written.get('f.csv') ?? [])
        .toString()
        .split('\r\n'),
    ).toHaveLength(8);
  });

  it('exits 2 listing the states for an unknown state, and writes nothing', async () => {
    const c = captureIO({ 'map.json': MAP });
    expect(await runCli(['render', 'map.json', '--state', 'Next year', '-o', 'x.png'], c.io)).toBe(
      2,
    );
    expect(c.stderr()).toBe(
      'flowmap: no state “Next year” in this map; states: current (Current state), future (Future state)\n',
    );
    expect(c.written.size).toBe(0);
  });

  it('exits 2 for an invalid file, a missing output or an unknown format', async () => {
    const bad = templateWithFuture() as unknown as { states: Record<string, any> };
    bad.states.future.nodes.vcs.elapsedMinutes = -5;
    const c = captureIO({ 'bad.json': JSON.stringify(bad), 'map.json': MAP });
    expect(await runCli(['render', 'bad.json', '-o', 'x.svg'], c.io)).toBe(2);
    expect(c.stderr()).toContain('states.future.nodes.vcs.elapsedMinutes: must not be negative');
    const d = captureIO({ 'map.json': MAP });
    expect(await runCli(['render', 'map.json'], d.io)).toBe(2);
    expect(d.stderr()).toContain('render needs -o <file>');
    const e = captureIO({ 'map.json': MAP });
    expect(await runCli(['render', 'map.json', '-o', 'x.gif'], e.io)).toBe(2);
    expect(e.stderr()).toBe('flowmap: unknown format “gif”; use one of svg, png, pdf, csv\n');
    const f = captureIO({ 'map.json': MAP });
    expect(await runCli(['render', 'map.json', '-o', 'noext'], f.io)).toBe(2);
    expect(f.stderr()).toContain('say which format with --format svg|png|pdf|csv');
    const g = captureIO({ 'map.json': MAP });
    expect(await runCli(['metrics', 'map.json', '--state', 'x'], g.io)).toBe(2);
    expect(g.stderr()).toContain('metrics does not take --state');
    for (const x of [c, d, e, f, g]) expect(x.written.size).toBe(0);
  });
});

describe('flowmap render and import against a server', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('imports a file and renders the same bytes as the server exports', async () => {
    const c = captureIO(
      { 'map.json': MAP },
      { FLOWMAP_OWNER_KEY: 'test-owner-key-0123456789abcdef' },
    );
    expect(await runCli(['import', 'map.json', '--server', `${h.url}/`, '--json'], c.io)).toBe(0);
    const created = JSON.parse(c.stdout());
    expect(created.viewLink).toBe(`${h.url}/m/${created.id}?token=${created.viewToken}`);
    for (const format of ['svg', 'png', 'pdf', 'csv'] as const) {
      const res = await h.api(`/api/maps/${created.id}/export.${format}?state=future`, {
        owner: false,
        headers: { authorization: `Bearer ${created.viewToken}` },
      });
      expect(res.status).toBe(200);
      const server = new Uint8Array(await res.arrayBuffer());
      const cli = captureIO({ 'map.json': MAP });
      expect(
        await runCli(['render', 'map.json', '--state', 'future', '-o', `x.${format}`], cli.io),
      ).toBe(0);
      expect(
        Buffer.compare(server, cli.written.get(`x.${format}`) ?? new Uint8Array()),
        format,
      ).toBe(0);
    }
  }, 30_000);

  it('prints the links, and refuses a wrong key or an invalid file without importing', async () => {
    const before = (await (await h.api('/api/maps')).json()).maps.length;
    const c = captureIO({ 'map.json': MAP });
    const args = [
      'import',
      'map.json',
      '--server',
      h.url,
      '--key',
      'test-owner-key-0123456789abcdef',
    ];
    expect(await runCli(args, c.io)).toBe(0);
    expect(c.stdout()).toMatch(
      new RegExp(
        `^Imported “Payments service” as [\\w-]{16}\\n  edit link: ${h.url}/m/[\\w-]{16}\\?token=[\\w-]{43}\\n  view link: `,
      ),
    );

    const wrong = captureIO({ 'map.json': MAP });
    expect(await runCli(['import', 'map.json', '--server', h.url, '--key', 'nope'], wrong.io)).toBe(
      2,
    );
    expect(wrong.stderr()).toBe(
      'flowmap: the server refused the import: the instance owner key is required\n',
    );
    const invalid = captureIO({ 'map.json': '{"meta":{}}' });
    expect(await runCli(['import', 'map.json', '--server', h.url, '--key', 'k'], invalid.io)).toBe(
      2,
    );
    expect(invalid.stderr()).toContain('map.json is not a valid Flowmap map (schema v2)');
    const noKey = captureIO({ 'map.json': MAP });
    expect(await runCli(['import', 'map.json', '--server', h.url], noKey.io)).toBe(2);
    expect(noKey.stderr()).toContain('FLOWMAP_OWNER_KEY');
    expect((await (await h.api('/api/maps')).json()).maps.length).toBe(before + 1);
  });

  it('reports an unreachable server with exit 1', async () => {
    // A port that was free a moment ago: nothing listens on it.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const c = captureIO({ 'map.json': MAP });
    const args = ['import', 'map.json', '--server', `http://127.0.0.1:${port}`, '--key', 'k'];
    expect(await runCli(args, c.io)).toBe(1);
    expect(c.stderr()).toMatch(
      new RegExp(`^flowmap: cannot reach http://127.0.0.1:${port}: .*ECONNREFUSED`),
    );
  });
});

describe('flowmap render as a process', () => {
  const run = promisify(execFile);
  const bin = join(import.meta.dirname, '../../bin/flowmap.mjs');

  it('writes files and standard output with the same bytes as in-process', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowmap-render-'));
    await writeFile(join(dir, 'map.json'), MAP);
    const pdf = join(dir, 'map.pdf');
    const done = await run(process.execPath, [bin, 'render', join(dir, 'map.json'), '-o', pdf]);
    expect(done.stdout).toBe('');
    expect(done.stderr).toMatch(/^flowmap: wrote .*map\.pdf \(\d+ bytes\)\n$/);
    const expected = await renderExport(templateWithFuture(), { format: 'pdf' });
    if (!expected.ok) throw new Error(expected.message);
    expect(Buffer.compare(await readFile(pdf), Buffer.from(expected.bytes))).toBe(0);

    const svg = await run(process.execPath, [
      bin,
      'render',
      join(dir, 'map.json'),
      '--format',
      'svg',
      '-o',
      '-',
    ]);
    expect(svg.stdout).toBe(renderStateSvg(templateWithFuture(), 'current'));
    expect(svg.stderr).toBe('');
  }, 30_000);
});

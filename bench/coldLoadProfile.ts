/// <reference lib="dom" />
// Where a cold load of the 300-stage map spends its time, for whoever works on it next: opens the
// map in a fresh Chromium context with the V8 sampling profiler on, waits until the minimap draws
// every node, and prints the functions with the most self time after the server's sync step 2
// arrived, grouped by package (and the top functions of each), plus the wall time of that stretch.
// Run from bench/: `npx tsx coldLoadProfile.ts [stages] [runs]` (uses the existing client/dist;
// `pnpm --filter @flowmap/client build` first). Not part of `pnpm bench`: a profiler changes what
// it measures, so these are shares, not figures to compare with the benchmark's.
import { launchBrowser, participant } from '@flowmap/e2e/fixtures/browser';
import { editUrl, startServer } from '@flowmap/e2e/fixtures/server';
import { DEFAULT_META, type FlowMap } from '@flowmap/shared';
import { largeState } from './fixtures.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const stages = Number(process.argv[2] ?? 300);
const runs = Number(process.argv[3] ?? 1);

function packageOf(url: string): string {
  if (!url) return '(native)';
  const file = url.split('/').pop() ?? url;
  return file.replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js');
}

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const map: FlowMap = {
      meta: { ...DEFAULT_META, title: `${stages} stages` },
      states: { bench: largeState(stages) },
    };
    const links = await server.importMap(map);
    for (let run = 0; run < runs; run++) {
      const context = await participant(browser, 'Profiler');
      await context.addInitScript(() => {
        const w = window as unknown as { __step2: number };
        w.__step2 = -1;
        const Native = window.WebSocket;
        window.WebSocket = class extends Native {
          constructor(url: string | URL, protocols?: string | string[]) {
            super(url, protocols);
            this.addEventListener('message', (event: MessageEvent) => {
              if (w.__step2 >= 0 || !(event.data instanceof ArrayBuffer)) return;
              const b = new Uint8Array(event.data, 0, 2);
              if (b[0] === 0 && b[1] === 1) w.__step2 = performance.now();
            });
          }
        };
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      await page.goto(editUrl(server, links));
      await page.waitForFunction(
        (n) => document.querySelectorAll('.react-flow__minimap-node').length === n,
        stages + 2,
        { timeout: 30_000 },
      );
      const { step2, now } = await page.evaluate(() => ({
        step2: (window as unknown as { __step2: number }).__step2,
        now: performance.now(),
      }));
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      await context.close();
      report(profile, now - step2);
    }
  } finally {
    await browser.close();
    await server.dispose();
  }
}

/** Self time per function over the last `windowMs` of the profile (from step 2 to rendered). */
function report(profile: Profile, windowMs: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) {
    t += d;
    times.push(t);
  }
  const end = times[times.length - 1] ?? 0;
  const from = end - windowMs * 1000;
  const self = new Map<string, number>();
  const pkg = new Map<string, number>();
  // Inclusive time: each function counted once per sample, however deep it recurs.
  const inclusive = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    if ((times[i] ?? 0) < from) continue;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(profile.samples[i] as number);
    if (!node) continue;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${packageOf(f.url)}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const p = packageOf(f.url);
    pkg.set(p, (pkg.get(p) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)?.callFrame;
      const name = f
        ? `${f.functionName || '(anonymous)'} ${packageOf(f.url)}:${f.lineNumber}`
        : '';
      if (!seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
      }
    }
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`\nstep 2 → rendered: ${windowMs.toFixed(0)} ms (profiled)`);
  console.log('by function (inclusive):');
  for (const [k, v] of top(inclusive, Number(process.env.TOP_INCLUSIVE ?? 60)))
    console.log(`  ${v.toFixed(1).padStart(7)} ms  ${k}`);
  console.log('by file:');
  for (const [k, v] of top(pkg, 12)) console.log(`  ${v.toFixed(1).padStart(7)} ms  ${k}`);
  console.log('by function (self):');
  for (const [k, v] of top(self, 30)) console.log(`  ${v.toFixed(1).padStart(7)} ms  ${k}`);
}

await main();

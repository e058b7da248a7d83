// The Content-Security-Policy the server sends with every page, against the real built client:
// the library, the editor (two participants, so presence renders), an export download (a blob:
// URL), the snapshots view and its trend charts all work with zero CSP violations, and the policy
// is really enforced (an injected inline script does not run). A violation is caught both as the page's
// `securitypolicyviolation` event and as Chromium's console message.
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useE2E } from '../fixtures/harness.ts';
import { mapWithFutureState } from '../fixtures/maps.ts';
import { editUrl, OWNER_KEY } from '../fixtures/server.ts';
import { EditorPage } from '../pages/editor.ts';
import { ExportMenu } from '../pages/exportMenu.ts';
import { SnapshotsPage } from '../pages/snapshots.ts';

const e2e = useE2E();

interface Watched {
  page: Page;
  /** Violations seen by the page, as "directive blocked-uri". */
  violations(): Promise<string[]>;
  /** Console messages about the CSP. */
  console: string[];
  /** The Content-Security-Policy header of every document the page loaded. */
  policies: string[];
}

async function watch(context: BrowserContext): Promise<Watched> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      // Where it came from, so a failure names the culprit.
      seen.push(
        `${event.effectiveDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      );
    });
  });
  const page = await context.newPage();
  const watched: Watched = {
    page,
    violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
    console: [],
    policies: [],
  };
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) {
      watched.console.push(message.text());
    }
  });
  page.on('response', (response) => {
    if (response.request().resourceType() === 'document') {
      watched.policies.push(response.headers()['content-security-policy'] ?? '(none)');
    }
  });
  return watched;
}

it('the library and the editor run with the CSP on and no violation', async () => {
  const map = await e2e.server.importMap(mapWithFutureState());
  const url = editUrl(e2e.server, map);

  const library = await watch(await e2e.context('Owner'));
  await library.page.goto(`${e2e.server.url}/#key=${OWNER_KEY}`);
  await library.page.getByText('Payments service').first().waitFor();
  expect(await library.violations()).toEqual([]);

  const guest = await watch(await e2e.context('Guest'));
  await new EditorPage(guest.page).open(url);
  const host = await watch(await e2e.context('Facilitator'));
  const editor = await new EditorPage(host.page).open(url);
  const { page } = editor;

  // Presence (the guest's cursor), a new stage, an export download through a blob: URL.
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('no canvas');
  await guest.page.mouse.move(box.x + 300, box.y + 300);
  await guest.page.mouse.move(box.x + 320, box.y + 310, { steps: 3 });
  await page.locator('.fm-cursor').first().waitFor();
  // A drag, seen live by the other participant (React Flow moves nodes with style transforms).
  const node = page.locator('.react-flow__node[data-id="security-review"] .vsm-process');
  const start = await node.boundingBox();
  if (!start) throw new Error('node not on screen');
  await page.mouse.move(start.x + 30, start.y + 15);
  await page.mouse.down();
  await page.mouse.move(start.x + 30, start.y + 135, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await node.boundingBox())?.y ?? 0).toBeGreaterThan(start.y + 60);
  await editor.addStage('Threat model');
  const svg = await new ExportMenu(page).download(/^SVG image of/);
  expect(svg.text()).toContain('Threat model');

  // The snapshots view and Chart.js' trend (lazy chunks).
  const snapshots = new SnapshotsPage(page);
  await snapshots.show();
  await snapshots.take('Baseline');
  await snapshots.tab('Trend');
  await snapshots.chart('totalLeadTimeMinutes').locator('canvas').waitFor();
  await snapshots.back();

  for (const watched of [library, guest, host]) {
    expect(await watched.violations()).toEqual([]);
    expect(watched.console).toEqual([]);
    expect(watched.policies.length).toBeGreaterThan(0);
    for (const policy of watched.policies) {
      expect(policy).toMatch(/^default-src 'self'; script-src 'self';/);
      expect(policy).toContain("frame-ancestors 'self'");
    }
  }

  // Not vacuous: the policy is enforced (an injected inline script does not run), and the
  // violation it causes is seen.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.head.append(script);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  await expect
    .poll(async () => (await host.violations()).map((v) => v.split(' at ')[0]))
    .toEqual(['script-src-elem inline']);
});
